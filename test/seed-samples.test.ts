// The seed documentation's own JavaScript samples, pointed at the mock, must get the responses
// the seed shows. Only the host is replaced; the samples are otherwise run as published.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../scripts/lib/project";
import { tempDir } from "../scripts/lib/files";
import { target } from "./support/client";

const run = promisify(execFile);
const seedLabel = { id: 3, title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 };

/** Runs one sample with node; returns what it passed to console.log, as JSON values. */
async function runSample(name: string): Promise<unknown[]> {
  const source = await readFile(path.join(projectRoot, "test/fixtures/seed-samples", name), "utf8");
  expect(source, "the sample should call the production host").toContain("https://app.usendoto.com");
  const { dir, cleanup } = await tempDir("seed");
  try {
    const file = path.join(dir, name);
    // Record console.log arguments as JSON so the test can compare values, not formatting.
    const capture = `console.log = (...values) => process.stdout.write(JSON.stringify(values) + "\\n");\n`;
    await writeFile(file, capture + source.replaceAll("https://app.usendoto.com", target.baseUrl));
    const { stdout } = await run(process.execPath, [file], { timeout: 15_000 });
    return JSON.parse(stdout.trim());
  } finally {
    await cleanup();
  }
}

describe.runIf(target.isMock)("the seed's Labels samples against the mock", () => {
  it("list labels prints the seed's payload", async () => {
    expect(await runSample("list-labels.mjs")).toEqual([[seedLabel]]);
  });

  it("create a label prints the created label", async () => {
    expect(await runSample("create-label.mjs")).toEqual([seedLabel]);
  });

  it("update a label prints the label with the new colour", async () => {
    expect(await runSample("update-label.mjs")).toEqual([{ ...seedLabel, color: "#FF5733", show_on_sidebar: false }]);
  });

  it("delete a label prints 200", async () => {
    expect(await runSample("delete-label.mjs")).toEqual([200]);
  });
});
