// Checks webhook event payloads (what Ndoto POSTs to a webhook's URL) against the `webhooks` map
// of the bundled OpenAPI document. Picks the event's own schema by `event`, so a malformed payload
// gets the violations of that one schema instead of a dozen failing `oneOf` branches.
import { OpenApiValidator, pointerSegment, type Violation } from "./openapi-validator";

export class WebhookValidator {
  constructor(private readonly validator: OpenApiValidator) {}

  /** The event names the document describes, in document order. */
  get eventNames(): string[] {
    return Object.keys(this.validator.document.webhooks ?? {});
  }

  /** Checks one delivered payload; returns readable violations (empty when it conforms). */
  check(payload: unknown): string[] {
    return this.findViolations(payload).map((violation) => violation.message);
  }

  /** The same checks as `check`, with the field each violation is about (a JSON pointer) kept apart. */
  findViolations(payload: unknown): Violation[] {
    const wrong = (field: string, message: string): Violation[] => [{ location: "body", field, message }];
    if (!payload || typeof payload !== "object" || Array.isArray(payload)) return wrong("", "(root) must be an object with an `event` field");
    const event = (payload as { event?: unknown }).event;
    if (event === undefined) return wrong("/event", `(root) must have required property 'event' (one of: ${this.eventNames.join(", ")})`);
    if (typeof event !== "string") return wrong("/event", `/event must be a string, got ${JSON.stringify(event)}`);
    if (!this.eventNames.includes(event)) return wrong("/event", `/event ${JSON.stringify(event)} is not an event this description knows (known: ${this.eventNames.join(", ")})`);
    const pointer = `#/webhooks/${pointerSegment(event)}/post/requestBody/content/application~1json/schema`;
    return this.validator.schemaViolations(pointer, payload).map((violation) => ({ ...violation, message: `${event}: ${violation.message}` }));
  }
}
