// generated/ must be exactly what the scripts produce from openapi/ (nobody edits it by hand).
import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generatedDir, localBin } from "../scripts/lib/project";
import { tempDir } from "../scripts/lib/files";

const run = promisify(execFile);
const generate = (...args: string[]) => run(localBin("tsx"), ["scripts/generate.ts", ...args]);

describe("generated/", () => {
  it("is fresh: regenerating changes nothing", async () => {
    const { stderr } = await generate("--check");
    expect(stderr).toContain("generated matches openapi/");
  });

  it("the freshness check fails on a hand-edited copy, naming the file", async () => {
    const { dir, cleanup } = await tempDir("stale");
    try {
      await cp(generatedDir, dir, { recursive: true });
      const types = path.join(dir, "openapi-types.ts");
      await writeFile(types, (await readFile(types, "utf8")).replace("readonly id: number;", "readonly id: string;"));
      const failure = await generate("--check", "--dir", dir).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/out of date with openapi\/: .*openapi-types\.ts/);
    } finally {
      await cleanup();
    }
  });

  it("rejects an unknown option with a clear message", async () => {
    const failure = await generate("--chek").catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/Unknown option '--chek'[\s\S]*known options: --check, --dir/);
  });
});
