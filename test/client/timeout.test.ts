// Timeouts and the caller's AbortSignal, with a fake fetch and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNdotoClient } from "../../src/client/index";
import { fakeFetch, hang, json, settle } from "../support/fake-fetch";

const list = "/api/v1/accounts/{account_id}/labels";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timeoutMs", () => {
  it("aborts a call that takes too long with a TimeoutError naming the operation", async () => {
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(hang).fetch, timeoutMs: 1500 });
    const started = Date.now();
    const failure = await settle(client.GET(list).catch((error: unknown) => error));
    expect(failure).toBeInstanceOf(DOMException);
    expect(failure).toMatchObject({ name: "TimeoutError", message: "GET /api/v1/accounts/{account_id}/labels did not finish within 1500 ms" });
    expect(Date.now() - started).toBe(1500);
  });

  it("counts retries and their waits against the same limit", async () => {
    // Two 503s with 1 s waits fit in 2.5 s, the third try hangs and is cut at 2.5 s.
    const fake = fakeFetch(json(503, {}, { "retry-after": "1" }), json(503, {}, { "retry-after": "1" }), hang);
    vi.spyOn(Math, "random").mockReturnValue(0);
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fake.fetch, timeoutMs: 2500 });
    const started = Date.now();
    await expect(settle(client.GET(list))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(fake.sent).toHaveLength(3);
    expect(Date.now() - started).toBe(2500);
    vi.restoreAllMocks();
  });

  it("lets a call set its own timeout; by default, and with 0, there is none", async () => {
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(hang).fetch });
    await expect(settle(client.GET(list, { timeoutMs: 200 }))).rejects.toThrow("did not finish within 200 ms");
    const unlimited = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(json(200, { payload: [] })).fetch, timeoutMs: 0 });
    const byDefault = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(hang).fetch });
    const pending = byDefault.GET(list);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(vi.getTimerCount()).toBe(0);
    await unlimited.GET(list);
    expect(vi.getTimerCount()).toBe(0);
    void pending.catch(() => {});
  });

  it("leaves no timer behind once a call is done", async () => {
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(json(200, { payload: [] })).fetch, timeoutMs: 5000 });
    await client.GET(list);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("the caller's signal", () => {
  it("aborts the request with the caller's reason", async () => {
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fakeFetch(hang).fetch });
    const controller = new AbortController();
    const call = client.GET(list, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user left the page")), 100);
    await expect(settle(call)).rejects.toThrow("user left the page");
  });

  it("stops a retry wait at once", async () => {
    const fake = fakeFetch(json(429, {}, { "retry-after": "10" }), json(200, { payload: [] }));
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fake.fetch });
    const controller = new AbortController();
    const call = client.GET(list, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled")), 1000);
    const started = Date.now();
    await expect(settle(call)).rejects.toThrow("cancelled");
    expect(Date.now() - started).toBeLessThan(1100);
    expect(fake.sent).toHaveLength(1);
  });

  it("does not send at all when already aborted", async () => {
    const fake = fakeFetch(json(200, { payload: [] }));
    const client = createNdotoClient({ token: "timeout-test-token", accountId: 1, fetch: fake.fetch });
    await expect(client.GET(list, { signal: AbortSignal.abort(new Error("too late")) })).rejects.toThrow("too late");
    expect(fake.sent).toHaveLength(0);
  });
});
