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

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === "" ? "(root)" : error.instancePath;
    const extra = error.keyword === "additionalProperties" ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'` : "";
    return `${where} ${error.message}${extra}`;
  });
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
   * Returns the violations; an empty list means the response conforms.
   */
  checkResponse(response: ResponseToCheck): string[] {
    const method = response.method.toLowerCase();
    const where = `${method.toUpperCase()} ${response.path} → ${response.status}`;
    const operation = this.document.paths[response.path]?.[method];
    if (!operation) return [`${where}: the spec has no such operation`];

    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, "default"].find((key) => key in (operation.responses ?? {}));
    if (!statusKey) return [`${where}: status ${response.status} is not documented for this operation (documented: ${Object.keys(operation.responses).join(", ")})`];
    const documented = this.resolve(operation.responses[statusKey]).value;

    const content: Record<string, any> | undefined = documented.content;
    if (!content || Object.keys(content).length === 0) {
      return response.body === undefined || response.body === "" ? [] : [`${where}: the spec documents no body, but the response has one`];
    }
    const mediaType = (response.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (!(mediaType in content)) {
      return [`${where}: content type ${JSON.stringify(response.contentType)} is not documented (documented: ${Object.keys(content).join(", ")})`];
    }
    const pointer = `#/paths/${pointerSegment(response.path)}/${method}/responses/${statusKey}`;
    const schemaPointer = `${this.resolve(operation.responses[statusKey]).pointer ?? pointer}/content/${pointerSegment(mediaType)}/schema`;
    return this.validate(schemaPointer, response.body).map((violation) => `${where}: ${violation}`);
  }
}
