// The contract CLI must be able to fail: against a server that departs from the spec in one way at a
// time, it fails that operation and names the field (JSON pointer), and it passes when nothing deviates.
import { afterEach, describe, expect, it } from "vitest";
import { runContract, type OperationResult } from "../../src/contract/run";
import { deviations, startFakeNdoto, type FakeNdoto, type FakeNdotoOptions } from "../fixtures/fake-ndoto";
import { spec } from "../support/spec";

const token = "fake-token-for-deviations";
// The fake knows profile and labels only; operations added to the spec later are left out here.
const only = ["Profile", "Labels"];
let fake: FakeNdoto | undefined;
afterEach(() => fake?.stop());

async function check(options: Partial<FakeNdotoOptions> = {}) {
  fake = await startFakeNdoto({ token, ...options });
  const run = await runContract({ document: spec, baseUrl: fake.url, token, only, writes: true });
  const byId = (id: string) => run.results.find((r) => r.operationId === id) as OperationResult;
  return { run, byId };
}

describe("the contract CLI against a conforming server", () => {
  it("passes every operation it can exercise, and skips only what no recipe covers", async () => {
    const { run } = await check();
    const outcomes = Object.fromEntries(run.results.map((r) => [r.operationId, r.outcome]));
    expect(outcomes).toEqual({ getProfile: "pass", updateProfile: "skipped", listLabels: "pass", createLabel: "pass", getLabel: "pass", updateLabel: "pass", deleteLabel: "pass" });
    expect(run.cleanupProblems).toEqual([]);
  });
});

describe("the contract CLI against a deviant server", () => {
  it.each(Object.entries(deviations))("fails on %s, naming the operation and the field", async (_, deviation) => {
    const { run, byId } = await check({ deviation });
    const result = byId(deviation.operationId);
    expect(result.outcome, JSON.stringify(result)).toBe("fail");
    const named = result.problems.find((p) => p.location === deviation.location && (deviation.field === undefined || p.field === deviation.field));
    expect(named, `expected a ${deviation.location} problem${deviation.field === undefined ? "" : ` at ${JSON.stringify(deviation.field)}`}, got ${JSON.stringify(result.problems)}`).toBeDefined();
    // Only the deviant operation fails: the check pins the problem down.
    const others = run.results.filter((r) => r.operationId !== deviation.operationId && r.outcome === "fail");
    expect(others, JSON.stringify(others)).toEqual([]);
    expect(fake!.labels.size, "everything the run created is gone").toBe(1);
  });
});
