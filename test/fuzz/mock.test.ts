// Property-based fuzzing of the mock (fast-check): thousands of requests built from the spec, valid
// and invalid, for every operation. Seeded and bounded so CI is stable; a failure prints the seed.
//   NDOTO_FUZZ_SEED=123 NDOTO_FUZZ_REQUESTS=10000 NDOTO_FUZZ_SECONDS=600 npm run fuzz
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { target } from "../support/client";
import { operations, validator } from "../support/spec";
import { bodyViolations, invalidRequest, unsupported, validRequest, type FuzzRequest } from "./arbitraries";
import { explain, judge, send, type FuzzAnswer } from "./oracle";

const seed = Number(process.env.NDOTO_FUZZ_SEED ?? 20261127);
const requestsPerKind = Number(process.env.NDOTO_FUZZ_REQUESTS ?? 2000);
const seconds = Number(process.env.NDOTO_FUZZ_SECONDS ?? 120);
/** Requests in flight at once: a few, so the run is quick without swamping Prism on a shared machine. */
const concurrency = 4;

const all = operations();
const fuzzable = all.filter((entry) => !unsupported(entry, validator));

async function fuzz(kind: "valid" | "invalid", arbitrary: (entry: (typeof all)[number]) => fc.Arbitrary<FuzzRequest>) {
  const sent = new Map<string, number>();
  const batch = fc.array(fc.oneof(...fuzzable.map(arbitrary)), { minLength: concurrency, maxLength: concurrency });
  const property = fc.asyncProperty(batch, async (requests) => {
    // The generator's own promise: a "valid" body matches the schema, an invalid one breaks it where it says.
    for (const request of requests) {
      const violations = bodyViolations(request, validator);
      const bodyMistake = request.mistake === "no body" || /^(wrong type|oversized|below|missing required field|unknown field|too few)/.test(request.mistake ?? "");
      if (kind === "valid" && violations.length > 0) throw new Error(`generator bug: a "valid" request breaks the schema: ${violations.join("; ")}\n${explain(request, undefined, [])}`);
      if (kind === "invalid" && bodyMistake && violations.length === 0) throw new Error(`generator bug: the mistake left the body valid\n${explain(request, undefined, [])}`);
    }
    const answers: FuzzAnswer[] = await Promise.all(requests.map((request) => send(target.baseUrl, request)));
    const failures = requests.flatMap((request, i) => {
      const id = request.entry.operation.operationId;
      sent.set(id, (sent.get(id) ?? 0) + 1);
      const problems = judge(kind, request, answers[i], validator);
      return problems.length > 0 ? [explain(request, answers[i], problems)] : [];
    });
    if (failures.length > 0) throw new Error(failures.join("\n"));
  });
  process.stderr.write(`fuzzing the mock with ${requestsPerKind} ${kind} requests, seed ${seed} (NDOTO_FUZZ_SEED=${seed} repeats this run)\n`);
  await fc.assert(property, { seed, numRuns: Math.ceil(requestsPerKind / concurrency), interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: true });
  const total = [...sent.values()].reduce((a, b) => a + b, 0);
  expect(total, `${kind} requests sent`).toBeGreaterThanOrEqual(requestsPerKind);
  for (const entry of fuzzable) expect(sent.get(entry.operation.operationId) ?? 0, `${kind} requests for ${entry.operation.operationId}`).toBeGreaterThan(0);
}

describe.runIf(target.isMock)("fuzzing the mock", () => {
  it("can build requests for every operation", () => {
    expect(all.filter((entry) => unsupported(entry, validator)).map((entry) => `${entry.operation.operationId}: ${unsupported(entry, validator)}`)).toEqual([]);
  });

  it(`answers valid requests with a documented 2xx and a conforming body`, { timeout: (seconds + 60) * 1000 }, () => fuzz("valid", (entry) => validRequest(entry, validator)));

  it(`answers invalid requests with a documented 4xx and { error }, never a 5xx`, { timeout: (seconds + 60) * 1000 }, () => fuzz("invalid", (entry) => invalidRequest(entry, validator)));
});
