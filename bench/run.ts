// Runs the benchmarks (every bench/*.bench.ts, one after the other) and prints a table of results
// against their targets. Exits 1 when a target is missed.
//   npm run bench:client                     all of them (`npm run bench` runs them too)
//   npm run bench:client -- --only throughput one of them (the file name without .bench.ts)
//   npm run bench:client -- --record         also write the results into BENCHMARKS.md
import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { moveIntoPlace, tempDir } from "../scripts/lib/files";
import { done, runMain, ScriptError, step } from "../scripts/lib/log";
import { parseOptions } from "../scripts/lib/options";
import { projectRoot } from "../scripts/lib/project";
import { meetsTarget, ratio, type Bench, type BenchResult } from "./lib";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const benchmarksFile = path.join(projectRoot, "BENCHMARKS.md");
const startMarker = "<!-- bench:results:start (written by npm run bench:client -- --record) -->";
const endMarker = "<!-- bench:results:end -->";

function targetText(result: BenchResult): string {
  return "atMost" in result.target ? `≤ ${result.target.atMost}×` : `≥ ${result.target.atLeast}×`;
}

/** The results as a Markdown table, followed by the notes. */
function table(results: BenchResult[]): string {
  const rows = results.map((result) => [
    result.benchmark,
    `${result.baseline.label}: ${result.baseline.value.toLocaleString("en")} ${result.unit}`,
    `${result.measured.label}: ${result.measured.value.toLocaleString("en")} ${result.unit}`,
    `${ratio(result).toFixed(2)}×`,
    targetText(result),
    meetsTarget(result) ? "pass" : "**MISSED**",
  ]);
  const lines = [["benchmark", "baseline", "this package", "ratio", "target", "result"], ["---", "---", "---", "---:", "---", "---"], ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  const notes = results.filter((result) => result.note).map((result) => `- ${result.benchmark}: ${result.note}`);
  return [...lines, ...(notes.length ? ["", ...notes] : [])].join("\n");
}

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((value) => value.toFixed(2)).join(", ");
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} logical cores; memory ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()}); Node.js ${process.version}`,
    `- load average when the run started (1, 5, 15 min): ${load}`,
  ].join("\n");
}

async function loadBenches(only: string | undefined): Promise<Bench[]> {
  const files = (await readdir(benchDir)).filter((file) => file.endsWith(".bench.ts")).sort();
  const names = files.map((file) => file.replace(/\.bench\.ts$/, ""));
  if (only && !names.includes(only)) throw new ScriptError(`--only ${only}: no bench/${only}.bench.ts (known: ${names.join(", ")})`);
  const chosen = files.filter((_, i) => !only || names[i] === only);
  return Promise.all(chosen.map(async (file) => (await import(pathToFileURL(path.join(benchDir, file)).href)).default as Bench));
}

/** Replaces the results block of BENCHMARKS.md, leaving the rest of the file as written. */
async function record(block: string): Promise<void> {
  const current = await readFile(benchmarksFile, "utf8");
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  if (start < 0 || end < start) throw new ScriptError(`${path.relative(projectRoot, benchmarksFile)} has no results block (${startMarker} ... ${endMarker})`);
  const next = `${current.slice(0, start + startMarker.length)}\n${block}\n${current.slice(end)}`;
  const { dir, cleanup } = await tempDir("bench-record");
  try {
    await writeFile(path.join(dir, "BENCHMARKS.md"), next);
    await moveIntoPlace(path.join(dir, "BENCHMARKS.md"), benchmarksFile);
  } finally {
    await cleanup();
  }
}

async function main(): Promise<void> {
  const options = parseOptions({ only: { type: "string" }, record: { type: "boolean", default: false } });
  const environment = machine();
  const results: BenchResult[] = [];
  for (const bench of await loadBenches(options.only)) {
    step(`running ${bench.name}`);
    results.push(...(await bench.run()));
  }
  const report = `${table(results)}\n\nMeasured ${new Date().toISOString().slice(0, 10)} on:\n\n${environment}`;
  process.stdout.write(`\n${report}\n\n`);
  if (options.record) {
    if (options.only) throw new ScriptError("--record writes the whole table: run it without --only");
    await record(report);
    done(`recorded in ${path.relative(projectRoot, benchmarksFile)}`);
  }
  const missed = results.filter((result) => !meetsTarget(result));
  if (missed.length) throw new ScriptError(`target missed: ${missed.map((result) => result.benchmark).join(", ")}`);
  done("every target met");
}

runMain(main);
