// Shared by the benchmark files: what a benchmark reports, and the package build they measure.
import { runLocalBin } from "../scripts/lib/run";
import { step } from "../scripts/lib/log";

/** One line of the results table: a measurement of this package against a baseline. */
export interface BenchResult {
  benchmark: string;
  unit: string;
  baseline: { label: string; value: number };
  measured: { label: string; value: number };
  /** measured / baseline, unless the benchmark computes it otherwise (e.g. a median of ratios). */
  ratio?: number;
  /** The goal for the ratio. */
  target: { atMost: number } | { atLeast: number };
  /** Extra context printed under the table (e.g. the third contender, the number of runs). */
  note?: string;
}

/** A benchmark file's default export. */
export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function ratio(result: BenchResult): number {
  return result.ratio ?? result.measured.value / result.baseline.value;
}

export function meetsTarget(result: BenchResult): boolean {
  const value = ratio(result);
  return "atMost" in result.target ? value <= result.target.atMost : value >= result.target.atLeast;
}

let built: Promise<unknown> | undefined;

/** Builds dist/package once per run (the benchmarks measure what ships). */
export function buildPackageOnce(): Promise<unknown> {
  built ??= (step("building the package (npm run build:package)"), runLocalBin("tsx", ["scripts/build-package.ts"]));
  return built;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
