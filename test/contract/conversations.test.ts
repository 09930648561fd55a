import { describe, expect, it } from "vitest";
import type { components } from "../../generated/openapi-types";
import { apiClient, expectConforming, itMutating, target, unknownIdHeaders } from "../support/client";
import { spec, validator } from "../support/spec";

type Conversation = components["schemas"]["Conversation"];

const base = "/api/v1/accounts/{account_id}/conversations";
const meta = "/api/v1/accounts/{account_id}/conversations/meta";
const filter = "/api/v1/accounts/{account_id}/conversations/filter";
const one = "/api/v1/accounts/{account_id}/conversations/{conversation_id}";
const toggleStatus = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status";
const togglePriority = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority";
const toggleTyping = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_typing_status";
const customAttributes = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes";
const assignments = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments";
const labels = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels";
const reportingEvents = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/reporting_events";
const lastSeen = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/update_last_seen";

const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// The display id of the example conversation (42) on the mock; a real run can set NDOTO_CONVERSATION_ID.
const conversationId = Number(process.env.NDOTO_CONVERSATION_ID ?? 42);
const conversation = { ...account, conversation_id: conversationId };
const unknown = { ...account, conversation_id: 999_999_999 };
const notFound = unknownIdHeaders;
const openBilling = {
  payload: [
    { attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: "AND" },
    { attribute_key: "labels", filter_operator: "equal_to", values: ["billing"], query_operator: null },
  ],
} satisfies components["schemas"]["ConversationFilterRequest"];

describe("listConversations", () => {
  it("answers 200 with a page of conversations, page meta and assignee counts", async () => {
    const result = await api.GET(base, { params: { path: account, query: { assignee_type: "all", status: "open", page: 1, sort_by: "last_activity_at_desc", "labels[]": ["billing"] } } });
    const body = expectConforming(result, "get", base, 200) as components["schemas"]["ConversationList"];
    expect(body.meta.current_page).toBe(1);
    expect(body.meta.all_count).toBeGreaterThanOrEqual(body.meta.mine_count);
  });

  // Mock only: a real server may ignore an unknown filter value instead of refusing it.
  it.runIf(target.isMock)("the mock answers 400 for a status that does not exist", async () => {
    // @ts-expect-error -- "closed" is not a conversation status
    const result = await api.GET(base, { params: { path: account, query: { status: "closed" } } });
    expectConforming(result, "get", base, 400);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(base, { params: { path: account } }), "get", base, 401);
  });
});

describe("countConversations", () => {
  it("answers 200 with the counts per assignee tab", async () => {
    const result = await api.GET(meta, { params: { path: account, query: { status: "snoozed" } } });
    const body = expectConforming(result, "get", meta, 200) as components["schemas"]["ConversationCountsResult"];
    expect(Object.keys(body.meta)).toEqual(expect.arrayContaining(["mine_count", "assigned_count", "unassigned_count", "all_count"]));
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(meta, { params: { path: account } }), "get", meta, 401);
  });
});

describe("filterConversations", () => {
  it("answers 200 with a page of matching conversations", async () => {
    expectConforming(await api.POST(filter, { params: { path: account, query: { page: 1 } }, body: openBilling }), "post", filter, 200);
  });

  it("answers 422 for a condition without values", async () => {
    const body = { payload: [{ attribute_key: "status", filter_operator: "equal_to" }] };
    expectConforming(await api.POST(filter, { params: { path: account }, body: body as unknown as typeof openBilling }), "post", filter, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(filter, { params: { path: account }, body: openBilling }), "post", filter, 401);
  });
});

describe("createConversation", () => {
  itMutating("answers 201 with the conversation, whose id is its display id", async () => {
    const result = await api.POST(base, { params: { path: account }, body: { inbox_id: 2, contact_id: 12, assignee_id: 7, message: { content: "Hello Jabari" } } });
    const created = expectConforming(result, "post", base, 201) as Conversation;
    expect(created.inbox_id).toBe(2);
  });

  itMutating("accepts a first message from a template", async () => {
    const body = {
      inbox_id: 5,
      contact_id: 12,
      message: { template_params: { name: "refund_update", category: "UTILITY", language: "en", processed_params: { body: { "1": "1009" } } } },
    } satisfies components["schemas"]["ConversationCreateRequest"];
    expectConforming(await api.POST(base, { params: { path: account }, body }), "post", base, 201);
  });

  itMutating("answers 422 without inbox_id", async () => {
    // @ts-expect-error -- inbox_id is required
    expectConforming(await api.POST(base, { params: { path: account }, body: { contact_id: 12 } }), "post", base, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(base, { params: { path: account }, body: { inbox_id: 2, contact_id: 12 } }), "post", base, 401);
  });
});

