// The token must never show up in what the client throws, logs or prints, even when a server echoes it.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNdotoClient, NdotoApiError } from "../../src/client/index";
import { fakeFetch, hang, json, settle } from "../support/fake-fetch";

const token = "tok_9f8e7d6c5b4a39281706";
const list = "/api/v1/accounts/{account_id}/labels";

/** Every way an object can end up in a log. */
function renderings(value: unknown): string[] {
  const error = value as Error;
  return [String(value), inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? "", error?.stack ?? "", error?.message ?? ""];
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the token never leaks", () => {
  it("is sent to the server, so the checks below are not vacuous", async () => {
    const fake = fakeFetch(json(200, { payload: [] }));
    await createNdotoClient({ token, accountId: 1, fetch: fake.fetch }).GET(list);
    expect(fake.sent[0].headers.get("api_access_token")).toBe(token);
  });

  it("not from the client object", () => {
    const client = createNdotoClient({ token, accountId: 1 });
    for (const text of renderings(client)) expect(text).not.toContain(token);
  });

  it("not from NdotoApiError, even when the server echoes the token", async () => {
    const echo = json(401, { error: `Invalid access_token ${token}`, token }, { "x-request-id": "req-1" });
    const client = createNdotoClient({ token, accountId: 1, fetch: fakeFetch(echo).fetch, throwOnError: true });
    const failure = await client.GET(list).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NdotoApiError);
    expect((failure as NdotoApiError).message).toBe("GET /api/v1/accounts/{account_id}/labels answered 401: Invalid access_token [redacted]");
    for (const text of renderings(failure)) expect(text).not.toContain(token);
  });

  it("not from a non-JSON error body that echoes it", async () => {
    const client = createNdotoClient({ token, fetch: fakeFetch(new Response(`bad token ${token}`, { status: 401 })).fetch, throwOnError: true });
    const failure = await client.GET("/api/v1/profile").catch((error: unknown) => error);
    for (const text of renderings(failure)) expect(text).not.toContain(token);
  });

  it("not from a timeout", async () => {
    vi.useFakeTimers();
    const client = createNdotoClient({ token, accountId: 1, fetch: fakeFetch(hang).fetch, timeoutMs: 100 });
    const failure = await settle(client.GET(list).catch((error: unknown) => error));
    expect((failure as Error).name).toBe("TimeoutError");
    for (const text of renderings(failure)) expect(text).not.toContain(token);
  });

  it("not from what onRetry is told", async () => {
    vi.useFakeTimers();
    const events: unknown[] = [];
    const client = createNdotoClient({ token, accountId: 1, fetch: fakeFetch(json(503, { error: token }), new TypeError("fetch failed"), json(200, { payload: [] })).fetch, onRetry: (event) => events.push(event) });
    await settle(client.GET(list));
    expect(events).toHaveLength(2);
    for (const text of renderings(events)) expect(text).not.toContain(token);
  });

  it("not from the errors of a bad configuration", () => {
    const failures = [() => createNdotoClient({ token: "" }), () => createNdotoClient({ token, accountId: -1 }), () => createNdotoClient({ token: { token } as unknown as string })].map((create) => {
      try {
        create();
      } catch (error) {
        return error;
      }
      throw new Error("expected the configuration to be rejected");
    });
    for (const failure of failures) for (const text of renderings(failure)) expect(text).not.toContain(token);
  });
});
