// Released descriptions: releases/<version>/openapi.json, one folder per semantic version.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { ScriptError } from "./log";

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
  text: string;
}

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

/** Parses MAJOR.MINOR.PATCH[-PRERELEASE]; undefined when the text is not a semantic version. */
export function parseVersion(text: string): Version | undefined {
  const match = semver.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ?? "", text };
}

/** Orders versions as semver does (a prerelease sorts before its release; prereleases compare as text). */
export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

export interface Release {
  version: Version;
  file: string;
}

/** Every release under `dir`, oldest first; fails on a folder that is not named after a version. */
export async function listReleases(dir: string): Promise<Release[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const releases = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const version = parseVersion(entry.name);
      if (!version) throw new ScriptError(`${path.join(dir, entry.name)} is not named after a semantic version (MAJOR.MINOR.PATCH)`);
      return { version, file: path.join(dir, entry.name, "openapi.json") };
    });
  return releases.sort((a, b) => compareVersions(a.version, b.version));
}
