// `<package>/webhooks`: checks a webhook delivery against the description's `WebhookEvent` schema
// (Ajv, JSON Schema 2020-12) and returns it typed. A separate entry point, so that apps which only
// call the API do not carry Ajv and the bundled description.
import type { components } from "../../generated/openapi-types.js";
import bundledDocument from "../../generated/openapi.json";
import { OpenApiValidator, formatAjvErrors, pointerSegment, type OpenApiDocument } from "../validation/openapi-validator.js";

/**
 * The union of every webhook event Ndoto sends, narrowable on `event`. It is `unknown` until the
 * description has a `WebhookEvent` schema.
 */
export type WebhookEvent = components["schemas"] extends { WebhookEvent: infer Event } ? Event : unknown;

/** A delivery that is not JSON or does not match the schema of its event. */
export class WebhookValidationError extends Error {
  override name = "WebhookValidationError";

  constructor(
    message: string,
    /** JSON pointer of the first failing field, e.g. `/conversation/status` (`""` for the body itself). */
    readonly field: string,
    /** Every violation found, each with its JSON pointer. */
    readonly violations: string[],
  ) {
    super(message);
  }
}

type Schema = { $ref?: string; oneOf?: Schema[]; anyOf?: Schema[]; allOf?: Schema[]; properties?: Record<string, Schema>; const?: unknown; enum?: unknown[]; discriminator?: { mapping?: Record<string, string> } };

/** The `event` value a schema branch accepts (const or one-value enum, also inside allOf), if it names one. */
function eventOf(validator: OpenApiValidator, schema: Schema): unknown {
  const resolved: Schema = schema.$ref ? validator.at(schema.$ref) : schema;
  const property = resolved.properties?.event;
  const event = property && (property.$ref ? validator.at(property.$ref) : property);
  if (event?.const !== undefined) return event.const;
  if (event?.enum?.length === 1) return event.enum[0];
  for (const part of resolved.allOf ?? []) {
    const found = eventOf(validator, part);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The schema to check `value` against: the branch of the union its `event` selects (so the errors
 * are about that event, not about every other branch), or the whole schema if it is not a union.
 */
function schemaFor(validator: OpenApiValidator, pointer: string, value: unknown): string {
  const schema: Schema | undefined = validator.at(pointer);
  if (!schema) throw new Error(`the OpenAPI document has no schema at ${pointer}`);
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches) return pointer;
  const event = (value as { event?: unknown } | null)?.event;
  const known = branches.map((branch) => eventOf(validator, branch));
  const mapped = typeof event === "string" ? schema.discriminator?.mapping?.[event] : undefined;
  const index = known.indexOf(event);
  // A mapping names a schema by reference or, as OpenAPI also allows, by its bare name.
  if (mapped) return mapped.startsWith("#") ? mapped : `#/components/schemas/${pointerSegment(mapped)}`;
  if (typeof event === "string" && index >= 0) return branches[index].$ref ?? `${pointer}/${schema.oneOf ? "oneOf" : "anyOf"}/${index}`;
  const expected = known.filter((name) => name !== undefined).map((name) => JSON.stringify(name)).join(", ");
  const problem = typeof value !== "object" || value === null || Array.isArray(value) ? "(root) must be an object" : event === undefined ? "/event is missing" : `/event ${JSON.stringify(event)} is not a known event`;
  throw new WebhookValidationError(`invalid webhook event: ${problem} (known events: ${expected})`, problem.startsWith("(root)") ? "" : "/event", [problem]);
}

/** The text of a delivery's body, parsed; objects are taken as already parsed. */
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
 * A parser for the webhook events of an OpenAPI document: validates against
 * `#/components/schemas/<schemaName>` and returns the body typed as `Event`.
 */
export function createWebhookParser<Event = WebhookEvent>(document: OpenApiDocument, schemaName = "WebhookEvent"): (body: unknown) => Event {
  let validator: OpenApiValidator | undefined; // compiled on first use, not on import
  const pointer = `#/components/schemas/${pointerSegment(schemaName)}`;
  return (body) => {
    const value = parseBody(body);
    validator ??= new OpenApiValidator(document);
    const validate = validator.schemaAt(schemaFor(validator, pointer, value));
    if (validate(value)) return value as Event;
    const errors = validate.errors ?? [];
    const first = errors[0];
    // A missing property is reported on its parent; name the property itself.
    const missing = first?.keyword === "required" ? `/${pointerSegment(String((first.params as { missingProperty: string }).missingProperty))}` : "";
    const violations = formatAjvErrors(errors);
    const event = (value as { event?: unknown }).event;
    throw new WebhookValidationError(`invalid webhook event ${JSON.stringify(event)}: ${violations.join("; ")}`, `${first?.instancePath ?? ""}${missing}`, violations);
  };
}

/**
 * Checks a webhook delivery (the raw body as a string or bytes, or already parsed) against the
 * description and returns it as a WebhookEvent; throws WebhookValidationError naming the failing field.
 */
export const parseWebhookEvent: (body: unknown) => WebhookEvent = createWebhookParser(bundledDocument as unknown as OpenApiDocument);
