// --writes against a fake stateful server that records creations and deletions: the run changes
// only what it created, and leaves nothing behind, whether it passes, fails or is interrupted.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runContract } from "../../src/contract/run";
import { recipes } from "../../src/contract/recipes";
import { projectRoot } from "../../scripts/lib/project";
import { foreignLabel, startFakeNdoto, type FakeNdoto, type FakeNdotoOptions } from "../fixtures/fake-ndoto";
import { spec } from "../support/spec";

const token = "fake-token-for-writes";
const only = ["Labels"];
let fake: FakeNdoto | undefined;
afterEach(() => fake?.stop());

async function writesRun(options: Partial<FakeNdotoOptions> = {}, interrupt?: AbortSignal) {
  fake = await startFakeNdoto({ token, ...options });
  const run = await runContract({ document: spec, baseUrl: fake.url, token, only, writes: true, interrupt, timeoutMs: 5000 });
  const outcome = (id: string) => run.results.find((r) => r.operationId === id)?.outcome;
  return { run, fake, outcome };
}

/** Nothing but our own labels were changed, and none of them is left. */
function expectCleanAndUntouched(fake: FakeNdoto) {
  expect(fake.created.length, "the run created something").toBeGreaterThan(0);
  expect([...fake.deleted].sort(), "every created label was deleted, and nothing else").toEqual([...fake.created].sort());
  const changes = fake.requests.filter((r) => r.method !== "GET" && r.method !== "POST");
  const foreignPath = `/api/v1/accounts/1/labels/${foreignLabel.id}`;
  expect(changes.filter((r) => r.path === foreignPath), "the foreign label was never updated or deleted").toEqual([]);
  expect(fake.labels.get(foreignLabel.id)).toEqual(foreignLabel);
  expect([...fake.labels.keys()]).toEqual([foreignLabel.id]);
}

describe("--writes", () => {
  it("creates one label, reads, updates and deletes only that one", async () => {
    const { run, fake, outcome } = await writesRun();
    expect(run.results.map((r) => `${r.operationId}:${r.outcome}`)).toEqual(["listLabels:pass", "createLabel:pass", "getLabel:pass", "deleteLabel:pass", "updateLabel:pass"]);
    expect(fake.created).toHaveLength(1);
    expect(fake.requests).toContainEqual({ method: "GET", path: `/api/v1/accounts/1/labels/${fake.created[0]}`, operationId: "getLabel" });
    expect(outcome("deleteLabel")).toBe("pass");
    expectCleanAndUntouched(fake);
  });

  it("names what it creates after the run", async () => {
    fake = await startFakeNdoto({ token });
    const run = await runContract({ document: spec, baseUrl: fake.url, token, only, writes: true, runId: "test-run-1" });
    expect(run.marker).toBe("ndoto-contract-test-run-1");
    expect(fake.createdTitles).toEqual(["ndoto-contract-test-run-1"]);
  });

  it("still deletes its label when the update fails", async () => {
    const { run, fake, outcome } = await writesRun({ fail: { updateLabel: Infinity } });
    expect(outcome("updateLabel")).toBe("fail");
    expect(run.cleanupProblems).toEqual([]);
    expectCleanAndUntouched(fake);
  });

  it("still deletes its label when the run itself breaks (an exception between create and delete)", async () => {
    fake = await startFakeNdoto({ token });
    const broken = recipes.map((recipe) => ({ ...recipe, update: () => { throw new Error("a broken recipe"); } }));
    await expect(runContract({ document: spec, baseUrl: fake.url, token, only, writes: true, recipes: broken })).rejects.toThrow("a broken recipe");
    expectCleanAndUntouched(fake);
  });

  it("deletes its label in the clean-up when the delete step fails once", async () => {
    const { run, fake, outcome } = await writesRun({ fail: { deleteLabel: 1 } });
    expect(outcome("deleteLabel")).toBe("fail");
    expect(run.cleanupProblems).toEqual([]);
    expectCleanAndUntouched(fake);
  });

  it("reports, with its name, a label it could not delete", async () => {
    const { run, fake } = await writesRun({ fail: { deleteLabel: Infinity } });
    expect(run.cleanupProblems).toHaveLength(1);
    expect(run.cleanupProblems[0]).toMatch(new RegExp(`/labels/${fake.created[0]} \\(ndoto-contract-[^)]+\\): server error 500`));
  });

  it("does not touch a resource the create answered with that is not ours", async () => {
    const { run, fake, outcome } = await writesRun({ createAnswersWith: foreignLabel.id });
    expect(outcome("updateLabel")).toBe("skipped");
    expect(run.results.find((r) => r.operationId === "updateLabel")?.reason).toMatch(/does not carry ndoto-contract-.* not touching it/);
    // The label it did create is found by its marker and removed; the foreign one is untouched.
    expectCleanAndUntouched(fake);
  });

  it("finds and deletes a label whose create answer never came (interrupted)", async () => {
    const interrupt = new AbortController();
    fake = await startFakeNdoto({ token, hang: "createLabel" });
    void fake.waitFor("createLabel").then(() => setTimeout(() => interrupt.abort(), 50));
    const run = await runContract({ document: spec, baseUrl: fake.url, token, only, writes: true, interrupt: interrupt.signal });
    expect(run.interrupted).toBe(true);
    expect(run.results.every((r) => r.outcome === "skipped")).toBe(true);
    expectCleanAndUntouched(fake);
  });

  it("reads only, and changes nothing, without --writes", async () => {
    fake = await startFakeNdoto({ token });
    const run = await runContract({ document: spec, baseUrl: fake.url, token, only });
    expect(fake.requests.map((r) => r.method)).toEqual(expect.arrayContaining(["GET"]));
    expect(fake.requests.filter((r) => r.method !== "GET")).toEqual([]);
    // Without a label of its own it reads the first one the list shows.
    expect(run.results.find((r) => r.operationId === "getLabel")?.requested).toBe(`/api/v1/accounts/1/labels/${foreignLabel.id}`);
  });
});

describe("Ctrl-C during a --writes run of the real command", () => {
  it("stops, deletes what it created, and exits with 130", async () => {
    fake = await startFakeNdoto({ token, hang: "updateLabel" });
    const child = spawn(process.execPath, [path.join(projectRoot, "bin/ndoto-contract.mjs"), "--base-url", fake.url, "--only", "Labels", "--writes", "--timeout", "60000"], {
      cwd: projectRoot,
      env: { ...process.env, NDOTO_API_TOKEN: token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await fake.waitFor("updateLabel");
    child.kill("SIGINT");
    expect(await exited, output).toBe(130);
    expect(output).toMatch(/SIGINT: stopping; removing what this run created first/);
    expect(output).toMatch(/clean-up: deleted \/api\/v1\/accounts\/1\/labels\/\d+/);
    expectCleanAndUntouched(fake);
  });
});
