// parseWebhookEvent (`@ndoto/api-client/webhooks`) against the description's webhooks: every example
// parses and comes back typed; a malformed delivery is refused with the failing field named.
import { describe, expect, it } from "vitest";
import { createWebhookParser, parseWebhookEvent, WebhookValidationError, type WebhookEvent } from "../../src/client/webhooks";
import { spec, validator } from "../support/spec";

const examples = Object.entries<any>(spec.webhooks ?? {}).flatMap(([event, item]) =>
  Object.entries<any>(item.post.requestBody.content["application/json"].examples).map(([name, example]) => [`${event}: ${name}`, validator.resolve(example).value.value] as const),
);
const example = (name: string) => structuredClone(validator.at(`#/components/examples/${name}`).value);

/** The WebhookValidationError a call throws (fails the test if it throws none, or another error). */
function rejection(call: () => unknown): WebhookValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof WebhookValidationError) return error;
    throw error;
  }
  throw new Error("expected a WebhookValidationError");
}

describe("parseWebhookEvent accepts what the description documents", () => {
  it("has an example of every event to check", () => {
    expect(new Set(examples.map(([name]) => name.split(":")[0])).size).toBe(Object.keys(spec.webhooks ?? {}).length);
  });

  it.each(examples)("parses %s, as parsed JSON, as text and as bytes", (_, body) => {
    expect(parseWebhookEvent(body)).toEqual(body);
    expect(parseWebhookEvent(JSON.stringify(body))).toEqual(body);
    expect(parseWebhookEvent(new TextEncoder().encode(JSON.stringify(body)))).toEqual(body);
  });

  it("returns the WebhookEvent union, narrowable on event", () => {
    const event: WebhookEvent = parseWebhookEvent(JSON.stringify(example("WebhookMessageCreated")));
    if (event.event !== "message_created") throw new Error("expected message_created");
    // Only message events carry the message's conversation: the narrowed type knows it.
    const conversationId: number = event.conversation.id;
    expect(conversationId).toBe(42);
  });
});

describe("parseWebhookEvent refuses a malformed delivery, naming the field", () => {
  const cases: [string, () => unknown, string, RegExp][] = [
    ["a wrong type", () => ({ ...example("WebhookConversationCreated"), id: "42" }), "/id", /conversation_created: \/id must be integer/],
    ["a missing field", () => ({ ...example("WebhookContactUpdated"), changed_attributes: undefined }), "/changed_attributes", /must have required property 'changed_attributes'/],
    ["a missing nested field", () => ({ ...example("WebhookMessageCreated"), conversation: { ...example("WebhookMessageCreated").conversation, id: undefined } }), "/conversation/id", /\/conversation must have required property 'id'/],
    ["the REST shape of a field (numeric message_type)", () => ({ ...example("WebhookMessageCreated"), message_type: 0 }), "/message_type", /\/message_type must be string/],
    ["an unknown event", () => ({ ...example("WebhookMessageCreated"), event: "message_exploded" }), "/event", /\/event "message_exploded" is not an event this description knows/],
    ["a body without event", () => ({ ...example("WebhookMessageCreated"), event: undefined }), "/event", /must have required property 'event'/],
    ["a body that is not an object", () => [example("WebhookMessageCreated")], "", /\(root\) must be an object/],
  ];
  it.each(cases)("refuses %s", (_, payload, field, message) => {
    const error = rejection(() => parseWebhookEvent(JSON.stringify(payload())));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.violations.length).toBeGreaterThan(0);
  });

  it("refuses a body that is not JSON", () => {
    const error = rejection(() => parseWebhookEvent("{not json"));
    expect(error).toMatchObject({ field: "", violations: ["(root) is not JSON"] });
    expect(error.message).toMatch(/^invalid webhook event: the body is not JSON/);
  });

  it("reports only the errors of the event's own schema, not of every other event", () => {
    const error = rejection(() => parseWebhookEvent({ ...example("WebhookConversationCreated"), id: "42" }));
    expect(error.violations).toEqual(["conversation_created: /id must be integer"]);
  });
});

describe("createWebhookParser", () => {
  it("parses the events of any OpenAPI document with a webhooks map", () => {
    const document = {
      openapi: "3.1.0",
      paths: {},
      webhooks: { ping: { post: { requestBody: { content: { "application/json": { schema: { type: "object", required: ["event", "at"], properties: { event: { const: "ping" }, at: { type: "integer" } } } } } } } } },
    };
    const parse = createWebhookParser<{ event: "ping"; at: number }>(document);
    expect(parse('{"event":"ping","at":1}').at).toBe(1);
    expect(rejection(() => parse('{"event":"ping","at":"soon"}')).field).toBe("/at");
  });
});
