// parseWebhookEvent's checks, against a temporary fixture document (test/fixtures/webhooks/) until the
// description has its own WebhookEvent schema.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createWebhookParser, parseWebhookEvent, WebhookValidationError } from "../../src/client/webhooks";
import type { OpenApiDocument } from "../../src/validation/openapi-validator";
import { spec, validator } from "../support/spec";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/webhooks/webhook-event-document.json", import.meta.url), "utf8")) as OpenApiDocument;

/** The fixture's union, written as openapi-typescript would generate it. */
type FixtureEvent =
  | { event: "message_created"; id: number; content: string | null; message_type: "incoming" | "outgoing" | "activity" | "template"; created_at: string; conversation: { id: number } }
  | { event: "conversation_status_changed"; id: number; status: "open" | "resolved" | "pending" | "snoozed" }
  | { event: "contact_created"; id: number; name: string; email: string | null };

const parse = createWebhookParser<FixtureEvent>(fixture);
const messageCreated = { event: "message_created", id: 12, content: "Hello", message_type: "incoming", created_at: "2024-03-21T05:46:40Z", conversation: { id: 7 } };

/** The WebhookValidationError a call throws (fails the test if it does not throw one). */
function rejection(call: () => unknown): WebhookValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof WebhookValidationError) return error;
    throw error;
  }
  throw new Error("expected a WebhookValidationError");
}

describe("parseWebhookEvent", () => {
  it("returns a valid event, typed and narrowable on event", () => {
    const event = parse(messageCreated);
    if (event.event !== "message_created") throw new Error("expected message_created");
    const conversationId: number = event.conversation.id; // only message events have a conversation here
    expect(conversationId).toBe(7);
  });

  it("takes the raw body as a string or as bytes", () => {
    expect(parse(JSON.stringify(messageCreated))).toEqual(messageCreated);
    expect(parse(new TextEncoder().encode(JSON.stringify(messageCreated)))).toEqual(messageCreated);
  });

  it("checks each event against its own schema (const, enum, allOf branches)", () => {
    expect(parse({ event: "conversation_status_changed", id: 7, status: "resolved" }).event).toBe("conversation_status_changed");
    expect(parse({ event: "contact_created", id: 3, name: "Amina", email: null }).event).toBe("contact_created");
    expect(rejection(() => parse({ event: "contact_created", id: 3, email: null })).field).toBe("/name");
  });

  it.each([
    ["a wrong type, naming the field", { ...messageCreated, id: "12" }, "/id", /\/id must be integer/],
    ["a missing nested field, naming it", { ...messageCreated, conversation: {} }, "/conversation/id", /\/conversation must have required property 'id'/],
    ["a value outside the enum", { event: "conversation_status_changed", id: 7, status: "closed" }, "/status", /\/status must be equal to one of the allowed values/],
    ["a bad date-time", { ...messageCreated, created_at: "yesterday" }, "/created_at", /\/created_at must match format "date-time"/],
    ["an unknown event", { ...messageCreated, event: "message_exploded" }, "/event", /\/event "message_exploded" is not a known event \(known events: "message_created", "conversation_status_changed", "contact_created"\)/],
    ["a body without event", { id: 1 }, "/event", /\/event is missing/],
    ["a body that is not an object", [messageCreated], "", /\(root\) must be an object/],
    ["a body that is not JSON", "{not json", "", /the body is not JSON/],
  ])("rejects %s", (_, body, field, message) => {
    const error = rejection(() => parse(body));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.violations.length).toBeGreaterThan(0);
  });

  it("reports only the errors of the event's own schema, not of every other branch", () => {
    const error = rejection(() => parse({ ...messageCreated, id: "12" }));
    expect(error.violations).toEqual(["/id must be integer"]);
  });

  it("finds the branch by its event const when the discriminator has no mapping", () => {
    const unmapped = createWebhookParser<FixtureEvent>(fixture, "WebhookEventWithoutMapping");
    expect(unmapped(messageCreated).event).toBe("message_created");
    expect(rejection(() => unmapped({ event: "conversation_status_changed", id: 7, status: "closed" })).field).toBe("/status");
  });

  it("says so when the document has no such schema", () => {
    expect(() => createWebhookParser(fixture, "NoSuchEvent")(messageCreated)).toThrow("the OpenAPI document has no schema at #/components/schemas/NoSuchEvent");
  });

  it("accepts a discriminator mapping that names schemas by their bare names", () => {
    const bareNames = structuredClone(fixture) as any;
    const mapping = bareNames.components.schemas.WebhookEvent.discriminator.mapping;
    for (const event of Object.keys(mapping)) mapping[event] = mapping[event].replace("#/components/schemas/", "");
    const parseBare = createWebhookParser<FixtureEvent>(bareNames);
    expect(parseBare(messageCreated).event).toBe("message_created");
    expect(rejection(() => parseBare({ ...messageCreated, id: "12" })).field).toBe("/id");
  });

  // The exported parser uses the bundled description. Until it has a WebhookEvent schema (another
  // issue adds it), it must fail clearly rather than accept anything.
  it.runIf(!spec.components?.schemas?.WebhookEvent)("fails clearly while the description has no WebhookEvent schema", () => {
    expect(() => parseWebhookEvent(messageCreated)).toThrow("the OpenAPI document has no schema at #/components/schemas/WebhookEvent");
  });
});

// Once the description has its WebhookEvent schema, these run against it: every example of every
// webhook payload must parse, and the same example without its `event` must be refused on `/event`.
describe.runIf(spec.components?.schemas?.WebhookEvent)("parseWebhookEvent against the description's WebhookEvent", () => {
  const examples = Object.entries(spec.webhooks ?? {}).flatMap(([name, item]) =>
    Object.entries<any>(validator.resolve(validator.resolve(item).value.post?.requestBody).value?.content?.["application/json"]?.examples ?? {}).map(([example, value]) => [`${name}: ${example}`, validator.resolve(value).value.value] as const),
  );

  it("has webhook payload examples to check", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("parses %s", (_, body) => {
    expect(parseWebhookEvent(body)).toEqual(body);
    expect(parseWebhookEvent(JSON.stringify(body))).toEqual(body);
  });

  it.each(examples)("refuses %s without its event, naming /event", (_, body) => {
    const { event, ...withoutEvent } = body as { event: string };
    expect(event).toBeTruthy();
    expect(rejection(() => parseWebhookEvent(withoutEvent)).field).toBe("/event");
  });
});