describe("getConversation", () => {
  it("answers 200 with the conversation found by display id", async () => {
    const found = expectConforming(await api.GET(one, { params: { path: conversation } }), "get", one, 200) as Conversation;
    expect(found.id).toBe(conversationId);
    expect(found.messages.length).toBeLessThanOrEqual(1);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.GET(one, { params: { path: unknown }, headers: notFound }), "get", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(one, { params: { path: conversation } }), "get", one, 401);
  });
});

describe("updateConversation", () => {
  itMutating("answers 200 with the changed conversation", async () => {
    const updated = expectConforming(await api.PATCH(one, { params: { path: conversation }, body: { priority: "urgent" } }), "patch", one, 200) as Conversation;
    expect(updated.priority).toBe("urgent");
  });

  itMutating("answers 422 for the status, which has its own operation", async () => {
    const body = { status: "resolved" } as components["schemas"]["ConversationUpdateRequest"]; // status is not updatable here
    expectConforming(await api.PATCH(one, { params: { path: conversation }, body }), "patch", one, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.PATCH(one, { params: { path: unknown }, body: { priority: "low" }, headers: notFound }), "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: conversation }, body: { priority: "low" } }), "patch", one, 401);
  });
});

describe("toggleConversationStatus", () => {
  itMutating("answers 200 with the new status and the display id", async () => {
    const result = await api.POST(toggleStatus, { params: { path: conversation }, body: { status: "resolved" } });
    const body = expectConforming(result, "post", toggleStatus, 200) as components["schemas"]["ConversationStatusToggleResult"];
    expect(body.conversation_id).toBe(conversationId);
  });

  itMutating("accepts a snooze with a Unix-seconds end", async () => {
    expectConforming(await api.POST(toggleStatus, { params: { path: conversation }, body: { status: "snoozed", snoozed_until: 1711086400 } }), "post", toggleStatus, 200);
  });

  itMutating("answers 422 for an unknown status", async () => {
    // @ts-expect-error -- "closed" is not a status
    expectConforming(await api.POST(toggleStatus, { params: { path: conversation }, body: { status: "closed" } }), "post", toggleStatus, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.POST(toggleStatus, { params: { path: unknown }, body: {}, headers: notFound }), "post", toggleStatus, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(toggleStatus, { params: { path: conversation }, body: {} }), "post", toggleStatus, 401);
  });
});

describe("toggleConversationPriority", () => {
  itMutating("answers 200 with an empty body", async () => {
    const result = await api.POST(togglePriority, { params: { path: conversation }, body: { priority: "none" } });
    expectConforming(result, "post", togglePriority, 200);
  });

  itMutating("answers 422 without a priority", async () => {
    // @ts-expect-error -- priority is required
    expectConforming(await api.POST(togglePriority, { params: { path: conversation }, body: {} }), "post", togglePriority, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.POST(togglePriority, { params: { path: unknown }, body: { priority: "low" }, headers: notFound }), "post", togglePriority, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(togglePriority, { params: { path: conversation }, body: { priority: "low" } }), "post", togglePriority, 401);
  });
});

describe("toggleConversationTypingStatus", () => {
  itMutating("answers 200 with an empty body", async () => {
    expectConforming(await api.POST(toggleTyping, { params: { path: conversation }, body: { typing_status: "on" } }), "post", toggleTyping, 200);
  });

  itMutating("answers 422 for a typing status other than on/off", async () => {
    // @ts-expect-error -- only "on" and "off"
    expectConforming(await api.POST(toggleTyping, { params: { path: conversation }, body: { typing_status: "typing" } }), "post", toggleTyping, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.POST(toggleTyping, { params: { path: unknown }, body: { typing_status: "off" }, headers: notFound }), "post", toggleTyping, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(toggleTyping, { params: { path: conversation }, body: { typing_status: "off" } }), "post", toggleTyping, 401);
  });
});

describe("setConversationCustomAttributes", () => {
  itMutating("answers 200 with every custom attribute", async () => {
    const result = await api.POST(customAttributes, { params: { path: conversation }, body: { custom_attributes: { order_id: "1009" } } });
    const body = expectConforming(result, "post", customAttributes, 200) as components["schemas"]["ConversationCustomAttributes"];
    expect(body.custom_attributes).toHaveProperty("order_id");
  });

  itMutating("answers 422 without custom_attributes", async () => {
    // @ts-expect-error -- custom_attributes is required
    expectConforming(await api.POST(customAttributes, { params: { path: conversation }, body: { order_id: "1009" } }), "post", customAttributes, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    const result = await api.POST(customAttributes, { params: { path: unknown }, body: { custom_attributes: { order_id: "1009" } }, headers: notFound });
    expectConforming(result, "post", customAttributes, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(customAttributes, { params: { path: conversation }, body: { custom_attributes: { a: 1 } } }), "post", customAttributes, 401);
  });
});

describe("assignConversation", () => {
  itMutating("answers 200 with the agent when assigning an agent", async () => {
    const assignee = expectConforming(await api.POST(assignments, { params: { path: conversation }, body: { assignee_id: 7 } }), "post", assignments, 200);
    expect(assignee).toMatchObject({ id: 7, email: "amina@example.com" });
  });

  itMutating("answers 200 with the team when assigning a team", async () => {
    const result = await api.POST(assignments, { params: { path: conversation }, body: { team_id: 4 }, headers: { Prefer: "example=ConversationAssigneeTeam" } });
    expect(expectConforming(result, "post", assignments, 200)).toMatchObject({ id: 4, allow_auto_assign: true });
  });

  itMutating("answers 200 with null when unassigning", async () => {
    const result = await api.POST(assignments, { params: { path: conversation }, body: { assignee_id: null }, headers: { Prefer: "example=ConversationAssigneeNone" } });
    expect(expectConforming(result, "post", assignments, 200)).toBeNull();
  });

  itMutating("answers 422 for an empty body", async () => {
    expectConforming(await api.POST(assignments, { params: { path: conversation }, body: {} }), "post", assignments, 422);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.POST(assignments, { params: { path: unknown }, body: { assignee_id: 7 }, headers: notFound }), "post", assignments, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(assignments, { params: { path: conversation }, body: { assignee_id: 7 } }), "post", assignments, 401);
  });
});

describe("listConversationLabels and replaceConversationLabels", () => {
  it("list answers 200 with label titles", async () => {
    const body = expectConforming(await api.GET(labels, { params: { path: conversation } }), "get", labels, 200) as { payload: string[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  itMutating("replace answers 200 with the new titles", async () => {
    expect(expectConforming(await api.POST(labels, { params: { path: conversation }, body: { labels: ["billing"] } }), "post", labels, 200)).toEqual({ payload: ["billing"] });
  });

  itMutating("replace answers 422 when labels is not a list", async () => {
    // @ts-expect-error -- labels is a list of titles
    expectConforming(await api.POST(labels, { params: { path: conversation }, body: { labels: "billing" } }), "post", labels, 422);
  });

  it("answer 404 for an unknown display id", async () => {
    expectConforming(await api.GET(labels, { params: { path: unknown }, headers: notFound }), "get", labels, 404);
  });

  it("answer 401 without a token", async () => {
    expectConforming(await anonymous.GET(labels, { params: { path: conversation } }), "get", labels, 401);
    expectConforming(await anonymous.POST(labels, { params: { path: conversation }, body: { labels: [] } }), "post", labels, 401);
  });
});

describe("listConversationReportingEvents", () => {
  it("answers 200 with { payload: ReportingEvent[] }", async () => {
    expectConforming(await api.GET(reportingEvents, { params: { path: conversation } }), "get", reportingEvents, 200);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.GET(reportingEvents, { params: { path: unknown }, headers: notFound }), "get", reportingEvents, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(reportingEvents, { params: { path: conversation } }), "get", reportingEvents, 401);
  });
});

describe("updateConversationLastSeen", () => {
  itMutating("answers 200 with an empty body", async () => {
    expectConforming(await api.POST(lastSeen, { params: { path: conversation } }), "post", lastSeen, 200);
  });

  it("answers 404 for an unknown display id", async () => {
    expectConforming(await api.POST(lastSeen, { params: { path: unknown }, headers: notFound }), "post", lastSeen, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(lastSeen, { params: { path: conversation } }), "post", lastSeen, 401);
  });
});

// The checks above can fail: the shapes the upstream swagger promises, and known-bad values, are refused.
describe("the conversation schemas refuse known-bad answers", () => {
  const example = spec.components!.examples.ConversationJabariBilling.value as Conversation;
  const check = (body: unknown) => validator.checkResponse({ method: "get", path: one, status: 200, contentType: "application/json", body });

  it("accept the example conversation", () => expect(check(example)).toEqual([]));
  it.each([
    ["snoozed_until as Unix seconds (the upstream swagger's type)", { ...example, snoozed_until: 1711086400 }],
    ["a status outside the enum", { ...example, status: "closed" }],
    ["a sender type that does not exist", { ...example, messages: [{ ...example.messages[0], sender: { ...example.messages[0].sender, type: "agent" } }] }],
    ["more than the latest message", { ...example, messages: [example.messages[0], example.messages[0]] }],
  ])("refuse %s", (_, body) => expect(check(body)).not.toEqual([]));

  it("refuse the upstream list envelope { data: { meta, payload } }", () => {
    const upstream = { data: { meta: { mine_count: 1, assigned_count: 1, unassigned_count: 0, all_count: 1 }, payload: [example] } };
    expect(validator.checkResponse({ method: "get", path: base, status: 200, contentType: "application/json", body: upstream })).not.toEqual([]);
  });
});
