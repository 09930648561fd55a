import { describe, expect, it } from "vitest";
import type { components } from "../../generated/openapi-types";
import { apiClient, expectConforming, itMutating, target } from "../support/client";

const list = "/api/v1/accounts/{account_id}/inboxes";
const one = "/api/v1/accounts/{account_id}/inboxes/{id}";
const agentBot = "/api/v1/accounts/{account_id}/inboxes/{id}/agent_bot";
const setAgentBot = "/api/v1/accounts/{account_id}/inboxes/{id}/set_agent_bot";
const members = "/api/v1/accounts/{account_id}/inbox_members";
const membersOf = "/api/v1/accounts/{account_id}/inbox_members/{inbox_id}";
const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// On the mock the example "Website chat" inbox; a real run can set NDOTO_INBOX_ID.
const inboxId = Number(process.env.NDOTO_INBOX_ID ?? 2);
const unknownId = 999_999_999;
const notFound = target.isMock ? { Prefer: "code=404" } : undefined;
const inbox = { ...account, id: inboxId };

describe("listInboxes", () => {
  it("answers 200 with { payload: Inbox[] }", async () => {
    const body = expectConforming(await api.GET(list, { params: { path: account } }), "get", list, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(list, { params: { path: account } }), "get", list, 401);
  });
});

describe("createInbox", () => {
  const channels: [string, components["schemas"]["InboxCreateChannel"]][] = [
    ["web_widget", { type: "web_widget", website_url: "https://shop.example.com", widget_color: "#1F93FF" }],
    ["api", { type: "api", webhook_url: "https://orders.example.com/ndoto/events" }],
    ["email", { type: "email", email: "support@example.com" }],
    ["line", { type: "line", line_channel_id: "1650000000", line_channel_secret: "secret", line_channel_token: "token" }],
    ["telegram", { type: "telegram", bot_token: "123456:ABC-DEF" }],
    ["whatsapp", { type: "whatsapp", phone_number: "+254700000001", provider: "whatsapp_cloud", provider_config: { api_key: "key", phone_number_id: "1", business_account_id: "2" } }],
    ["sms", { type: "sms", phone_number: "+254700000001", provider_config: { api_key: "key" } }],
  ];
  itMutating.each(channels)("answers 201 with the new inbox for a %s channel", async (_, channel) => {
    const result = await api.POST(list, { params: { path: account }, body: { name: "Website chat", channel } });
    expect((expectConforming(result, "post", list, 201) as { name: string }).name).toBeTruthy();
  });

  it("answers 422 when the channel is missing", async () => {
    // @ts-expect-error -- channel is required; the point is to send a body without it
    expectConforming(await api.POST(list, { params: { path: account }, body: { name: "Website chat" } }), "post", list, 422);
  });

  itMutating.each([
    ["a channel type that cannot be created here", { type: "facebook", page_id: "1" }],
    ["a website chat without website_url", { type: "web_widget" }],
    ["a field of another channel type", { type: "api", website_url: "https://shop.example.com" }],
  ])("answers 422 for %s", async (_, channel) => {
    const result = await api.POST(list, { params: { path: account }, body: { name: "Website chat", channel: channel as components["schemas"]["InboxCreateChannel"] } });
    expectConforming(result, "post", list, 422);
  });

  it("answers 401 without a token", async () => {
    const result = await anonymous.POST(list, { params: { path: account }, body: { name: "Order API", channel: { type: "api" } } });
    expectConforming(result, "post", list, 401);
  });
});

describe("getInbox", () => {
  it("answers 200 with the inbox", async () => {
    const body = expectConforming(await api.GET(one, { params: { path: inbox } }), "get", one, 200) as { id: number };
    expect(body.id).toBe(inboxId);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.GET(one, { params: { path: { ...account, id: unknownId } }, headers: notFound }), "get", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(one, { params: { path: inbox } }), "get", one, 401);
  });
});

describe("updateInbox", () => {
  itMutating("answers 200 with the changed inbox, working hours included", async () => {
    const result = await api.PATCH(one, {
      params: { path: inbox },
      body: { working_hours_enabled: true, working_hours: [{ day_of_week: 0, closed_all_day: true }, { day_of_week: 1, open_hour: 8, open_minutes: 0, close_hour: 17, close_minutes: 30 }] },
    });
    const body = expectConforming(result, "patch", one, 200) as { working_hours_enabled: boolean };
    expect(body.working_hours_enabled).toBe(true);
  });

  itMutating.each([
    ["an empty body", {}],
    ["a change of channel type", { channel: { type: "api" } }],
    ["a day of week out of range", { working_hours: [{ day_of_week: 7, closed_all_day: true }] }],
  ])("answers 422 for %s", async (_, body) => {
    expectConforming(await api.PATCH(one, { params: { path: inbox }, body: body as components["schemas"]["InboxUpdateRequest"] }), "patch", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, id: unknownId } }, body: { name: "Website chat" }, headers: notFound });
    expectConforming(result, "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: inbox }, body: { name: "Website chat" } }), "patch", one, 401);
  });
});

