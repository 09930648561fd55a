// Checks HTTP responses against the bundled OpenAPI document with Ajv's JSON Schema 2020-12 validator
// (the dialect of OpenAPI 3.1). Used by the contract tests; works for mock and real responses alike.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under some loaders the function sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

export type OpenApiDocument = {
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  webhooks?: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

export interface ResponseToCheck {
  method: string;
  /** The path template as written in the spec, e.g. `/api/v1/accounts/{account_id}/labels`. */
  path: string;
  status: number;
  /** The Content-Type header, or null when the response had none. */
  contentType: string | null;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
  /** The response headers; when given, documented headers are checked too (required ones present, values valid). */
  headers?: { get(name: string): string | null };
}

/** One way a response departs from the spec. */
export interface Violation {
  /** What is wrong: the operation itself, the status, the content type, a documented header, or the body. */
  location: "operation" | "status" | "content-type" | "header" | "body";
  /** For a header, its name; for the body, the JSON pointer (RFC 6901) of the field at fault ("" is the whole body). */
  field?: string;
  /** Readable explanation; body messages start with the path Ajv reports, as `formatAjvErrors` does. */
  message: string;
}

// Keys that OpenAPI allows inside or around schemas but JSON Schema does not define.
const openApiKeywords = ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "example", "discriminator", "xml", "externalDocs"];

function extensionKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => extensionKeys(item, found));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(child, found);
    }
  }
  return found;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The object at a local reference such as `#/components/responses/NotFound`. */
export function valueAt(document: unknown, ref: string): any {
  if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<any>((node, key) => (node === undefined ? undefined : node[key]), document);
}

/** Follows `$ref`s between OpenAPI objects (responses, examples, parameters); also says where it ended. */
export function resolveRefs<T = any>(document: unknown, value: any): { value: T; pointer: string | null } {
  let pointer: string | null = null;
  while (value && typeof value === "object" && typeof value.$ref === "string") {
    pointer = value.$ref;
    value = valueAt(document, value.$ref);
  }
  return { value, pointer };
}

function formatAjvError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const extra = error.keyword === "additionalProperties" ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : "";
  return `${where} ${error.message}${extra}`;
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(formatAjvError);
}

/**
 * The JSON pointer of the field an Ajv error is about. Ajv reports a missing or unexpected property
 * at its parent object; the pointer names the property itself.
 */
function fieldPointer(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = error.keyword === "required" || error.keyword === "dependentRequired" ? params.missingProperty : error.keyword === "additionalProperties" ? params.additionalProperty : undefined;
  return property === undefined ? error.instancePath : `${error.instancePath}/${pointerSegment(property)}`;
}

export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: true });
    addFormats(this.ajv);
    for (const keyword of [...openApiKeywords, ...extensionKeys(document)]) this.ajv.addKeyword(keyword);
    this.ajv.addSchema(document as object, "openapi.json");
  }

  /** A compiled validator for the schema at a JSON pointer inside the document (e.g. `#/components/schemas/Label`). */
  schemaAt(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      const found = this.ajv.getSchema(`openapi.json${pointer}`);
      if (!found) throw new Error(`no schema at ${pointer} in the OpenAPI document`);
      validate = found;
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  /** Checks a value against the schema at `pointer`; returns readable violations (empty when valid). */
  validate(pointer: string, value: unknown): string[] {
    const validate = this.schemaAt(pointer);
    return validate(value) ? [] : formatAjvErrors(validate.errors);
  }

  /** Follows `$ref`s between OpenAPI objects (responses, examples), which JSON Schema tools do not do. */
  resolve<T = any>(value: any): { value: T; pointer: string | null } {
    return resolveRefs<T>(this.document, value);
  }

  /** The object at a local reference such as `#/components/responses/NotFound`. */
  at(ref: string): any {
    return valueAt(this.document, ref);
  }

  /**
   * Checks one response against the operation it answers: the status must be documented, the
   * content type must be one the spec lists, and the body must match that media type's schema.
   * Returns the violations as text (`METHOD path → status: problem`); an empty list means the response conforms.
   */
  checkResponse(response: ResponseToCheck): string[] {
    const where = `${response.method.toUpperCase()} ${response.path} → ${response.status}`;
    return this.findViolations(response).map((violation) => `${where}: ${violation.message}`);
  }

  /** The same checks as `checkResponse`, with each violation's location and field kept apart (the contract CLI reports them). */
  findViolations(response: ResponseToCheck): Violation[] {
    const method = response.method.toLowerCase();
    const operation = this.document.paths[response.path]?.[method];
    if (!operation) return [{ location: "operation", message: "the spec has no such operation" }];

    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, "default"].find((key) => key in (operation.responses ?? {}));
    if (!statusKey) {
      return [{ location: "status", message: `status ${response.status} is not documented for this operation (documented: ${Object.keys(operation.responses).join(", ")})` }];
    }
    const documentedAt = this.resolve(operation.responses[statusKey]).pointer ?? `#/paths/${pointerSegment(response.path)}/${method}/responses/${statusKey}`;
    const documented = this.at(documentedAt);
    const violations = response.headers ? this.headerViolations(documented, documentedAt, response.headers) : [];

    const content: Record<string, any> | undefined = documented.content;
    if (!content || Object.keys(content).length === 0) {
      const hasBody = response.body !== undefined && response.body !== "";
      return hasBody ? [...violations, { location: "body", field: "", message: "the spec documents no body, but the response has one" }] : violations;
    }
    const mediaType = (response.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (!(mediaType in content)) {
      return [...violations, { location: "content-type", message: `content type ${JSON.stringify(response.contentType)} is not documented (documented: ${Object.keys(content).join(", ")})` }];
    }
    return [...violations, ...this.schemaViolations(`${documentedAt}/content/${pointerSegment(mediaType)}/schema`, response.body)];
  }

  /** Checks a value against the schema at `pointer`, keeping each violation's field (a JSON pointer) apart. */
  schemaViolations(pointer: string, value: unknown): Violation[] {
    const validate = this.schemaAt(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error): Violation => ({ location: "body", field: fieldPointer(error), message: formatAjvError(error) }));
  }

  /** Documented headers: a `required` one must be there, and any that is there must match its schema. */
  private headerViolations(documented: any, documentedAt: string, headers: { get(name: string): string | null }): Violation[] {
    return Object.keys(documented.headers ?? {}).flatMap((name): Violation[] => {
      const { value: header, pointer } = this.resolve(documented.headers[name]);
      const value = headers.get(name);
      if (value === null) return header.required ? [{ location: "header", field: name, message: `the required header ${name} is missing` }] : [];
      if (!header.schema) return [];
      const headerAt = pointer ?? `${documentedAt}/headers/${pointerSegment(name)}`;
      return this.validate(`${headerAt}/schema`, value).map((problem) => ({ location: "header", field: name, message: `header ${name}: ${problem.replace(/^\(root\) /, "")}` }));
    });
  }
}
