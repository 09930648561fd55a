// The breaking-change gate (npm run check:breaking) and the release script, run for real (redocly diff
// included) on copies of a small fixture API, test/fixtures/things-api.json, released as 1.0.0 in a temp dir.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localBin, projectRoot } from "../scripts/lib/project";
import { tempDir } from "../scripts/lib/files";
import { breakingEntries, checkBreakingChanges, deprecationProblems, type GateResult } from "../scripts/lib/breaking";

const run = promisify(execFile);
const released = JSON.parse(await readFile(path.join(projectRoot, "test/fixtures/things-api.json"), "utf8"));
const clone = (): any => structuredClone(released);

let dir = "";
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir("breaking")));
afterEach(() => cleanup());

/** Writes the release, the revision and the changelog into the temp dir; returns the paths. */
async function workspace(revision: object, changelog = "# Changelog\n", releases: Record<string, object> = { "1.0.0": released }) {
  for (const [version, document] of Object.entries(releases)) {
    await mkdir(path.join(dir, "releases", version), { recursive: true });
    await writeFile(path.join(dir, "releases", version, "openapi.json"), JSON.stringify(document));
  }
  const files = { revisionFile: path.join(dir, "revision.json"), releasesDir: path.join(dir, "releases"), changelogFile: path.join(dir, "CHANGELOG.md") };
  await writeFile(files.revisionFile, JSON.stringify(revision));
  await writeFile(files.changelogFile, changelog);
  return files;
}

async function gate(revision: object, changelog?: string, releases?: Record<string, object>): Promise<GateResult> {
  return checkBreakingChanges(await workspace(revision, changelog, releases));
}

const rules = (result: GateResult) => result.breaking.map((change) => `${change.rule}: ${change.operations.join(", ")}`);

/** A 2.0.0 that removes the deprecated deleteThing and makes `note` required when creating a thing. */
function majorRevision(): any {
  const revision = clone();
  revision.info.version = "2.0.0";
  delete revision.paths["/things/{id}"].delete;
  revision.components.schemas.ThingCreateRequest.required.push("note");
  return revision;
}

describe("breaking-change gate", () => {
  it("passes, saying why, when nothing has been released yet", async () => {
    const result = await gate(clone(), undefined, {});
    expect(result.problems).toEqual([]);
    expect(result.notes.join()).toMatch(/no release in .* yet/);
  });

  it("fails on breaking edits, naming each one and every operation it breaks", async () => {
    const revision = clone();
    delete revision.paths["/things/{id}"].get; // operation removed
    revision.components.schemas.ThingCreateRequest.required.push("note"); // new required request field
    revision.components.schemas.ThingCreateRequest.properties.color.enum = ["red"]; // request enum value removed
    revision.components.schemas.Thing.properties.name.type = "integer"; // type change
    revision.components.schemas.Thing.properties.size.enum.push("medium"); // value added to a closed enum

    const result = await gate(revision);
    expect(rules(result)).toEqual(
      expect.arrayContaining([
        "operation-removed: getThing",
        "required-properties-added: createThing",
        "enum-values-removed: createThing",
        // Thing is shared: the change breaks every operation that returns it.
        expect.stringMatching(/^schema-type-changed: (?=.*listThings)(?=.*createThing)(?=.*getThing)/),
        expect.stringMatching(/^enum-values-added: .*listThings/),
      ]),
    );
    expect(result.problems.join("\n")).toMatch(/need a new major version: info\.version is 1\.0\.0 .* set info\.version to 2\.0\.0/);
    expect(result.problems.join("\n")).toMatch(/CHANGELOG\.md has no \[Breaking\] entry/);
  });

  it("passes additive changes without a version bump", async () => {
    const revision = clone();
    revision.components.schemas.ThingCreateRequest.properties.tag = { type: "string" }; // new optional request field
    revision.components.schemas.Thing.properties.tag = { type: "string" }; // new response field
    revision.paths["/things/{id}"].patch = { operationId: "updateThing", responses: { "200": { description: "Updated." } } }; // new operation
    revision.components.schemas.Thing.properties.status.enum.push("snoozed"); // x-extensible-enum: true

    const result = await gate(revision);
    expect(result.problems).toEqual([]);
    expect(result.breaking).toEqual([]);
    expect(result.counts.minor).toBeGreaterThanOrEqual(4);
    expect(result.notes).toEqual([expect.stringMatching(/changed since release 1\.0\.0 but info\.version is still 1\.0\.0/)]);
  });

  it("allows breaking changes in a new major version whose CHANGELOG entries name every operation", async () => {
    const changelog = [
      "# Changelog",
      "## [Unreleased]",
      "### Removed",
      "- [Breaking] `deleteThing` is gone, as announced (sunset 2026-06-30).",
      "### Changed",
      "- [Breaking] Creating a thing",
      "  (`createThing`) now needs a `note`.",
    ].join("\n");
    const result = await gate(majorRevision(), changelog);
    expect(rules(result)).toEqual(expect.arrayContaining(["operation-removed: deleteThing", "required-properties-added: createThing"]));
    expect(result.problems).toEqual([]);
  });

  it("fails when the CHANGELOG misses an operation (entries of older releases do not count)", async () => {
    const changelog = ["## [Unreleased]", "- [Breaking] `deleteThing` was removed.", "## [1.0.0] - 2026-01-01", "- [Breaking] createThing"].join("\n");
    const result = await gate(majorRevision(), changelog);
    expect(result.problems).toEqual([expect.stringMatching(/\[Breaking\] entries do not name createThing:/)]);
  });

  it("fails on breaking changes under a minor version bump, even with CHANGELOG entries", async () => {
    const revision = majorRevision();
    revision.info.version = "1.1.0";
    const result = await gate(revision, "## [1.1.0]\n- [Breaking] deleteThing, createThing\n");
    expect(result.problems).toEqual([expect.stringMatching(/need a new major version: info\.version is 1\.1\.0 and the newest release is 1\.0\.0/)]);
  });

  it("refuses to remove an operation that was not deprecated first, even in a new major version", async () => {
    const revision = clone();
    revision.info.version = "2.0.0";
    delete revision.paths["/things/{id}"].get;
    const result = await gate(revision, "## [Unreleased]\n- [Breaking] getThing removed\n");
    expect(result.problems).toEqual([expect.stringMatching(/Operation `GET \/things\/\{id\}` was removed\. It was not deprecated in 1\.0\.0/)]);
  });

  it("compares with the newest release and refuses to go back in version", async () => {
    const newer = clone();
    newer.info.version = "1.10.0";
    const result = await gate(clone(), undefined, { "1.0.0": released, "1.10.0": newer, "1.9.0": released });
    expect(result.release?.version.text).toBe("1.10.0");
    expect(result.problems).toEqual(["info.version 1.0.0 is lower than the newest release 1.10.0"]);
  });

  it("the command prints the breaking changes by operation and exits 1", async () => {
    const revision = clone();
    delete revision.paths["/things/{id}"].get;
    const files = await workspace(revision);
    const failure = await run(localBin("tsx"), ["scripts/check-breaking.ts", "--revision", files.revisionFile, "--releases", files.releasesDir, "--changelog", files.changelogFile], { cwd: projectRoot }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Breaking changes since 1\.0\.0, by operation:\n {2}getThing\n {4}- Operation `GET \/things\/\{id\}` was removed\. \(operation-removed; openapi\/paths\/things_\{id\}\.yaml\)/);
    expect(failure?.stderr).toMatch(/✖ breaking-change gate failed:/);
  });
});

