// Every webhook example is a valid payload of its event and of the WebhookEvent union, and a
// malformed payload is rejected with a message that names the wrong field.
import { describe, expect, it } from "vitest";
import { WebhookValidator } from "../src/validation/webhook-validator";
import { spec, validator } from "./support/spec";

const webhooks = new WebhookValidator(validator);
const examples = Object.entries<any>(spec.webhooks ?? {}).flatMap(([event, item]) =>
  Object.entries<any>(item.post.requestBody.content["application/json"].examples).map(([name, example]) => [event, name, validator.resolve(example).value.value] as const),
);
const example = (name: string) => structuredClone(examples.find(([, exampleName]) => exampleName === name)![2]);

describe("the webhooks map", () => {
  it("describes the twelve events a webhook can subscribe to, and nothing else", () => {
    const subscribable = spec.components!.schemas.WebhookSubscribableEvent.enum;
    expect(webhooks.eventNames.toSorted()).toEqual([...subscribable].sort());
    expect(webhooks.eventNames).toHaveLength(12);
  });

  it("maps each event of the WebhookEvent union to its payload schema", () => {
    const mapping = spec.components!.schemas.WebhookEvent.discriminator.mapping;
    for (const event of webhooks.eventNames) {
      const schema = spec.webhooks![event].post.requestBody.content["application/json"].schema.$ref;
      expect(mapping[event], event).toBe(schema);
    }
  });
});

describe("every webhook example", () => {
  it.each(examples)("%s: %s conforms to its event's schema", (event, _, value) => {
    expect(value.event).toBe(event);
    expect(webhooks.check(value)).toEqual([]);
  });

  it.each(examples)("%s: %s matches exactly one branch of WebhookEvent", (_, __, value) => {
    expect(validator.validate("#/components/schemas/WebhookEvent", value)).toEqual([]);
  });
});

describe("malformed payloads are rejected, naming the field", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["a payload without event", () => ({ ...example("WebhookMessageCreated"), event: undefined }), /must have required property 'event'/],
    ["an event that is not a string", () => ({ ...example("WebhookMessageCreated"), event: 7 }), /\/event must be a string/],
    ["an unknown event", () => ({ ...example("WebhookMessageCreated"), event: "message_deleted" }), /\/event "message_deleted" is not an event/],
    ["a numeric message_type in a message event (the REST shape)", () => ({ ...example("WebhookMessageCreated"), message_type: 0 }), /message_created: \/message_type must be string/],
    ["Unix seconds where the message event sends an ISO date", () => ({ ...example("WebhookMessageCreated"), created_at: 1711000000 }), /\/created_at must be string/],
    ["a conversation id as a string", () => ({ ...example("WebhookConversationCreated"), id: "42" }), /conversation_created: \/id must be integer/],
    ["an update event without changed_attributes", () => ({ ...example("WebhookContactUpdated"), changed_attributes: undefined }), /must have required property 'changed_attributes'/],
    ["changed_attributes as a plain object", () => ({ ...example("WebhookInboxUpdated"), changed_attributes: { timezone: ["UTC", "Africa/Nairobi"] } }), /\/changed_attributes must be array/],
    ["a typing event without is_private", () => ({ ...example("WebhookConversationTypingOn"), is_private: undefined }), /must have required property 'is_private'/],
    ["not an object at all", () => "message_created", /must be an object/],
  ];
  it.each(cases)("rejects %s", (_, payload, message) => {
    expect(webhooks.check(JSON.parse(JSON.stringify(payload()) ?? "null")).join("\n")).toMatch(message);
  });

  it("the WebhookEvent union alone also rejects a payload without event", () => {
    const violations = validator.validate("#/components/schemas/WebhookEvent", { ...example("WebhookContactCreated"), event: undefined });
    expect(violations.join("\n")).toMatch(/must have required property 'event'/);
  });
});
