// Breaking-change gate: compares generated/openapi.json with the newest release in releases/ (redocly diff)
// and fails on breaking changes unless info.version is a new major and CHANGELOG.md names every operation
// they break in a "[Breaking]" entry. Also checks that deprecations carry a sunset date.
//   npm run check:breaking
//   npm run check:breaking -- --revision FILE --releases DIR --changelog FILE   (the tests use fixtures)
import path from "node:path";
import { bundledJson, changelogFile, releasesDir, shownPath } from "./lib/project";
import { checkBreakingChanges, type BreakingChange } from "./lib/breaking";
import { done, runMain, ScriptError, step } from "./lib/log";
import { parseOptions } from "./lib/options";


/** Breaking changes grouped by the operations they break, for a reader deciding what to tell clients. */
function listBreaking(changes: BreakingChange[]): string {
  const groups = new Map<string, BreakingChange[]>();
  for (const change of changes) {
    const key = change.operations.length > 0 ? change.operations.join(", ") : "(whole API)";
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups]
    .map(([operations, group]) => [`  ${operations}`, ...group.map((change) => `    - ${change.message} (${change.rule}; ${change.source})`)].join("\n"))
    .join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions({ revision: { type: "string" }, releases: { type: "string" }, changelog: { type: "string" } });
  const input = {
    revisionFile: path.resolve(options.revision ?? bundledJson),
    releasesDir: path.resolve(options.releases ?? releasesDir),
    changelogFile: path.resolve(options.changelog ?? changelogFile),
  };
  step(`checking ${shownPath(input.revisionFile)} for breaking changes against the newest release in ${shownPath(input.releasesDir)}/`);
  const result = await checkBreakingChanges(input);
  for (const note of result.notes) step(note);

  const { major, minor, patch } = result.counts;
  if (result.release) step(`changes since ${result.release.version.text}: ${major} breaking, ${minor} minor, ${patch} patch`);
  if (result.breaking.length > 0) process.stderr.write(`Breaking changes since ${result.release?.version.text}, by operation:\n${listBreaking(result.breaking)}\n`);

  if (result.problems.length > 0) throw new ScriptError(`breaking-change gate failed:\n${result.problems.map((problem) => `  - ${problem}`).join("\n")}`);
  if (result.breaking.length > 0) done(`breaking changes allowed: ${result.version} is a new major version and CHANGELOG.md names every operation they break`);
  else done(`no breaking changes${result.release ? ` since ${result.release.version.text}` : ""} (info.version ${result.version})`);
}

runMain(main);
