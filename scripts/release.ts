// Cuts a release: copies generated/openapi.json to releases/<info.version>/openapi.json, the baseline the
// breaking-change gate compares later changes with. Refuses to overwrite a release, to go back in version,
// to release a stale generated/ or a version CHANGELOG.md does not describe.
//   npm run release
//   npm run release -- --spec FILE --releases DIR --changelog FILE   (the tests use fixtures)
import { copyFile, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { bundledJson, changelogFile, releasesDir, shownPath } from "./lib/project";
import { compareVersions, listReleases, parseVersion } from "./lib/releases";
import { moveIntoPlace, tempDir } from "./lib/files";
import { done, runMain, ScriptError, step } from "./lib/log";
import { parseOptions } from "./lib/options";
import { runLocalBin } from "./lib/run";

async function main(): Promise<void> {
  const options = parseOptions({ spec: { type: "string" }, releases: { type: "string" }, changelog: { type: "string" } });
  const spec = path.resolve(options.spec ?? bundledJson);
  const releases = path.resolve(options.releases ?? releasesDir);
  const changelog = path.resolve(options.changelog ?? changelogFile);

  const document = JSON.parse(await readFile(spec, "utf8"));
  const text = String(document?.info?.version ?? "");
  const version = parseVersion(text);
  if (!version) throw new ScriptError(`info.version of ${spec} is ${JSON.stringify(text)}, not a semantic version MAJOR.MINOR.PATCH`);

  const target = path.join(releases, text, "openapi.json");
  if (await stat(target).then(() => true, () => false)) {
    throw new ScriptError(`release ${text} already exists (${target}); a release is never changed: set a new info.version in openapi/openapi.yaml first`);
  }
  const newest = (await listReleases(releases)).at(-1);
  if (newest && compareVersions(version, newest.version) <= 0) {
    throw new ScriptError(`info.version ${text} is not newer than the newest release ${newest.version.text}`);
  }
  const heading = new RegExp(`^## \\[${text.replaceAll(".", "\\.")}\\]`, "m");
  if (!heading.test(await readFile(changelog, "utf8").catch(() => ""))) {
    throw new ScriptError(`CHANGELOG.md has no "## [${text}] - YYYY-MM-DD" section: move the Unreleased entries under it first`);
  }

  if (!options.spec) {
    step("checking that generated/ matches openapi/");
    await runLocalBin("tsx", ["scripts/generate.ts", "--check"]);
  }
  step(`releasing ${shownPath(spec)} as ${text}`);
  const { dir, cleanup } = await tempDir("release");
  try {
    const staged = path.join(dir, "openapi.json");
    await copyFile(spec, staged);
    await moveIntoPlace(staged, target);
  } finally {
    await cleanup();
  }
  done(`wrote ${shownPath(target)}; commit it. check:breaking now compares against ${text}.`);
}

runMain(main);
