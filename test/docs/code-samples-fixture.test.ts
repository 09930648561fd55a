// The sample generator on shapes the Ndoto spec does not have yet (or not everywhere): a multipart
// upload next to a JSON body, required query parameters with arrays and awkward characters, a path
// parameter with a space, an empty success body, and a JSON body full of characters each language
// must escape differently. The samples run against a mock of the fixture, like the real ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dartStyle from "dart-style";
import { addCodeSamples, codeSamplesFor, SampleError } from "../../scripts/lib/code-samples/index";
import { sampleRequests, httpMethods } from "../../scripts/lib/code-samples/request";
import { startMock, type RunningMock } from "../../scripts/lib/prism";
import { freePort } from "../../scripts/lib/net";
import { projectRoot } from "../../scripts/lib/project";
import { OpenApiValidator, type OpenApiDocument } from "../../src/validation/openapi-validator";
import { checkRunnerAvailable, runners, runSample, sampleProblems, sampleWorkspace, uploadedFiles } from "../support/code-samples";

const fixtureFile = path.join(projectRoot, "test/fixtures/code-samples/openapi.json");
const fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as OpenApiDocument;
const withSamples = addCodeSamples(fixture);
const validator = new OpenApiValidator(fixture);

const cases = Object.entries(withSamples.paths).flatMap(([pathKey, item]) =>
  httpMethods.filter((method) => item[method]).flatMap((method) => {
    const requests = sampleRequests(fixture, pathKey, method);
    const samples = item[method]["x-codeSamples"] as Array<{ lang: string; label: string; source: string }>;
    return samples.map((sample) => {
      const index = samples.filter((s) => s.lang === sample.lang).indexOf(sample);
      return { name: `${method.toUpperCase()} ${pathKey} ${sample.label}`, sample, request: requests[index] };
    });
  }),
);

describe("code samples for the fixture's shapes", () => {
  let mock: RunningMock;
  let workspace: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    mock = await startMock({ port: await freePort(), spec: fixtureFile });
    workspace = await sampleWorkspace();
  });

  afterAll(async () => {
    await mock?.stop();
    await workspace?.cleanup();
  });

  it("writes a second set of samples, labelled with the media type, for the multipart body", () => {
    const labels = cases.filter((c) => c.name.startsWith("POST")).map((c) => c.sample.label);
    expect(labels).toContain("curl");
    expect(labels).toContain("Python (multipart/form-data)");
    expect(labels).toHaveLength(14);
  });

  it.each(cases.filter((c) => c.sample.lang === "Dart").map((c) => [c.name, c.sample.source]))("%s is valid Dart", (_, source) => {
    expect(dartStyle.formatCode(source).error).toBeUndefined();
  });

  it.concurrent.each(cases.filter((c) => runners.some((r) => r.lang === c.sample.lang)).map((c) => [c.name, c]))("%s", async (_, { sample, request }) => {
    const runner = runners.find((r) => r.lang === sample.lang)!;
    const unavailable = await checkRunnerAvailable(runner);
    if (unavailable) throw new Error(unavailable);
    const problems = sampleProblems(await runSample(runner, sample.source, mock.url, workspace.dir, uploadedFiles(request)), request, validator);
    expect(problems, `${problems.join("\n")}\n--- sample ---\n${sample.source}`).toEqual([]);
  });

  it("refuses, naming the operation, a required query parameter without an example", () => {
    const broken = structuredClone(fixture);
    delete broken.paths["/api/v1/accounts/{account_id}/contacts/search"].get.parameters[0].example;
    expect(() => codeSamplesFor(broken, "/api/v1/accounts/{account_id}/contacts/search", "get")).toThrow(
      new SampleError("GET /api/v1/accounts/{account_id}/contacts/search: required query parameter q needs an example for the code samples"),
    );
  });

  it("refuses a PHP form that repeats a field", () => {
    const broken = structuredClone(fixture);
    const media = broken.paths["/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages"].post.requestBody.content["multipart/form-data"];
    media.examples.WithInvoice.value.attachment = ["a.pdf", "b.pdf"];
    expect(() => codeSamplesFor(broken, "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages", "post")).toThrow(/PHP sample cannot send the form field attachment twice/);
  });
});
