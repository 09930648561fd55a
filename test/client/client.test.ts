// The client with a fake fetch: token, base URL, account scope, headers, middleware, throwing mode.
import { describe, expect, it } from "vitest";
import { createNdotoClient, NdotoApiError } from "../../src/client/index";
import { fakeFetch, json } from "../support/fake-fetch";

const label = { id: 3, title: "billing", description: null, color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 };
const token = "secret-token-123";

describe("requests", () => {
  it("sends the token as api_access_token to Ndoto cloud by default", async () => {
    const fake = fakeFetch(json(200, { payload: [label] }));
    const client = createNdotoClient({ token, fetch: fake.fetch });
    const { data } = await client.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 5 } } });
    expect(data?.payload[0].title).toBe("billing");
    expect(fake.sent[0].url).toBe("https://app.usendoto.com/api/v1/accounts/5/labels");
    expect(fake.sent[0].headers.get("api_access_token")).toBe(token);
  });

  it("uses the given base URL (the mock's works the same way)", async () => {
    const fake = fakeFetch(json(200, { payload: [] }));
    const client = createNdotoClient({ token, baseUrl: "http://127.0.0.1:4010/", accountId: 1, fetch: fake.fetch });
    await client.GET("/api/v1/accounts/{account_id}/labels");
    expect(fake.sent[0].url).toBe("http://127.0.0.1:4010/api/v1/accounts/1/labels");
  });

  it("fills account_id from accountId, unless the call gives its own", async () => {
    const fake = fakeFetch(json(200, label));
    const client = createNdotoClient({ token, accountId: 7, fetch: fake.fetch });
    await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
    await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3, account_id: 9 } } });
    await client.GET("/api/v1/profile");
    expect(fake.sent.map((request) => new URL(request.url).pathname)).toEqual(["/api/v1/accounts/7/labels/3", "/api/v1/accounts/9/labels/3", "/api/v1/profile"]);
  });

  it("sends bodies as JSON and the client's extra headers", async () => {
    const fake = fakeFetch(json(201, label));
    const client = createNdotoClient({ token, accountId: 1, fetch: fake.fetch, headers: { "User-Agent": "my-integration/1.0" } });
    const { data, response } = await client.POST("/api/v1/accounts/{account_id}/labels", { body: { title: "billing" } });
    await fake.bodyReads();
    expect(response.status).toBe(201);
    expect(data?.id).toBe(3);
    expect(fake.sent[0]).toMatchObject({ method: "POST", body: '{"title":"billing"}' });
    expect(fake.sent[0].headers.get("user-agent")).toBe("my-integration/1.0");
    expect(fake.sent[0].headers.get("content-type")).toBe("application/json");
  });

  it("gives a custom fetch a real Request, token included", async () => {
    const seen: Request[] = [];
    const client = createNdotoClient({ token, accountId: 1, fetch: async (request) => (seen.push(request), json(201, label)) });
    await client.POST("/api/v1/accounts/{account_id}/labels", { body: { title: "billing" } });
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0].headers.get("api_access_token")).toBe(token);
    expect(await seen[0].json()).toEqual({ title: "billing" });
  });

  it("lets a call send its own api_access_token (to act as another user for once)", async () => {
    const fake = fakeFetch(json(200, { payload: [] }));
    const client = createNdotoClient({ token, accountId: 1, fetch: fake.fetch });
    await client.GET("/api/v1/accounts/{account_id}/labels", { headers: { api_access_token: "other-token" } });
    expect(fake.sent[0].headers.get("api_access_token")).toBe("other-token");
  });

  it("refuses openapi-fetch middleware, which it cannot run, instead of ignoring it", async () => {
    const client = createNdotoClient({ token, accountId: 1, fetch: fakeFetch(json(200, { payload: [] })).fetch });
    const middleware = [{ onRequest: () => undefined }] as unknown as undefined;
    await expect(client.GET("/api/v1/accounts/{account_id}/labels", { middleware })).rejects.toThrow("openapi-fetch middleware is not supported; give the client a fetch instead");
  });

  it("rejects a missing token and a bad accountId when created", () => {
    expect(() => createNdotoClient({ token: "" })).toThrow("createNdotoClient: token must be a non-empty string");
    expect(() => createNdotoClient({ token, accountId: 1.5 })).toThrow("createNdotoClient: accountId must be a positive whole number");
  });
});

describe("errors", () => {
  it("resolves with { error, response } by default, as openapi-fetch does", async () => {
    const client = createNdotoClient({ token, accountId: 1, fetch: fakeFetch(json(404, { error: "Resource could not be found" })).fetch });
    const { data, error, response } = await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 99 } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "Resource could not be found" });
    expect(response.status).toBe(404);
  });

  it("throws NdotoApiError in throwing mode, with status, message, operation and request id", async () => {
    const fake = fakeFetch(json(404, { error: "Resource could not be found" }, { "x-request-id": "req-42" }));
    const client = createNdotoClient({ token, accountId: 1, fetch: fake.fetch, throwOnError: true });
    const failure = await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 99 } } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NdotoApiError);
    expect(failure).toMatchObject({
      name: "NdotoApiError",
      status: 404,
      operation: "GET /api/v1/accounts/{account_id}/labels/{id}",
      requestId: "req-42",
      body: { error: "Resource could not be found" },
      message: "GET /api/v1/accounts/{account_id}/labels/{id} answered 404: Resource could not be found",
    });
  });

  it.each([
    ["an empty body", new Response(null, { status: 500, statusText: "Internal Server Error" }), "answered 500: Internal Server Error (empty body)", undefined],
    ["an empty body with Content-Length 0", new Response("", { status: 502, headers: { "content-length": "0" } }), "answered 502: (empty body)", undefined],
    ["a non-JSON body", new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }), "answered 502: <html>Bad gateway</html>", "<html>Bad gateway</html>"],
    ["JSON without an error field", json(500, { message: "boom" }), "answered 500: (no error message)", { message: "boom" }],
  ])("handles %s", async (_, answer, message, body) => {
    const client = createNdotoClient({ token, fetch: fakeFetch(answer).fetch, throwOnError: true, retry: false });
    const failure = (await client.GET("/api/v1/profile").catch((error: unknown) => error)) as NdotoApiError;
    expect(failure).toBeInstanceOf(NdotoApiError);
    expect(failure.message).toBe(`GET /api/v1/profile ${message}`);
    expect(failure.body).toEqual(body);
  });
});
