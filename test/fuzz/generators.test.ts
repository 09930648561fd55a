// The fuzzer's own parts, without a server: its requests are what they claim to be, and its judge
// rejects wrong answers (so the fuzz run can fail).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operations, validator } from "../support/spec";
import { bodyViolations, invalidRequest, validRequest, type FuzzRequest } from "./arbitraries";
import { judge, type FuzzAnswer } from "./oracle";

const entries = operations();
const byId = (id: string) => entries.find((entry) => entry.operation.operationId === id)!;
const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 300) => fc.sample(arbitrary, { numRuns, seed: 42 });

describe("request generators", () => {
  it.each(entries.map((entry) => [entry.operation.operationId, entry]))("%s: valid requests have bodies that match the schema", (_, entry) => {
    for (const request of sample(validRequest(entry, validator))) expect(bodyViolations(request, validator), JSON.stringify(request.body)).toEqual([]);
  });

  it("makes every kind of mistake the issue asks for, each one a real mistake", () => {
    const mistakes = sample(invalidRequest(byId("createLabel"), validator), 1000);
    const kinds = new Set(mistakes.map((request) => request.mistake!.replace(/ at .*| \/.*$/, "")));
    expect([...kinds].sort()).toEqual(["missing required field", "no api_access_token", "no body", "oversized string", "path parameter account_id below its minimum", "path parameter account_id of the wrong type", "unknown field", "wrong type"]);
    for (const request of mistakes.filter((r) => !/parameter|token/.test(r.mistake!))) expect(bodyViolations(request, validator), request.mistake).not.toEqual([]);
  });

  it("puts wrong types and oversized strings inside nested objects too", () => {
    const mistakes = sample(invalidRequest(byId("updateProfile"), validator), 1000).map((request) => request.mistake);
    expect(mistakes).toContainEqual(expect.stringMatching(/^wrong type at \/profile\/\w+/));
    expect(mistakes).toContainEqual(expect.stringMatching(/^oversized string at \/profile\/\w+/));
  });
});

describe("the judge", () => {
  const request: FuzzRequest = { entry: byId("getLabel"), path: "/api/v1/accounts/1/labels/3", query: [], headers: {} };
  const invalid: FuzzRequest = { ...request, mistake: "path parameter id of the wrong type" };
  const label = { id: 3, title: "billing", description: null, color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 };
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): FuzzAnswer => ({
    status,
    headers: new Headers({ "content-type": "application/json", ...headers }),
    text: body === undefined ? "" : JSON.stringify(body),
  });

  it("accepts a conforming success for a valid request and a documented error for an invalid one", () => {
    expect(judge("valid", request, answer(200, label), validator)).toEqual([]);
    expect(judge("invalid", invalid, answer(400, { error: "Invalid parameters" }), validator)).toEqual([]);
  });

  it.each([
    ["valid", "a 5xx", answer(500, { error: "boom" }), /server error 500/],
    ["invalid", "a 5xx", answer(500, { error: "boom" }), /server error 500/],
    ["valid", "an error status", answer(422, { error: "no" }), /a valid request got 422, not a 2xx/],
    ["valid", "a body that breaks the schema", answer(200, { ...label, id: "3" }), /\/id must be integer/],
    ["valid", "Prism's violation report", answer(200, label, { "sl-violations": "[{}]" }), /the mock reported violations/],
    ["invalid", "a success", answer(200, label), /an invalid request .* got 200, not a 4xx/],
    ["invalid", "Prism's own error shape", answer(400, { error: { code: "invalid_json" } }), /no \{ error \} message/],
    ["invalid", "an undocumented status", answer(415, { error: "Unsupported" }), /status 415 is not documented/],
  ] as const)("rejects, for a %s request, %s", (kind, _, bad, message) => {
    expect(judge(kind, kind === "valid" ? request : invalid, bad, validator).join("\n")).toMatch(message);
  });
});
