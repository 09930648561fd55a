import { describe, expect, it } from "vitest";
import type { components } from "../../generated/openapi-types";
import { apiClient, expectConforming, itMutating, target, unknownIdHeaders } from "../support/client";
import { validator } from "../support/spec";

type Message = components["schemas"]["Message"];

const list = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages";
const one = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}";

const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// The example conversation (display id 42) and reply (1202) on the mock; a real run can set
// NDOTO_CONVERSATION_ID and NDOTO_MESSAGE_ID.
const conversationId = Number(process.env.NDOTO_CONVERSATION_ID ?? 42);
const conversation = { ...account, conversation_id: conversationId };
const message = { ...conversation, message_id: Number(process.env.NDOTO_MESSAGE_ID ?? 1202) };
const unknownConversation = { ...account, conversation_id: 999_999_999 };
const unknownMessage = { ...conversation, message_id: 999_999_999 };
const notFound = unknownIdHeaders;

/** A multipart body: openapi-fetch sends the FormData as it is, and fetch sets the boundary. */
function receiptForm(fileCount = 1): FormData {
  const form = new FormData();
  form.append("content", "Here is the refund receipt.");
  form.append("private", "false");
  for (let i = 0; i < fileCount; i++) form.append("attachments[]", new Blob(["%PDF-1.4 receipt"], { type: "application/pdf" }), `receipt-${i}.pdf`);
  return form;
}

describe("listMessages", () => {
  it("answers 200 with the messages, oldest first, each in the conversation (display id)", async () => {
    const body = expectConforming(await api.GET(list, { params: { path: conversation } }), "get", list, 200) as components["schemas"]["MessageList"];
    const ids = body.data.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const m of body.data) expect(m.conversation_id).toBe(conversationId);
  });

  it("accepts the before and after cursors", async () => {
    expectConforming(await api.GET(list, { params: { path: conversation, query: { before: 1203 } } }), "get", list, 200);
    expectConforming(await api.GET(list, { params: { path: conversation, query: { after: 1201, page: 1 } } }), "get", list, 200);
  });

  it.runIf(target.isMock)("the mock answers 400 for a cursor that is not a message id", async () => {
    // @ts-expect-error -- cursors are message ids (numbers)
    expectConforming(await api.GET(list, { params: { path: conversation, query: { before: "latest" } } }), "get", list, 400);
  });

  it("answers 404 for an unknown conversation", async () => {
    expectConforming(await api.GET(list, { params: { path: unknownConversation }, headers: notFound }), "get", list, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(list, { params: { path: conversation } }), "get", list, 401);
  });
});

describe("createMessage", () => {
  itMutating("answers 201 with the new message (JSON)", async () => {
    const result = await api.POST(list, { params: { path: conversation }, body: { content: "Sorry about that, Jabari.", message_type: "outgoing" } });
    const created = expectConforming(result, "post", list, 201) as Message;
    expect(created.conversation_id).toBe(conversationId);
  });

  itMutating("answers 201 for a private note", async () => {
    const result = await api.POST(list, { params: { path: conversation }, body: { content: "Refund issued.", private: true } });
    expectConforming(result, "post", list, 201);
  });

  itMutating("answers 201 for a multipart message with attachments", async () => {
    const client = apiClient();
    let sentType: string | null = null;
    client.use({ onRequest: ({ request }) => void (sentType = request.headers.get("content-type")) });
    const form = receiptForm();
    const result = await client.POST(list, {
      params: { path: conversation },
      // The typed body documents the fields; bodySerializer sends the real files instead.
      body: { content: "Here is the refund receipt.", "attachments[]": ["receipt-0.pdf"] },
      bodySerializer: () => form,
    });
    expect(sentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(result.response.headers.get("sl-violations"), "Prism validated the multipart body").toBeNull();
    expectConforming(result, "post", list, 201);
  });

  itMutating("answers 422 for a multipart message without files", async () => {
    const result = await api.POST(list, { params: { path: conversation }, body: { "attachments[]": [] }, bodySerializer: () => receiptForm(0) });
    expectConforming(result, "post", list, 422);
  });

  // Prism keeps only the last part of a repeated field, so the mock cannot count files; the
  // description still limits them, which Ajv checks here.
  it("describes at most 15 attachments per message", () => {
    const multipart = "#/components/schemas/MessageCreateMultipartRequest";
    const files = (n: number) => ({ "attachments[]": Array.from({ length: n }, (_, i) => `file-${i}`) });
    expect(validator.validate(multipart, files(15))).toEqual([]);
    expect(validator.validate(multipart, files(16))).not.toEqual([]);
  });

  itMutating("answers 422 for a JSON message without content", async () => {
    // @ts-expect-error -- content is required in JSON messages
    expectConforming(await api.POST(list, { params: { path: conversation }, body: { private: true } }), "post", list, 422);
  });

  itMutating("answers 422 for a message type other than incoming/outgoing", async () => {
    // @ts-expect-error -- activities and templates cannot be created
    expectConforming(await api.POST(list, { params: { path: conversation }, body: { content: "x", message_type: "activity" } }), "post", list, 422);
  });

  it("answers 404 for an unknown conversation", async () => {
    expectConforming(await api.POST(list, { params: { path: unknownConversation }, body: { content: "Hello" }, headers: notFound }), "post", list, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(list, { params: { path: conversation }, body: { content: "Hello" } }), "post", list, 401);
  });
});

describe("deleteMessage", () => {
  itMutating("answers 200 with the message marked deleted", async () => {
    const deleted = expectConforming(await api.DELETE(one, { params: { path: message } }), "delete", one, 200) as Message;
    expect(deleted.content_attributes).toMatchObject({ deleted: true });
  });

  it("answers 404 for an unknown message", async () => {
    expectConforming(await api.DELETE(one, { params: { path: unknownMessage }, headers: notFound }), "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.DELETE(one, { params: { path: message } }), "delete", one, 401);
  });
});

describe("updateMessageStatus", () => {
  itMutating("answers 200 with the message and its new status", async () => {
    const updated = expectConforming(await api.PATCH(one, { params: { path: message }, body: { status: "read" } }), "patch", one, 200) as Message;
    expect(updated.status).toBe("read");
  });

  itMutating("answers 422 for a status that does not exist", async () => {
    // @ts-expect-error -- "seen" is not a delivery status
    expectConforming(await api.PATCH(one, { params: { path: message }, body: { status: "seen" } }), "patch", one, 422);
  });

  it.runIf(target.isMock)("serves the 403 for messages outside API inboxes", async () => {
    const result = await api.PATCH(one, { params: { path: message }, body: { status: "read" }, headers: { Prefer: "code=403" } });
    expect(expectConforming(result, "patch", one, 403)).toEqual({ error: "Message status update is only allowed for API inboxes" });
  });

  it("answers 404 for an unknown message", async () => {
    expectConforming(await api.PATCH(one, { params: { path: unknownMessage }, body: { status: "read" }, headers: notFound }), "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: message }, body: { status: "read" } }), "patch", one, 401);
  });
});