describe("getInboxAgentBot", () => {
  it("answers 200 with { agent_bot }", async () => {
    const body = expectConforming(await api.GET(agentBot, { params: { path: inbox } }), "get", agentBot, 200);
    expect(body).toHaveProperty("agent_bot");
  });

  it.runIf(target.isMock)("serves the no-bot example as agent_bot: null", async () => {
    const result = await api.GET(agentBot, { params: { path: inbox }, headers: { Prefer: "example=InboxAgentBotNone" } });
    expect(expectConforming(result, "get", agentBot, 200)).toEqual({ agent_bot: null });
  });

  it("answers 404 for an unknown inbox", async () => {
    expectConforming(await api.GET(agentBot, { params: { path: { ...account, id: unknownId } }, headers: notFound }), "get", agentBot, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(agentBot, { params: { path: inbox } }), "get", agentBot, 401);
  });
});

describe("setInboxAgentBot", () => {
  itMutating.each([
    ["a bot id", 11],
    ["null (removes the bot)", null],
  ])("answers 200 with an empty body for %s", async (_, id) => {
    const result = await api.POST(setAgentBot, { params: { path: inbox }, body: { agent_bot: id } });
    expectConforming(result, "post", setAgentBot, 200);
  });

  it("answers 422 when agent_bot is missing", async () => {
    // @ts-expect-error -- agent_bot is required (null removes the bot; leaving it out is an error)
    expectConforming(await api.POST(setAgentBot, { params: { path: inbox }, body: {} }), "post", setAgentBot, 422);
  });

  it("answers 404 for an unknown inbox", async () => {
    const result = await api.POST(setAgentBot, { params: { path: { ...account, id: unknownId } }, body: { agent_bot: null }, headers: notFound });
    expectConforming(result, "post", setAgentBot, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(setAgentBot, { params: { path: inbox }, body: { agent_bot: null } }), "post", setAgentBot, 401);
  });
});

describe("listInboxMembers", () => {
  it("answers 200 with { payload: Agent[] }", async () => {
    const body = expectConforming(await api.GET(membersOf, { params: { path: { ...account, inbox_id: inboxId } } }), "get", membersOf, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 404 for an unknown inbox", async () => {
    expectConforming(await api.GET(membersOf, { params: { path: { ...account, inbox_id: unknownId } }, headers: notFound }), "get", membersOf, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(membersOf, { params: { path: { ...account, inbox_id: inboxId } } }), "get", membersOf, 401);
  });
});

describe("addInboxMembers, replaceInboxMembers, removeInboxMembers", () => {
  const body = { inbox_id: inboxId, user_ids: [7, 8] };

  itMutating("add answers 200 with the inbox's members", async () => {
    expectConforming(await api.POST(members, { params: { path: account }, body }), "post", members, 200);
  });

  itMutating("replace answers 200 with the inbox's members", async () => {
    expectConforming(await api.PATCH(members, { params: { path: account }, body }), "patch", members, 200);
  });

  itMutating("remove answers 200 with an empty body", async () => {
    expectConforming(await api.DELETE(members, { params: { path: account }, body }), "delete", members, 200);
  });

  itMutating.each([
    ["no user ids", { inbox_id: inboxId, user_ids: [] }],
    ["user ids as strings", { inbox_id: inboxId, user_ids: ["8"] }],
  ])("answers 422 for %s", async (_, bad) => {
    expectConforming(await api.POST(members, { params: { path: account }, body: bad as unknown as typeof body }), "post", members, 422);
  });

  it("answers 422 when inbox_id is missing", async () => {
    // @ts-expect-error -- inbox_id is required
    expectConforming(await api.PATCH(members, { params: { path: account }, body: { user_ids: [8] } }), "patch", members, 422);
  });

  it("answers 404 for an unknown inbox", async () => {
    const result = await api.DELETE(members, { params: { path: account }, body: { inbox_id: unknownId, user_ids: [8] }, headers: notFound });
    expectConforming(result, "delete", members, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(members, { params: { path: account }, body }), "post", members, 401);
  });
});
