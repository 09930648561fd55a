// Turns a contract run into the table people read, and the JSON and JUnit files tools read.
import type { ContractRun, OperationResult } from "./run";

export interface RunContext {
  /** Where the run went, without credentials. */
  target: string;
  writes: boolean;
  startedAt: string;
}

function counts(run: ContractRun) {
  const count = (outcome: OperationResult["outcome"]) => run.results.filter((r) => r.outcome === outcome).length;
  return { total: run.results.length, passed: count("pass"), failed: count("fail"), skipped: count("skipped") };
}

/** Whether the run should end with exit code 1. */
export function runFailed(run: ContractRun): boolean {
  return counts(run).failed > 0 || run.cleanupProblems.length > 0;
}

function note(result: OperationResult): string {
  return result.outcome === "skipped" ? (result.reason ?? "") : (result.problems[0]?.message ?? "");
}

export function table(run: ContractRun): string {
  const rows = [
    ["result", "operation", "request", "status", "time", "first violation / reason"],
    ...run.results.map((r) => [r.outcome === "fail" ? "FAIL" : r.outcome, r.operationId, `${r.method} ${r.path}`, r.status === undefined ? "-" : String(r.status), r.durationMs === undefined ? "-" : `${r.durationMs} ms`, note(r)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd()).join("\n");
}

export function summary(run: ContractRun, context: RunContext): string {
  const c = counts(run);
  const parts = [`${c.passed} passed`, `${c.failed} failed`, `${c.skipped} skipped`];
  const tail = [run.interrupted ? "interrupted" : "", run.cleanupProblems.length > 0 ? `${run.cleanupProblems.length} clean-up problem(s)` : ""].filter(Boolean);
  return `contract check: ${parts.join(", ")} of ${c.total} operations in ${(run.durationMs / 1000).toFixed(1)} s against ${context.target}, ${context.writes ? "with --writes" : "read-only"}${tail.length ? `; ${tail.join("; ")}` : ""}`;
}

export function jsonReport(run: ContractRun, context: RunContext): string {
  return `${JSON.stringify({ ...context, marker: context.writes ? run.marker : undefined, durationMs: run.durationMs, interrupted: run.interrupted, summary: counts(run), operations: run.results, cleanupProblems: run.cleanupProblems }, null, 2)}\n`;
}

function xml(text: string): string {
  // Also drops characters XML 1.0 cannot carry at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export function junitReport(run: ContractRun, context: RunContext): string {
  const c = counts(run);
  const failures = c.failed + (run.cleanupProblems.length > 0 ? 1 : 0);
  const cases = run.results.map((r) => {
    const open = `    <testcase classname="${xml(r.tag || "untagged")}" name="${xml(`${r.operationId} (${r.method} ${r.path})`)}" time="${((r.durationMs ?? 0) / 1000).toFixed(3)}"`;
    if (r.outcome === "pass") return `${open}/>`;
    if (r.outcome === "skipped") return `${open}>\n      <skipped message="${xml(note(r))}"/>\n    </testcase>`;
    const details = [`${r.method} ${r.requested ?? r.path} → ${r.status ?? "no answer"}`, ...r.problems.map((p) => p.message)].join("\n");
    return `${open}>\n      <failure message="${xml(note(r))}">${xml(details)}</failure>\n    </testcase>`;
  });
  if (run.cleanupProblems.length > 0) {
    cases.push(`    <testcase classname="clean-up" name="remove what the run created" time="0">\n      <failure message="${xml(run.cleanupProblems[0])}">${xml(run.cleanupProblems.join("\n"))}</failure>\n    </testcase>`);
  }
  const time = (run.durationMs / 1000).toFixed(3);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="ndoto-contract" tests="${cases.length}" failures="${failures}" skipped="${c.skipped}" time="${time}">`,
    `  <testsuite name="ndoto-contract ${xml(context.target)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${c.skipped}" time="${time}" timestamp="${xml(context.startedAt)}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    ``,
  ].join("\n");
}
