// The OWASP security audit (npm run check:security; npm test runs it on generated/openapi.json): it must
// catch what the ruleset is there for, and every waiver in .spectral.yaml must say why.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import owasp from "@stoplight/spectral-owasp-ruleset";
import { describe, expect, it } from "vitest";
import { localBin, projectRoot } from "../scripts/lib/project";
import { tempDir } from "../scripts/lib/files";
import { atPointer } from "../scripts/lib/source-files";
import { spec } from "./support/spec";

const run = promisify(execFile);
const rulesetText = readFileSync(path.join(projectRoot, ".spectral.yaml"), "utf8");

describe("security audit", () => {
  it("fails on a description with unbounded values and an unsecured write, naming rule, place and file", async () => {
    // The fixture API has no bounds anywhere; take away the security of one write on top.
    const document = JSON.parse(readFileSync(path.join(projectRoot, "test/fixtures/things-api.json"), "utf8"));
    document.paths["/things"].post.security = [];
    const { dir, cleanup } = await tempDir("audit");
    try {
      const file = path.join(dir, "openapi.json");
      await writeFile(file, JSON.stringify(document, null, 2));
      const failure = await run(localBin("tsx"), ["scripts/check-security.ts", "--spec", file], { cwd: projectRoot }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      const output = failure?.stderr ?? "";
      expect(output).toMatch(/error {2}owasp:api4:2023-string-limit\n {4}at {3}components › schemas › Thing › properties › name .*\n {4}fix {2}openapi\/components\/schemas\/Thing\.yaml: /);
      for (const rule of ["owasp:api4:2023-array-limit", "owasp:api4:2023-integer-limit", "owasp:api2:2023-write-restricted", "owasp:api4:2023-rate-limit-responses-429"]) {
        expect(output).toContain(rule);
      }
      expect(output).toMatch(/✖ security audit: \d+ errors, \d+ warnings/);
    } finally {
      await cleanup();
    }
  });
});

describe(".spectral.yaml waivers", () => {
  const lines = rulesetText.split("\n");
  const waivers = lines.map((line, i) => ({ line, i, rule: /^\s+(owasp:[\w:.-]+):\s*\S+/.exec(line)?.[1] })).filter((entry) => entry.rule);

  it("each have a one-line reason in the comment above", () => {
    expect(waivers.length).toBeGreaterThan(0);
    for (const { rule, i } of waivers) expect(lines[i - 1], `${rule} needs a "# reason" line above it`).toMatch(/^\s*# \S.{10,}/);
  });

  it("each name a rule of the OWASP ruleset (a misspelt waiver would silently waive nothing)", () => {
    const known = Object.keys((owasp as { rules: Record<string, unknown> }).rules);
    for (const { rule } of waivers) expect(known).toContain(rule);
  });

  it("each point at a place that still exists in the bundle", () => {
    const places = [...rulesetText.matchAll(/generated\/openapi\.json(#[^"'\s]*)/g)].map((match) => match[1]);
    const gone = places.filter((place) => atPointer(spec, place) === undefined);
    expect(gone, "waivers for places no longer in generated/openapi.json: drop them").toEqual([]);
  });
});
