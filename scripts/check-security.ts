// Security audit: Spectral with the OWASP API Security ruleset (.spectral.yaml) over the bundled
// description. Fails on any error or warning; the ruleset file holds the waivers, each with its reason.
//   npm run check:security                  audit generated/openapi.json
//   npm run check:security -- --spec FILE   audit another bundled document (the tests use fixtures)
import path from "node:path";
import { bundledJson, projectRoot, shownPath } from "./lib/project";
import { runLocalBinCapture, toolOutput } from "./lib/run";
import { done, runMain, ScriptError, step } from "./lib/log";
import { parseOptions } from "./lib/options";
import { sourceFileFor } from "./lib/source-files";

interface SpectralResult {
  code: string;
  message: string;
  path: (string | number)[];
  severity: 0 | 1 | 2 | 3;
  range: { start: { line: number } };
}

const severityNames = ["error", "warning", "info", "hint"] as const;

function lint(spec: string, ruleset: string): Promise<SpectralResult[]> {
  // Spectral exits 1 when it has findings and 2 when it could not lint at all (missing file, bad ruleset).
  return runLocalBinCapture("spectral", ["lint", spec, "--ruleset", ruleset, "--format", "json", "--fail-severity", "error", "--quiet"]).then((result) => {
    if (result.code !== 0 && result.code !== 1) throw new ScriptError(`spectral could not audit ${spec} (exit ${result.code}):\n${toolOutput(result)}`);
    try {
      return JSON.parse(result.stdout) as SpectralResult[];
    } catch {
      throw new ScriptError(`spectral did not answer with JSON:\n${toolOutput(result)}`);
    }
  });
}

function describe(result: SpectralResult, spec: string): string {
  const where = result.path.length > 0 ? result.path.join(" › ") : "(document)";
  return [
    `  ${severityNames[result.severity]}  ${result.code}`,
    `    at   ${where}  (${shownPath(spec)}:${result.range.start.line + 1})`,
    `    fix  ${sourceFileFor(result.path)}: ${result.message}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions({ spec: { type: "string" }, ruleset: { type: "string" } });
  const spec = path.resolve(options.spec ?? bundledJson);
  const ruleset = path.resolve(options.ruleset ?? path.join(projectRoot, ".spectral.yaml"));
  step(`auditing ${shownPath(spec)} with Spectral's OWASP API security ruleset (${shownPath(ruleset)})`);

  const results = (await lint(spec, ruleset)).sort((a, b) => a.severity - b.severity || a.code.localeCompare(b.code));
  const counts = severityNames.map((name, severity) => `${results.filter((r) => r.severity === severity).length} ${name}s`).join(", ");
  for (const result of results) process.stderr.write(`${describe(result, spec)}\n`);

  const failing = results.filter((result) => result.severity <= 1);
  if (failing.length > 0) {
    throw new ScriptError(
      `security audit: ${counts}. Fix each error and warning in the file named after "fix" (CONTRIBUTING.md has the checklist), ` +
        `or, if the rule cannot apply, waive it in .spectral.yaml with a one-line reason.`,
    );
  }
  done(`security audit: ${counts}`);
}

runMain(main);
