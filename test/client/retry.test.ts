// Retries, with a fake fetch and fake timers: Retry-After honoured, capped backoff with jitter,
// idempotent methods only (a POST is never sent twice unless asked), and the deadline respected.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNdotoClient } from "../../src/client/index";
import { defaultRetryPolicy, retryAfterMs, retryDelay, type RetryEvent } from "../../src/client/retry";
import { fakeFetch, json, settle, type Answer } from "../support/fake-fetch";

const ok = json(200, { payload: [] });
const tooMany = (retryAfter?: string) => json(429, { error: "Rate limit exceeded. Try again later." }, retryAfter === undefined ? {} : { "retry-after": retryAfter });
const unavailable = json(503, { error: "Service unavailable" });
const list = "/api/v1/accounts/{account_id}/labels";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-03-27T10:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Runs a call to its end on fake time; returns what it resolved with (or the error) and the requests sent. */
async function run(answers: Answer[], options: Parameters<typeof createNdotoClient>[0] extends infer O ? Omit<O & object, "token" | "fetch"> : never = {}, call?: (client: any) => Promise<any>) {
  const fake = fakeFetch(...answers);
  const client = createNdotoClient({ token: "retry-test-token", accountId: 1, fetch: fake.fetch, ...options });
  const settled = (call ? call(client) : client.GET(list)).then(
    (result: unknown) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  const outcome = await settle(settled);
  const start = new Date("2026-03-27T10:00:00Z").getTime();
  return { ...outcome, sent: fake.sent, after: fake.sent.map((request) => request.at - start) };
}

describe("Retry-After", () => {
  it("waits at least the seconds a 429 asks for, then retries", async () => {
    const { result, after } = await run([tooMany("2"), ok]);
    expect((result as { response: Response }).response.status).toBe(200);
    expect(after).toHaveLength(2);
    expect(after[1]).toBeGreaterThanOrEqual(2000);
    expect(after[1]).toBeLessThanOrEqual(2200); // at most 10 % jitter on top
  });

  it("understands an HTTP date", async () => {
    const { after } = await run([tooMany("Fri, 27 Mar 2026 10:00:05 GMT"), ok]);
    expect(after[1]).toBeGreaterThanOrEqual(5000);
    expect(after[1]).toBeLessThanOrEqual(5500);
  });

  it("parses both forms, and ignores what it cannot read", () => {
    const now = Date.parse("2026-03-27T10:00:00Z");
    expect(retryAfterMs("30", now)).toBe(30_000);
    expect(retryAfterMs("Fri, 27 Mar 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs("Fri, 27 Mar 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("", now)).toBeUndefined();
  });

  it("gives back the 429 at once when Retry-After asks for more than maxDelayMs", async () => {
    const { result, sent } = await run([tooMany("120"), ok]);
    expect(sent).toHaveLength(1);
    expect((result as { error: unknown }).error).toEqual({ error: "Rate limit exceeded. Try again later." });
  });

  it("gives back the 429 at once when waiting would pass the call's timeout", async () => {
    const { result, sent } = await run([tooMany("5"), ok], { timeoutMs: 3000 });
    expect(sent).toHaveLength(1);
    expect((result as { response: Response }).response.status).toBe(429);
  });
});

describe("backoff without Retry-After", () => {
  it("doubles from baseDelayMs, half of it random, capped at maxDelayMs", () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 500, maxDelayMs: 3000 };
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, undefined, policy, () => 0))).toEqual([250, 500, 1000, 1500]);
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, undefined, policy, () => 1))).toEqual([500, 1000, 2000, 3000]);
    expect(retryDelay(1, 2000, policy, () => 1)).toBe(2200);
    expect(retryDelay(1, 4000, policy, () => 0)).toBeUndefined();
  });

  it("retries a 503 after the backoff, twice by default, then gives back the last answer", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { result, after } = await run([unavailable]);
    expect(after).toEqual([0, 375, 375 + 750]);
    expect((result as { response: Response }).response.status).toBe(503);
  });

  it("retries a network failure of a GET", async () => {
    const { result, sent } = await run([new TypeError("fetch failed"), ok]);
    expect(sent).toHaveLength(2);
    expect((result as { response: Response }).response.status).toBe(200);
  });

  it("does not retry other errors (500, 404)", async () => {
    expect((await run([json(500, { error: "boom" }), ok])).sent).toHaveLength(1);
    expect((await run([json(404, { error: "Resource could not be found" }), ok])).sent).toHaveLength(1);
  });

  it("follows the client's options: retries, statuses, retry: false", async () => {
    expect((await run([unavailable], { retry: { retries: 4 } })).sent).toHaveLength(5);
    expect((await run([json(502, {}), ok], { retry: { statuses: [502] } })).sent).toHaveLength(2);
    expect((await run([unavailable, ok], { retry: false })).sent).toHaveLength(1);
    expect((await run([unavailable, ok], {}, (client) => client.GET(list, { retry: false }))).sent).toHaveLength(1);
  });
});

describe("methods that are not idempotent", () => {
  const create = (client: any, init: object = {}) => client.POST(list, { body: { title: "billing" }, ...init });

  it.each([
    ["429", tooMany("1")],
    ["503", unavailable],
    ["network failure", new TypeError("fetch failed")],
  ])("never sends a POST twice by default (%s)", async (_, first) => {
    const { sent } = await run([first, json(201, {})], {}, create);
    expect(sent.map((request) => request.method)).toEqual(["POST"]);
  });

  it("never sends a PATCH twice by default", async () => {
    const { sent } = await run([unavailable, ok], {}, (client) => client.PATCH("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } }, body: { color: "#FF5733" } }));
    expect(sent).toHaveLength(1);
  });

  it("retries a POST when the client opts in, with the same body", async () => {
    const fake = await run([tooMany("1"), json(201, {})], { retry: { methods: ["POST"] } }, create);
    expect(fake.sent.map((request) => request.body)).toEqual(['{"title":"billing"}', '{"title":"billing"}']);
  });

  it("retries a POST when one call opts in", async () => {
    const { sent } = await run([tooMany("1"), json(201, {})], {}, (client) => create(client, { retry: { methods: ["POST"] } }));
    expect(sent).toHaveLength(2);
  });
});

describe("onRetry", () => {
  it("is told about each retry, with the operation and no request", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const events: RetryEvent[] = [];
    const network = new TypeError("fetch failed");
    await run([tooMany("1"), network, ok], { onRetry: (event) => events.push(event) });
    expect(events).toEqual([
      { operation: "GET /api/v1/accounts/{account_id}/labels", attempt: 1, delayMs: 1000, status: 429, error: undefined },
      { operation: "GET /api/v1/accounts/{account_id}/labels", attempt: 2, delayMs: 500, status: undefined, error: network },
    ]);
  });
});
