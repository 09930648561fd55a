// The client end to end against the server under test (the Prism mock by default; a real Ndoto
// with NDOTO_BASE_URL, where only reads and refused requests run).
import { describe, expect, it } from "vitest";
import { collectAll, createNdotoClient, NdotoApiError } from "../../src/client/index";
import { expectConforming, itMutating, target } from "../support/client";
import { validator } from "../support/spec";

const list = "/api/v1/accounts/{account_id}/labels";
const one = "/api/v1/accounts/{account_id}/labels/{id}";
const client = createNdotoClient({ baseUrl: target.baseUrl, token: target.token, accountId: target.accountId });
const throwing = createNdotoClient({ baseUrl: target.baseUrl, token: target.token, accountId: target.accountId, throwOnError: true });

describe("the client against the server", () => {
  it("lists labels with the account taken from the client", async () => {
    const result = await client.GET(list);
    expectConforming(result, "get", list, 200);
    expect(Array.isArray(result.data?.payload)).toBe(true);
  });

  it("reads the profile in throwing mode", async () => {
    const { data } = await throwing.GET("/api/v1/profile");
    expect(typeof data.id).toBe("number");
  });

  it("throws NdotoApiError with the server's message for an unknown label", async () => {
    const failure = await throwing.GET(one, { params: { path: { id: 999_999_999 } }, headers: target.isMock ? { Prefer: "code=404" } : {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NdotoApiError);
    expect(failure).toMatchObject({ status: 404, operation: `GET ${one}`, body: { error: expect.any(String) } });
    expectConforming({ error: (failure as NdotoApiError).body, response: (failure as NdotoApiError).response }, "get", one, 404);
  });

  it("throws NdotoApiError for an invalid body (422) and sends it only once", async () => {
    let sent = 0;
    const fetchCounting = (request: Request) => (sent++, fetch(request));
    const counting = createNdotoClient({ baseUrl: target.baseUrl, token: target.token, accountId: target.accountId, fetch: fetchCounting, throwOnError: true });
    // @ts-expect-error -- title is required; the point is to send a body without it
    const failure = await counting.POST(list, { body: { color: "#1F93FF" } }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 422 });
    expect(sent).toBe(1);
  });

  it.runIf(target.isMock)("gives back a 429 at once when its Retry-After (30 s) is longer than the call may take", async () => {
    let sent = 0;
    const fetchCounting = (request: Request) => (sent++, fetch(request));
    const patient = createNdotoClient({ baseUrl: target.baseUrl, token: target.token, accountId: target.accountId, fetch: fetchCounting, timeoutMs: 5000 });
    const started = Date.now();
    const result = await patient.GET(list, { headers: { Prefer: "code=429" } });
    expect(result.response.headers.get("retry-after")).toBe("30");
    expect(sent).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expectConforming(result, "get", list, 429);
  });

  it("collects a paginated list (contacts), page after page", async () => {
    const contacts = await collectAll(client, "/api/v1/accounts/{account_id}/contacts", { maxPages: 2 });
    for (const contact of contacts) expect(validator.validate("#/components/schemas/Contact", contact)).toEqual([]);
    if (target.isMock) expect(contacts.map((contact) => contact.name)).toEqual(["Jabari Mwangi"]);
  });

  it.runIf(target.isMock)("ends at once on an empty list", async () => {
    expect(await collectAll(client, "/api/v1/accounts/{account_id}/contacts", { headers: { Prefer: "example=ContactListEmpty" } })).toEqual([]);
  });

  itMutating("creates a label", async () => {
    const { data, response } = await throwing.POST(list, { body: { title: "billing", color: "#1F93FF" } });
    expect(response.status).toBe(201);
    expect(data.title).toBe("billing");
  });
});
