// npm run bench: every benchmark in one run, the spec tooling (mock, builds) and then the client
// package. `-- --record` writes both sets of results into BENCHMARKS.md. Each part also runs alone:
// `npm run bench:tooling`, `npm run bench:client`.
import { spawn } from "node:child_process";
import { localBin, projectRoot } from "../scripts/lib/project";
import { runMain, ScriptError, step } from "../scripts/lib/log";
import { parseOptions } from "../scripts/lib/options";

function runPart(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(localBin("tsx"), [script, ...args], { cwd: projectRoot, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new ScriptError(`${script} failed (exit ${code})`))));
  });
}

runMain(async () => {
  const { record } = parseOptions({ record: { type: "boolean", default: false } });
  const args = record ? ["--record"] : [];
  step("spec tooling benchmarks (bench/spec-tooling.ts)");
  await runPart("bench/spec-tooling.ts", args);
  step("client package benchmarks (bench/run.ts)");
  await runPart("bench/run.ts", args);
});
