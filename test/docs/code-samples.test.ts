// Every operation's code samples, as published in generated/openapi.json, run against the mock:
// curl, JavaScript, TypeScript (also type-checked), Python, PHP and Ruby. Dart has no SDK on
// Debian or npm, so Dart samples are only parsed (dart-style, the Dart formatter compiled to JS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dartStyle from "dart-style";
import { sampleLanguages } from "../../scripts/lib/code-samples/index";
import { sampleRequests } from "../../scripts/lib/code-samples/request";
import { target } from "../support/client";
import { operations, spec, validator } from "../support/spec";
import { checkRunnerAvailable, runners, runSample, sampleProblems, sampleWorkspace, typeCheckSamples, uploadedFiles, type Runner } from "../support/code-samples";

interface PublishedSample {
  lang: string;
  label: string;
  source: string;
}

const entries = operations().map(({ path, method, operation }) => ({
  name: `${method.toUpperCase()} ${path}`,
  samples: (operation["x-codeSamples"] ?? []) as PublishedSample[],
  requests: sampleRequests(spec, path, method),
}));

/** Each executable sample with the request it must make (one request per media type; labels tell them apart). */
const cases = entries.flatMap(({ name, samples, requests }) =>
  runners.flatMap((runner) =>
    requests.map((request, index) => {
      const sample = samples.filter((s) => s.lang === runner.lang)[index];
      return { name: `${name} ${sample?.label ?? runner.lang}`, runner, sample, request };
    }),
  ),
);

describe("the published code samples", () => {
  it.each(entries.map((entry) => [entry.name, entry]))("%s has one sample per language and body type", (_, { samples, requests }) => {
    const expected = requests.flatMap((_, index) => sampleLanguages.map(({ lang }) => `${lang}#${index}`));
    const seen = new Map<string, number>();
    const actual = samples.map((sample) => {
      const index = seen.get(sample.lang) ?? 0;
      seen.set(sample.lang, index + 1);
      return `${sample.lang}#${index}`;
    });
    expect(actual).toEqual(expected);
  });

  it.each(entries.flatMap(({ name, samples }) => samples.filter((s) => s.lang === "Dart").map((s) => [`${name} ${s.label}`, s.source])))(
    "%s is valid Dart (parsed by dart-style)",
    (_, source) => {
      expect(dartStyle.formatCode(source).error).toBeUndefined();
    },
  );

  it("the Dart check rejects a sample with a syntax error", () => {
    const broken = entries[0].samples.find((s) => s.lang === "Dart")!.source.replace("await http.", "await http(.");
    expect(dartStyle.formatCode(broken).error).toMatch(/could not be parsed/);
  });
});

describe.runIf(target.isMock)("the code samples run against the mock", () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  const missing = new Map<Runner, string | null>();

  beforeAll(async () => {
    workspace = await sampleWorkspace();
    for (const runner of runners) missing.set(runner, await checkRunnerAvailable(runner));
  });

  afterAll(async () => {
    await workspace?.cleanup();
  });

  it("the TypeScript samples type-check against the generated types", async () => {
    const samples = entries.flatMap(({ name, samples }) => samples.filter((s) => s.lang === "TypeScript").map((s) => ({ name: `${name} ${s.label}`, source: s.source })));
    expect(samples.length).toBeGreaterThan(0);
    expect(await typeCheckSamples(workspace.dir, samples)).toEqual([]);
  });

  it("the type check fails on TypeScript samples with a misspelt field or a wrong path", async () => {
    const sample = cases.find((c) => c.runner.lang === "TypeScript" && c.request.body?.kind === "json")!;
    const misspelt = sample.sample.source.replace(/body: \{\n/, "body: {\n    not_a_field: 1,\n");
    const wrongPath = sample.sample.source.replace(`'${sample.request.pathTemplate}'`, "'/api/v1/not-a-path'");
    expect(misspelt).not.toBe(sample.sample.source);
    expect(wrongPath).not.toBe(sample.sample.source);
    const complaints = await typeCheckSamples(workspace.dir, [{ name: "misspelt", source: misspelt }, { name: "wrong-path", source: wrongPath }]);
    expect(complaints.join("\n")).toMatch(/misspelt[\s\S]*not_a_field/);
    expect(complaints.join("\n")).toMatch(/wrong-path[\s\S]*not-a-path/);
  });

  // Each run has its own proxy, so a few can run at once (the interpreters mostly wait on start-up).
  it.concurrent.each(cases.map((c) => [c.name, c]))("%s", async (_, { runner, sample, request }) => {
    expect(sample, `no ${runner.lang} sample published`).toBeDefined();
    const unavailable = missing.get(runner);
    if (unavailable) throw new Error(unavailable);
    const result = await runSample(runner, sample.source, target.baseUrl, workspace.dir, uploadedFiles(request));
    const problems = sampleProblems(result, request, validator);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  describe("the check fails on samples that go wrong", () => {
    const python = runners.find((r) => r.lang === "Python")!;
    const create = cases.find((c) => c.runner === python && c.request.body?.kind === "json")!;

    it("a sample whose body the spec rejects", async () => {
      // A key the request schema does not allow: the mock refuses it and the body differs from the example.
      const broken = create.sample.source.replace("json={", "json={\n        'not_a_field': 1,");
      const problems = sampleProblems(await runSample(python, broken, target.baseUrl, workspace.dir), create.request, validator);
      expect(problems.join("\n")).toMatch(/instead of the example/);
      expect(problems.join("\n")).toMatch(/got 4\d\d instead of a success/);
    });

    it("a sample that calls another path", async () => {
      const broken = create.sample.source.replace(create.request.path, `${create.request.path}/elsewhere`);
      const problems = sampleProblems(await runSample(python, broken, target.baseUrl, workspace.dir), create.request, validator);
      expect(problems.join("\n")).toMatch(/called .*\/elsewhere, not/);
    });

    it("a sample that crashes before sending anything", async () => {
      const broken = `raise SystemExit('boom')\n${create.sample.source}`;
      const problems = sampleProblems(await runSample(python, broken, target.baseUrl, workspace.dir), create.request, validator);
      expect(problems.join("\n")).toMatch(/exited with 1[\s\S]*boom[\s\S]*made 0 requests/);
    });
  });
});