describe("CHANGELOG [Breaking] entries", () => {
  it("are read from the Unreleased and the current version's sections only, continuation lines included", () => {
    const changelog = ["## [Unreleased]", "### Removed", "- [Breaking] a", "  b", "- not breaking", "## [2.0.0] - 2027-01-01", "* [breaking] c", "## [1.0.0]", "- [Breaking] d"].join("\n");
    expect(breakingEntries(changelog, "2.0.0")).toEqual(["- [Breaking] a b", "* [breaking] c"]);
  });
});

describe("deprecations", () => {
  const withDeleteThing = (change: (operation: any) => void) => {
    const document = clone();
    change(document.paths["/things/{id}"].delete);
    return deprecationProblems(document);
  };

  it("accept a deprecation with x-sunset repeated in its description", () => {
    expect(deprecationProblems(released)).toEqual([]);
  });

  it("need an x-sunset date", () => {
    expect(withDeleteThing((operation) => delete operation["x-sunset"])).toEqual([expect.stringMatching(/paths › \/things\/\{id\} › delete \(openapi\/paths\/things_\{id\}\.yaml\) is deprecated without `x-sunset: YYYY-MM-DD`/)]);
    expect(withDeleteThing((operation) => (operation["x-sunset"] = "soon"))).toHaveLength(1);
  });

  it("need the date in the description", () => {
    expect(withDeleteThing((operation) => (operation.description = "Deprecated."))).toEqual([expect.stringMatching(/deprecated until 2026-06-30, but its description does not say so/)]);
  });
});

describe("npm run release", () => {
  const release = (spec: string, releases: string, changelog: string) => run(localBin("tsx"), ["scripts/release.ts", "--spec", spec, "--releases", releases, "--changelog", changelog], { cwd: projectRoot });
  const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { code: number; stderr: string }) => error);

  it("snapshots the description as releases/<info.version>/openapi.json and never overwrites one", async () => {
    const files = await workspace(clone(), "## [1.1.0] - 2026-02-01\n### Added\n- things\n");
    const spec = clone();
    spec.info.version = "1.1.0";
    await writeFile(files.revisionFile, JSON.stringify(spec));

    await release(files.revisionFile, files.releasesDir, files.changelogFile);
    expect(JSON.parse(await readFile(path.join(files.releasesDir, "1.1.0/openapi.json"), "utf8"))).toEqual(spec);

    const again = await failureOf(release(files.revisionFile, files.releasesDir, files.changelogFile));
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/release 1\.1\.0 already exists .* a release is never changed/);
  });

  it("refuses a version without its CHANGELOG section, or not newer than the newest release", async () => {
    const files = await workspace(clone(), "## [Unreleased]\n");
    const spec = clone();
    spec.info.version = "1.2.0";
    await writeFile(files.revisionFile, JSON.stringify(spec));
    expect((await failureOf(release(files.revisionFile, files.releasesDir, files.changelogFile)))?.stderr).toMatch(/CHANGELOG\.md has no "## \[1\.2\.0\] - YYYY-MM-DD" section/);

    spec.info.version = "0.9.0";
    await writeFile(files.revisionFile, JSON.stringify(spec));
    expect((await failureOf(release(files.revisionFile, files.releasesDir, files.changelogFile)))?.stderr).toMatch(/info\.version 0\.9\.0 is not newer than the newest release 1\.0\.0/);
  });
});
