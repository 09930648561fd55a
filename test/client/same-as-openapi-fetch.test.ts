// The client builds requests and reads answers itself, with openapi-fetch's serializers (see
// src/client/request.ts). These tests make the same calls through openapi-fetch's createClient and
// through the client, and require the same requests on the wire and the same results.
import openapiFetch, { defaultPathSerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createNdotoClient } from "../../src/client/index";
import { serializePath } from "../../src/client/request";

const baseUrl = "https://ndoto.example/";
const token = "same-as-openapi-fetch-token";

interface Seen {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

// Multipart boundaries are random: the same form gets a different one each time.
const sameBoundary = (text: string) => text.replace(/formdata-undici-\d+/g, "formdata-undici-BOUNDARY");

/** A fetch that records what it is sent and answers with a fresh copy of `answer()`. */
function recorder(answer: () => Response) {
  const seen: Seen[] = [];
  const fetch = async (request: Request) => {
    const headers: [string, string][] = [];
    request.headers.forEach((value, name) => headers.push([name, sameBoundary(value)]));
    seen.push({ method: request.method, url: request.url, headers: headers.sort(), body: sameBoundary(await request.text()) });
    return answer();
  };
  return { seen, fetch };
}

/** What a result holds, in a comparable form (a stream or Blob is read into text). */
async function comparable(result: { data?: unknown; error?: unknown; response: Response }) {
  const read = async (value: unknown) =>
    value instanceof ReadableStream ? await new Response(value).text() : value instanceof Blob ? await value.text() : value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value;
  return { data: await read(result.data), error: await read(result.error), status: result.response.status, hasData: "data" in result, hasError: "error" in result };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const label = { id: 3, title: "billing" };

type Call = [method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE", path: string, init?: Record<string, unknown>];

const cases: [string, Call, () => Response][] = [
  ["a GET with path and query parameters", ["GET", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7, id: "a/b c" }, query: { page: 2, q: "é&=", labels: ["a", "b"], filter: { status: "open" }, empty: undefined, none: null } } }], json(200, label)],
  ["a path without parameters", ["GET", "/api/v1/profile"], json(200, { id: 1 })],
  ["a POST with a JSON body", ["POST", "/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 7 } }, body: { title: "billing", show_on_sidebar: false } }], json(201, label)],
  ["per-call and parameter headers, and one removed", ["PATCH", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7, id: 3 }, header: { "X-Trace": "t-1" } }, headers: { "User-Agent": "test/1", "X-Remove": null }, body: { color: "#FF5733" } }], json(200, label)],
  ["a call's own token", ["GET", "/api/v1/profile", { headers: { api_access_token: "other" } }], json(200, { id: 2 })],
  ["a form-encoded body", ["POST", "/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 7 } }, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: { title: "billing" } }], json(201, label)],
  ["a multipart body", ["PUT", "/api/v1/profile", { body: (() => { const form = new FormData(); form.set("profile[name]", "Amina"); return form; })() }], json(200, { id: 1 })],
  ["query options given for the call", ["GET", "/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 7 }, query: { labels: ["a", "b"] } }, querySerializer: { array: { style: "form", explode: false } } }], json(200, { payload: [] })],
  ["a base URL given for the call", ["GET", "/api/v1/profile", { baseUrl: "http://127.0.0.1:4010/" }], json(200, { id: 1 })],
  ["a missing path parameter", ["GET", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7 } } }], json(404, { error: "Resource could not be found" })],
  ["JSON without a Content-Length", ["GET", "/api/v1/profile"], () => new Response(new Blob([JSON.stringify({ id: 1 })]).stream(), { status: 200 })],
  ["an empty 200", ["DELETE", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7, id: 3 } } }], () => new Response(null, { status: 200 })],
  ["a 200 with Content-Length 0", ["DELETE", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7, id: 3 } } }], () => new Response("", { status: 200, headers: { "content-length": "0" } })],
  ["a 204", ["DELETE", "/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 7, id: 3 } } }], () => new Response(null, { status: 204 })],
  ["a JSON error", ["GET", "/api/v1/profile"], json(401, { error: "Invalid Access Token" })],
  ["a text error", ["GET", "/api/v1/profile"], () => new Response("<html>Bad gateway</html>", { status: 502 })],
  ["an empty error", ["GET", "/api/v1/profile"], () => new Response(null, { status: 500 })],
  ["an empty error with Content-Length 0", ["GET", "/api/v1/profile"], () => new Response("", { status: 500, headers: { "content-length": "0" } })],
  ["parseAs text", ["GET", "/api/v1/profile", { parseAs: "text" }], json(200, { id: 1 })],
  ["parseAs blob", ["GET", "/api/v1/profile", { parseAs: "blob" }], json(200, { id: 1 })],
  ["parseAs arrayBuffer", ["GET", "/api/v1/profile", { parseAs: "arrayBuffer" }], json(200, { id: 1 })],
  ["parseAs stream", ["GET", "/api/v1/profile", { parseAs: "stream" }], json(200, { id: 1 })],
];

describe("the client makes the calls openapi-fetch makes", () => {
  it.each(cases)("%s", async (_, [method, path, init], answer) => {
    const viaOpenapiFetch = recorder(answer);
    const bare = openapiFetch<any>({ baseUrl, headers: { api_access_token: token }, fetch: viaOpenapiFetch.fetch });
    const expected = await comparable(await bare.request(method.toLowerCase() as "get", path, init as never));

    const viaClient = recorder(answer);
    const client = createNdotoClient({ token, baseUrl, fetch: viaClient.fetch, retry: false }) as unknown as Record<string, (path: string, init?: object) => Promise<any>>;
    const actual = await comparable(await client[method](path, init));

    expect(viaClient.seen).toEqual(viaOpenapiFetch.seen);
    expect(actual).toEqual(expected);
  });
});

describe("serializePath (openapi-fetch's path serializer, with templates parsed once)", () => {
  const templates: [string, Record<string, unknown>][] = [
    ["https://x/api/v1/accounts/{account_id}/labels/{id}", { account_id: 7, id: 3 }],
    ["https://x/api/v1/accounts/{account_id}/labels/{id}", { account_id: "a b/c?d#e", id: true }],
    ["https://x/api/v1/accounts/{account_id}/labels/{id}", { account_id: 7 }],
    ["https://x/api/v1/accounts/{account_id}/labels/{id}", { account_id: null, id: 0 }],
    ["https://x/files/{ids}", { ids: [1, 2, 3] }],
    ["https://x/files/{filter}", { filter: { a: 1, b: 2 } }],
    ["https://x/files/{.ids}/{;id}/{list*}", { ids: [1, 2], id: 5, list: [3, 4] }],
    ["https://x/no/placeholders", {}],
  ];
  it.each(templates)("%s with %j", (template, params) => {
    expect(serializePath(template, params)).toBe(defaultPathSerializer(template, params));
    // A second time from the cache.
    expect(serializePath(template, params)).toBe(defaultPathSerializer(template, params));
  });
});
