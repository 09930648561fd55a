// The `ndoto-contract` command as people run it: exit codes, the table and summary, the JSON and
// JUnit reports, usage errors, and a token that never shows up in any output.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project";
import { tempDir } from "../../scripts/lib/files";
import { deviations, startFakeNdoto, type FakeNdoto } from "../fixtures/fake-ndoto";
import { target } from "../support/client";

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function contract(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin/ndoto-contract.mjs"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NDOTO_API_TOKEN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

let fake: FakeNdoto | undefined;
let out: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => (out = await tempDir("contract-cli")));
afterAll(() => out.cleanup());
afterEach(() => fake?.stop());

describe("ndoto-contract with no --base-url", () => {
  it("starts the bundled mock, exercises every label operation with --writes, and passes", async () => {
    const result = await contract(["--writes", "--only", "Labels,getProfile"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("no --base-url: starting the bundled Prism mock");
    for (const id of ["getProfile", "listLabels", "createLabel", "getLabel", "updateLabel", "deleteLabel"]) expect(result.stdout).toMatch(new RegExp(`^pass +${id} `, "m"));
    expect(result.stdout).toMatch(/contract check: 6 passed, 0 failed, 0 skipped of 6 operations in [\d.]+ s against http:\/\/127\.0\.0\.1:\d+ \(the bundled mock\), with --writes$/m);
  });
});

describe.runIf(target.isMock)("ndoto-contract against a running server", () => {
  it("is read-only by default and says why it skips what it skips", async () => {
    const result = await contract(["--base-url", target.baseUrl, "--token", target.token]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^skipped +createLabel +POST \S+ +- +- +changes data: runs only with --writes$/m);
    // A filter is a POST that only reads: it runs, with the operation's request example.
    expect(result.stdout).toMatch(/^pass +filterContacts +POST \S+ +200 /m);
    expect(result.stderr).toMatch(/\[\d+\/\d+\] pass listLabels GET \/api\/v1\/accounts\/1\/labels: 200 in \d+ ms/);
  });

  it("fails with exit code 1, names operation and field, and writes both reports", async () => {
    fake = await startFakeNdoto({ token: "a-fake-token", deviation: deviations["wrong type"] });
    const json = path.join(out.dir, "report.json");
    const junit = path.join(out.dir, "nested/junit.xml");
    const result = await contract(["--base-url", fake.url, "--only", "Labels", "--report-json", json, "--junit", junit], { NDOTO_API_TOKEN: "a-fake-token" });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^FAIL +listLabels +GET \/api\/v1\/accounts\/\{account_id\}\/labels +200 +\d+ ms +\/payload\/0\/id must be integer$/m);
    // getLabel still runs: the id comes from the list even though the list's id has the wrong type.
    expect(result.stdout).toMatch(/^pass +getLabel +GET \S+ +200 /m);
    expect(result.stdout).toMatch(/contract check: 1 passed, 1 failed, 3 skipped of 5 operations/);

    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.summary).toEqual({ total: 5, passed: 1, failed: 1, skipped: 3 });
    const listLabels = report.operations.find((o: any) => o.operationId === "listLabels");
    expect(listLabels).toMatchObject({ outcome: "fail", status: 200, requested: "/api/v1/accounts/1/labels" });
    expect(listLabels.problems[0]).toEqual({ location: "body", field: "/payload/0/id", message: "/payload/0/id must be integer" });

    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuites name="ndoto-contract" tests="5" failures="1" skipped="3"/);
    expect(xml).toMatch(/<testcase classname="Labels" name="listLabels \(GET \/api\/v1\/accounts\/\{account_id\}\/labels\)" time="[\d.]+">\s*<failure message="\/payload\/0\/id must be integer">/);
    expect(xml).toMatch(/<skipped message="changes data: runs only with --writes"\/>/);
    expect(readdirSync(path.dirname(junit))).toEqual(["junit.xml"]); // no half-written leftovers
  });
});

describe("the token", () => {
  const token = "very-secret-token-4f9a2c";

  it("is never printed or written, even when the server echoes it", async () => {
    // The fake's profile answers with the token in access_token, and --writes touches every label operation.
    fake = await startFakeNdoto({ token, deviation: deviations["null where not nullable"] });
    const json = path.join(out.dir, "token.json");
    const junit = path.join(out.dir, "token.xml");
    for (const how of [["--token", token], []]) {
      const result = await contract(["--base-url", fake.url, "--writes", "--only", "Profile,Labels", "--report-json", json, "--junit", junit, ...how], how.length ? {} : { NDOTO_API_TOKEN: token });
      expect(result.code, result.stderr).toBe(1); // getProfile's null email
      expect(result.stdout).toMatch(/^FAIL +getProfile /m);
      for (const text of [result.stdout, result.stderr, readFileSync(json, "utf8"), readFileSync(junit, "utf8")]) expect(text).not.toContain(token);
    }
  });

  it("is required for a deployment", async () => {
    const result = await contract(["--base-url", "http://127.0.0.1:9"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no API token: pass --token or set NDOTO_API_TOKEN");
  });
});

describe("usage errors", () => {
  it.each([
    [["--only", "listLabel"], /--only listLabel: no such operation id or tag. Tags: .*Labels/],
    [["--account-id", "abc", "--base-url", "http://127.0.0.1:9", "--token", "t"], /--account-id needs a whole number of at least 1, got "abc"/],
    [["--base-url", "app.usendoto.com", "--token", "t"], /--base-url needs an http:\/\/ or https:\/\/ address/],
    [["--colour"], /Unknown option '--colour'/],
  ])("%j fails with a clear message", async (args, message) => {
    const result = await contract(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(path.join(projectRoot, "report.json"))).toBe(false);
  });

  it("--help explains the options", async () => {
    const result = await contract(["--help"]);
    expect(result.code).toBe(0);
    for (const option of ["--base-url", "--token", "--account-id", "--only", "--writes", "--report-json", "--junit"]) expect(result.stdout).toContain(option);
  });
});
