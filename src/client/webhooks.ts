// `<package>/webhooks`: checks a webhook delivery against the description (Ajv, JSON Schema 2020-12,
// through src/validation/webhook-validator.ts) and returns it typed as the `WebhookEvent` union. A
// separate entry point, so that apps which only call the API do not carry Ajv and the schemas.
import type { components } from "../../generated/openapi-types.js";
import bundledDocument from "../../generated/openapi.json";
import { OpenApiValidator, type OpenApiDocument } from "../validation/openapi-validator.js";
import { WebhookValidator } from "../validation/webhook-validator.js";

/** Every event Ndoto POSTs to a webhook, narrowable on `event`. */
export type WebhookEvent = components["schemas"]["WebhookEvent"];

/** A delivery that is not JSON or does not match the schema of its event. */
export class WebhookValidationError extends Error {
  override name = "WebhookValidationError";

  constructor(
    message: string,
    /** JSON pointer of the first failing field, e.g. `/conversation/status` (`""` for the body itself). */
    readonly field: string,
    /** Every violation found, each starting with its JSON pointer. */
    readonly violations: string[],
  ) {
    super(message);
  }
}

/** The delivery's body as JSON: text and bytes are parsed, anything else is taken as parsed already. */
function parseBody(body: unknown): unknown {
  if (typeof body !== "string" && !(body instanceof Uint8Array)) return body;
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WebhookValidationError(`invalid webhook event: the body is not JSON (${(error as Error).message})`, "", ["(root) is not JSON"]);
  }
}

/**
 * A parser for the webhook events an OpenAPI document describes in its `webhooks` map: each body is
 * checked against the schema of its own `event` and returned typed as `Event`.
 */
export function createWebhookParser<Event = WebhookEvent>(document: OpenApiDocument): (body: unknown) => Event {
  let webhooks: WebhookValidator | undefined; // compiled on first use, not on import
  return (body) => {
    const value = parseBody(body);
    webhooks ??= new WebhookValidator(new OpenApiValidator(document));
    const violations = webhooks.findViolations(value);
    if (violations.length === 0) return value as Event;
    const messages = violations.map((violation) => violation.message);
    throw new WebhookValidationError(`invalid webhook event: ${messages.join("; ")}`, violations[0].field ?? "", messages);
  };
}

/**
 * Checks a webhook delivery (the raw body as a string or bytes, or already parsed) against the
 * description and returns it as a WebhookEvent; throws WebhookValidationError naming the failing field.
 */
export const parseWebhookEvent: (body: unknown) => WebhookEvent = createWebhookParser(bundledDocument as unknown as OpenApiDocument);
