import { describe, expect, it } from "vitest";
import type { components } from "../../generated/openapi-types";
import { apiClient, expectConforming, itMutating, target } from "../support/client";

const list = "/api/v1/accounts/{account_id}/webhooks";
const one = "/api/v1/accounts/{account_id}/webhooks/{webhook_id}";
const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// On the mock the example "Order system" webhook; a real run can set NDOTO_WEBHOOK_ID.
const webhookId = Number(process.env.NDOTO_WEBHOOK_ID ?? 9);
const unknownId = 999_999_999;
const notFound = target.isMock ? { Prefer: "code=404" } : undefined;
const webhook = { ...account, webhook_id: webhookId };
const valid = { url: "https://hooks.example.com/ndoto", subscriptions: ["message_created"] } satisfies components["schemas"]["WebhookCreateRequest"];

describe("listWebhooks", () => {
  it("answers 200 with { payload: Webhook[] }", async () => {
    const body = expectConforming(await api.GET(list, { params: { path: account } }), "get", list, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(list, { params: { path: account } }), "get", list, 401);
  });
});

describe("createWebhook", () => {
  itMutating.each([
    ["for the whole account", { ...valid, name: "Order system" }],
    ["for one inbox", { ...valid, inbox_id: 2 }],
  ])("answers 201 with the new webhook %s", async (_, body) => {
    const created = expectConforming(await api.POST(list, { params: { path: account }, body }), "post", list, 201) as { url: string };
    expect(created.url).toMatch(/^https?:\/\//);
  });

  itMutating.each([
    ["an ftp URL", { ...valid, url: "ftp://hooks.example.com/ndoto" }],
    ["a URL without a scheme", { ...valid, url: "hooks.example.com/ndoto" }],
    ["empty subscriptions", { ...valid, subscriptions: [] }],
    ["an unknown event", { ...valid, subscriptions: ["message_deleted"] }],
    ["the same event twice", { ...valid, subscriptions: ["message_created", "message_created"] }],
  ])("answers 422 for %s", async (_, body) => {
    expectConforming(await api.POST(list, { params: { path: account }, body: body as typeof valid }), "post", list, 422);
  });

  it("answers 422 when the URL is missing", async () => {
    // @ts-expect-error -- url is required
    expectConforming(await api.POST(list, { params: { path: account }, body: { subscriptions: ["message_created"] } }), "post", list, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(list, { params: { path: account }, body: valid }), "post", list, 401);
  });
});

describe("updateWebhook", () => {
  itMutating("answers 200 with the changed webhook", async () => {
    const result = await api.PATCH(one, { params: { path: webhook }, body: { subscriptions: ["message_created", "contact_created"] } });
    expectConforming(result, "patch", one, 200);
  });

  itMutating.each([
    ["an empty body", {}],
    ["a javascript: URL", { url: "javascript:alert(1)" }],
    ["empty subscriptions", { subscriptions: [] }],
  ])("answers 422 for %s", async (_, body) => {
    expectConforming(await api.PATCH(one, { params: { path: webhook }, body: body as components["schemas"]["WebhookUpdateRequest"] }), "patch", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, webhook_id: unknownId } }, body: { name: "Order system" }, headers: notFound });
    expectConforming(result, "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: webhook }, body: { name: "Order system" } }), "patch", one, 401);
  });
});

describe("deleteWebhook", () => {
  itMutating("answers 200 with an empty body", async () => {
    expectConforming(await api.DELETE(one, { params: { path: webhook } }), "delete", one, 200);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.DELETE(one, { params: { path: { ...account, webhook_id: unknownId } }, headers: notFound }), "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.DELETE(one, { params: { path: webhook } }), "delete", one, 401);
  });
});
