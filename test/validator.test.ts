// The contract checks must be able to fail: each known-bad response below has to be rejected,
// with a message that names the place that is wrong.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import createClient from "openapi-fetch";
import type { paths } from "../generated/openapi-types";
import { expectConforming } from "./support/client";
import { validator } from "./support/spec";
import { OpenApiValidator } from "../src/validation/openapi-validator";

const list = "/api/v1/accounts/{account_id}/labels";
const one = "/api/v1/accounts/{account_id}/labels/{id}";
const label = { id: 3, title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 };
const json = "application/json; charset=utf-8";

describe("checkResponse accepts what conforms", () => {
  it("accepts the seed's list response", () => {
    expect(validator.checkResponse({ method: "get", path: list, status: 200, contentType: json, body: { payload: [label] } })).toEqual([]);
  });

  it("accepts an empty 200 from deleteLabel", () => {
    expect(validator.checkResponse({ method: "delete", path: one, status: 200, contentType: null, body: undefined })).toEqual([]);
  });

  it("accepts fields the spec does not know yet (servers may add fields)", () => {
    expect(validator.checkResponse({ method: "get", path: one, status: 200, contentType: json, body: { ...label, updated_at: 1711000001 } })).toEqual([]);
  });
});

describe("checkResponse rejects known-bad responses", () => {
  const cases: [string, Parameters<typeof validator.checkResponse>[0], RegExp][] = [
    ["a wrong type", { method: "get", path: one, status: 200, contentType: json, body: { ...label, id: "3" } }, /\/id must be integer/],
    ["a missing required field", { method: "get", path: one, status: 200, contentType: json, body: { ...label, title: undefined } }, /must have required property 'title'/],
    ["a colour that is not #RRGGBB", { method: "get", path: one, status: 200, contentType: json, body: { ...label, color: "blue" } }, /\/color must match pattern/],
    ["an ISO date where Unix seconds are documented", { method: "get", path: one, status: 200, contentType: json, body: { ...label, created_at: "2024-03-21T05:46:40Z" } }, /\/created_at must be integer/],
    ["the wrong envelope (a bare array instead of payload)", { method: "get", path: list, status: 200, contentType: json, body: [label] }, /\(root\) must be object/],
    ["the paginated envelope on a non-paginated list", { method: "get", path: list, status: 200, contentType: json, body: { data: [label], meta: { count: 1, current_page: 1, total_pages: 1 } } }, /must have required property 'payload'/],
    ["an undocumented status", { method: "get", path: one, status: 418, contentType: json, body: { error: "teapot" } }, /status 418 is not documented/],
    ["an undocumented content type", { method: "get", path: one, status: 200, contentType: "text/html", body: "<html>" }, /content type "text\/html" is not documented/],
    ["an error without the error field", { method: "get", path: one, status: 404, contentType: json, body: { message: "Not found" } }, /must have required property 'error'/],
    ["a body where none is documented", { method: "delete", path: one, status: 200, contentType: json, body: { ok: true } }, /documents no body/],
    ["an operation the spec does not have", { method: "put", path: one, status: 200, contentType: json, body: label }, /no such operation/],
    ["an unwrapped profile update", { method: "put", path: "/api/v1/profile", status: 200, contentType: json, body: { id: 7 } }, /must have required property/],
  ];
  it.each(cases)("rejects %s", (_, response, message) => {
    const violations = validator.checkResponse(response);
    expect(violations.join("\n")).toMatch(message);
  });
});

describe("request schemas reject known-bad bodies", () => {
  const profileRequest = "#/components/schemas/ProfileUpdateRequest";
  it("requires current_password and password_confirmation with a new password", () => {
    expect(validator.validate(profileRequest, { profile: { password: "new-secret-phrase" } }).join("\n")).toMatch(/must have properties current_password, password_confirmation/);
  });
  it("rejects an unknown label field", () => {
    expect(validator.validate("#/components/schemas/LabelCreateRequest", { title: "billing", colour: "#FF0000" }).join("\n")).toMatch(/additional properties 'colour'/);
  });
  it("accepts a lowercase title in any script", () => {
    expect(validator.validate("#/components/schemas/LabelCreateRequest", { title: "façade-ü_2" })).toEqual([]);
  });
});

// End to end: a server that answers badly must make the same assertion the contract tests use fail.
describe("expectConforming against a deviant server", () => {
  let server: http.Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // A label list with a string id and no created_at: two violations.
      response.end(JSON.stringify({ payload: [{ ...label, id: "3", created_at: undefined }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("fails, naming each wrong field", async () => {
    const client = createClient<paths>({ baseUrl });
    const result = await client.GET(list, { params: { path: { account_id: 1 } } });
    let failure = "";
    try {
      expectConforming(result, "get", list, 200);
    } catch (error) {
      failure = (error as Error).message;
    }
    expect(failure).toContain("/payload/0/id must be integer");
    expect(failure).toContain("/payload/0 must have required property 'created_at'");
  });
});

describe("findViolations keeps where each problem is", () => {
  it("names the field of a missing or unexpected property as a JSON pointer", () => {
    const violations = validator.findViolations({ method: "get", path: list, status: 200, contentType: json, body: { payload: [{ ...label, created_at: undefined }] } });
    expect(violations).toEqual([{ location: "body", field: "/payload/0/created_at", message: "/payload/0 must have required property 'created_at'" }]);
  });

  it("checks documented headers when it is given them", () => {
    const tooMany = { method: "get", path: list, status: 429, contentType: json, body: { error: "Slow down" } };
    expect(validator.findViolations({ ...tooMany, headers: new Headers({ "retry-after": "30" }) })).toEqual([]);
    expect(validator.findViolations({ ...tooMany, headers: new Headers() })).toEqual([]); // Retry-After is optional
    expect(validator.findViolations({ ...tooMany, headers: new Headers({ "retry-after": "soon" }) })).toEqual([
      { location: "header", field: "Retry-After", message: expect.stringMatching(/^header Retry-After: must match pattern/) },
    ]);
  });

  it("reports a required header that is missing", () => {
    const document = {
      openapi: "3.1.0",
      paths: { "/things": { get: { responses: { "200": { description: "ok", headers: { "X-Request-Id": { required: true, schema: { type: "string" } } } } } } } },
    };
    const strict = new OpenApiValidator(document);
    expect(strict.findViolations({ method: "get", path: "/things", status: 200, contentType: null, body: undefined, headers: new Headers() })).toEqual([
      { location: "header", field: "X-Request-Id", message: "the required header X-Request-Id is missing" },
    ]);
    expect(strict.checkResponse({ method: "get", path: "/things", status: 200, contentType: null, body: undefined, headers: new Headers({ "x-request-id": "abc" }) })).toEqual([]);
  });
});
