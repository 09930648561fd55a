// fast-check arbitraries that build requests from the spec: valid ones (every value drawn from its
// schema) and invalid ones (one deliberate mistake each: a wrong type, a missing required field, an
// oversized string, an unknown field, a value out of range, a missing token). Only mistakes the
// description covers and Prism checks are made; see README "Fuzzing the mock".
import fc from "fast-check";
import type { OpenApiValidator } from "../../src/validation/openapi-validator";
import type { OperationEntry } from "../../src/validation/operations";
import { jsonRequestBody, parametersOf } from "../../src/contract/requests";

export interface FuzzRequest {
  entry: OperationEntry;
  /** Path with parameters filled in, and percent-encoded. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  /** The JSON body; undefined sends none. */
  body?: unknown;
  /** What was made wrong (invalid requests only). */
  mistake?: string;
  [fc.toStringMethod]?: () => string;
}

const tokenHeader = "api_access_token";
// Built once: making arbitraries (stringMatching above all) inside chain() for every request is slow.
const lowercaseWord = fc.stringMatching(/^[a-z]{1,8}$/);
const amountOver = fc.integer({ min: 1, max: 1000 });
const simpleKey = fc.stringMatching(/^[a-z_]{1,12}$/);
const maxSafe = Number.MAX_SAFE_INTEGER;

/** A schema with its `$ref` followed; sibling keywords (allowed next to `$ref` in 3.1) are kept on top. */
function resolved(node: any, validator: OpenApiValidator): any {
  if (!node?.$ref) return node ?? {};
  const { $ref, ...siblings } = node;
  return { ...resolved(validator.at($ref), validator), ...siblings };
}

/** All of `allOf` in one object schema (enough for the object compositions request bodies use). */
function merged(schema: any, validator: OpenApiValidator): any {
  if (!schema.allOf) return schema;
  const { allOf, ...rest } = schema;
  return [rest, ...allOf.map((part: any) => merged(resolved(part, validator), validator))].reduce((a, b) => ({
    ...a,
    ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  }));
}

function typesOf(schema: any): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.properties) return ["object"];
  if (schema.items) return ["array"];
  return ["string", "integer", "boolean", "null", "object", "array"];
}

function integerBetween(low: number, high: number): fc.Arbitrary<number> {
  const wide = fc.bigInt({ min: BigInt(low), max: BigInt(high) }).map(Number);
  // Mostly small numbers, sometimes anywhere in the range (ids are int64 on the wire).
  const smallLow = Math.max(low, -1000);
  const smallHigh = Math.min(high, 1000);
  return smallLow <= smallHigh ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: smallLow, max: smallHigh }) }, { weight: 1, arbitrary: wide }) : wide;
}

const codePoints = (text: string) => [...text].length;

function stringArbitrary(schema: any): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, "u");
  const fits = (text: string) => codePoints(text) >= min && codePoints(text) <= max && (!pattern || pattern.test(text));
  const formatted = formatArbitrary(schema.format);
  // A format decides the shape (the pattern then only narrows it); otherwise the pattern does.
  if (formatted) return formatted.filter(fits);
  if (pattern) return fc.stringMatching(pattern).filter(fits);
  const short = fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, min + 20) });
  // Now and then a string of exactly the longest allowed length (a short random piece repeated: drawing
  // thousands of characters one by one is slow).
  const piece = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 16 });
  const longest = Number.isFinite(max) && max > min + 20 ? [{ weight: 1, arbitrary: piece.map((text) => text.repeat(Math.ceil(max / text.length)).slice(0, max)) }] : [];
  return fc.oneof({ weight: 19, arbitrary: short }, ...longest).filter(fits);
}

/** Strings of the formats request schemas use; undefined for no format or one without special shape (e.g. password). */
function formatArbitrary(format: string | undefined): fc.Arbitrary<string> | undefined {
  const dates = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
  switch (format) {
    case "email":
      return fc.stringMatching(/^[a-z0-9]{1,20}(\.[a-z0-9]{1,10})?@[a-z0-9]{1,20}\.[a-z]{2,6}$/);
    case "date-time":
      return dates.map((date) => date.toISOString());
    case "date":
      return dates.map((date) => date.toISOString().slice(0, 10));
    case "uri":
    case "url":
      return fc.webUrl();
    case "uuid":
      return fc.uuid();
    default:
      return undefined;
  }
}

/** Values that match a schema (before the final check against the whole request schema). */
export function valueArbitrary(node: any, validator: OpenApiValidator, depth = 0): fc.Arbitrary<unknown> {
  const schema = merged(resolved(node, validator), validator);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    const { oneOf, anyOf, ...rest } = schema;
    return fc.oneof(...branches.map((branch: any) => valueArbitrary({ ...rest, ...resolved(branch, validator) }, validator, depth + 1)));
  }
  return fc.oneof(...typesOf(schema).map((type) => typedArbitrary(type, schema, validator, depth)));
}

function typedArbitrary(type: string, schema: any, validator: OpenApiValidator, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : -maxSafe);
      const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? Math.ceil(schema.exclusiveMaximum) - 1 : maxSafe);
      return integerBetween(low, high);
    }
    case "number":
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case "string":
      return stringArbitrary(schema);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      const items = depth > 4 ? fc.constant(null) : valueArbitrary(schema.items ?? {}, validator, depth + 1);
      return schema.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) }) : fc.array(items, { minLength, maxLength });
    }
    default:
      return objectArbitrary(schema, validator, depth);
  }
}

function objectArbitrary(schema: any, validator: OpenApiValidator, depth: number): fc.Arbitrary<unknown> {
  const minKeys = schema.minProperties ?? 0;
  const declared = Object.entries<any>(schema.properties ?? {}).filter(([, property]) => !resolved(property, validator).readOnly);
  if (declared.length === 0) {
    const extra = schema.additionalProperties;
    if (extra === false || depth > 4) return fc.constant({});
    // A map (values of one schema) or a free-form object (settings, custom attributes): a few simple keys.
    const values = extra && typeof extra === "object" ? valueArbitrary(extra, validator, depth + 1) : fc.jsonValue({ maxDepth: 2 });
    return fc.dictionary(simpleKey, values, { minKeys, maxKeys: Math.max(minKeys, 3) });
  }
  const model = Object.fromEntries(declared.map(([name, property]) => [name, valueArbitrary(property, validator, depth + 1)]));
  const required = (schema.required ?? []).filter((name: string) => name in model);
  return fc
    .record(model, { requiredKeys: required })
    .map((value: Record<string, unknown>) => {
      // dependentRequired: drop a field whose companions were not drawn.
      for (const [name, companions] of Object.entries<string[]>(schema.dependentRequired ?? {})) {
        if (name in value && companions.some((companion) => !(companion in value))) delete value[name];
      }
      return value;
    })
    .filter((value) => Object.keys(value).length >= minKeys);
}

/** Percent-encoded path segment values that keep the route intact. */
function pathValue(parameter: any, validator: OpenApiValidator): fc.Arbitrary<string> {
  const schema = resolved(parameter.schema, validator);
  if (typesOf(schema).includes("string") && !schema.pattern && !schema.enum && !schema.format) return fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
  return valueArbitrary(parameter.schema, validator).map((value) => encodeURIComponent(String(value)));
}

function queryValues(value: unknown, name: string): [string, string][] {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) throw new Error(`query parameter ${name} is an object: the fuzzer does not serialise those yet`);
  return [value].flat().map((item) => [name, String(item)]);
}

/** Why an operation cannot be fuzzed, or undefined when it can. */
export function unsupported(entry: OperationEntry, validator: OpenApiValidator): string | undefined {
  if (entry.operation.requestBody && !jsonRequestBody(entry, validator)) return "its request body is not JSON";
  return undefined;
}

/** Requests that the description says are valid (the fuzz test checks each body with Ajv before sending it). */
export function validRequest(entry: OperationEntry, validator: OpenApiValidator): fc.Arbitrary<FuzzRequest> {
  const parameters = parametersOf(entry, validator);
  const inPath = parameters.filter((p) => p.in === "path");
  const optional = (parameter: any, arbitrary: fc.Arbitrary<unknown>) => (parameter.required ? arbitrary : fc.option(arbitrary, { nil: undefined }));
  const queryAndHeaders = parameters.filter((p) => p.in === "query" || (p.in === "header" && p.name !== tokenHeader));
  const body = jsonRequestBody(entry, validator);
  const bodyArbitrary = body ? valueArbitrary(body.media.schema, validator) : fc.constant(undefined);

  return fc
    .record({
      path: fc.tuple(...inPath.map((p) => pathValue(p, validator))),
      extras: fc.tuple(...queryAndHeaders.map((p) => optional(p, valueArbitrary(p.schema, validator)))),
      token: fc.stringMatching(/^[A-Za-z0-9]{1,40}$/),
      body: bodyArbitrary,
    })
    .map(({ path, extras, token, body: value }) => {
      let index = 0;
      const filled = entry.path.replace(/\{[^}]+\}/g, () => path[index++]);
      const query: [string, string][] = [];
      const headers: Record<string, string> = { [tokenHeader]: token };
      queryAndHeaders.forEach((parameter, i) => {
        if (extras[i] === undefined) return;
        if (parameter.in === "query") query.push(...queryValues(extras[i], parameter.name));
        else headers[parameter.name] = String(extras[i]);
      });
      return { entry, path: filled, query, headers, body: value, [fc.toStringMethod]: summarise };
    });
}

/** How fast-check shows a request in a counterexample: one line, not the whole operation object. */
function summarise(this: FuzzRequest): string {
  const query = this.query.length > 0 ? `?${new URLSearchParams(this.query)}` : "";
  const body = this.body === undefined ? "" : ` ${JSON.stringify(this.body).slice(0, 200)}`;
  return `${this.entry.operation.operationId} ${this.entry.method.toUpperCase()} ${this.path}${query}${body}${this.mistake ? ` (mistake: ${this.mistake})` : ""}`;
}

/** Sample values of each JSON type, to put where a schema wants another type. */
const wrongTypeSamples: [string, unknown][] = [
  ["string", "text"],
  ["integer", 12345],
  ["number", 1.5],
  ["boolean", true],
  ["null", null],
  ["object", {}],
  ["array", []],
];

function wrongTypeValues(schema: any): unknown[] {
  const allowed = typesOf(schema);
  if (allowed.length === 6 && !schema.enum && !("const" in schema)) return []; // anything goes
  // An integer is also a number; an enum or const of one type is wrong for every other type.
  const enumTypes = schema.enum || "const" in schema ? [...new Set([...(schema.enum ?? []), schema.const].filter((v) => v !== undefined).map((v) => (v === null ? "null" : typeof v)))] : [];
  const accepted = new Set(schema.type ? allowed : enumTypes.map((t) => (t === "number" ? "number" : t)));
  if (accepted.has("number")) accepted.add("integer");
  return wrongTypeSamples.filter(([type]) => !accepted.has(type)).map(([, value]) => value);
}

interface Site {
  mistake: string;
  change: fc.Arbitrary<(body: any) => unknown>;
}

/** Every place in a valid body where one mistake can be made, with the change that makes it. */
function bodySites(node: any, value: unknown, validator: OpenApiValidator, at: string[] = []): Site[] {
  const schema = merged(resolved(node, validator), validator);
  const where = `/${at.join("/")}`;
  const setAt = (make: (old: any) => unknown) => (body: any) => {
    if (at.length === 0) return make(body);
    const copy = structuredClone(body);
    const parent = at.slice(0, -1).reduce((object, key) => object[key], copy);
    parent[at[at.length - 1]] = make(parent[at[at.length - 1]]);
    return copy;
  };
  const sites: Site[] = [];
  const wrong = wrongTypeValues(schema);
  if (wrong.length > 0) sites.push({ mistake: `wrong type at ${where}`, change: fc.constantFrom(...wrong).map((bad) => setAt(() => bad)) });
  if (typeof value === "string" && schema.maxLength !== undefined) {
    sites.push({ mistake: `oversized string at ${where}`, change: fc.integer({ min: 1, max: 100 }).map((extra) => setAt(() => "x".repeat(schema.maxLength + extra))) });
  }
  if (typeof value === "number" && schema.minimum !== undefined) {
    sites.push({ mistake: `below the minimum at ${where}`, change: amountOver.map((less) => setAt(() => schema.minimum - less)) });
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (name in object) sites.push({ mistake: `missing required field ${where === "/" ? "" : where}/${name}`, change: fc.constant(setAt((old) => Object.fromEntries(Object.entries(old).filter(([key]) => key !== name)))) });
    }
    if (schema.additionalProperties === false) {
      sites.push({ mistake: `unknown field at ${where}`, change: fc.constant(setAt((old) => ({ ...old, ndoto_fuzz_unknown_field: 1 }))) });
    }
    if ((schema.minProperties ?? 0) > 0) sites.push({ mistake: `too few fields at ${where}`, change: fc.constant(setAt(() => ({}))) });
    for (const [name, child] of Object.entries(object)) {
      if (schema.properties?.[name]) sites.push(...bodySites(schema.properties[name], child, validator, [...at, name]));
    }
  }
  return sites;
}

/** Requests with exactly one mistake that the description rules out (the fuzz test checks with Ajv that a body mistake is one). */
export function invalidRequest(entry: OperationEntry, validator: OpenApiValidator): fc.Arbitrary<FuzzRequest> {
  const parameters = parametersOf(entry, validator);
  const body = jsonRequestBody(entry, validator);
  const secured = (entry.operation.security ?? validator.document.security ?? []).length > 0;
  return validRequest(entry, validator).chain((request) => {
    const mistakes: fc.Arbitrary<FuzzRequest>[] = [];
    const withMistake = (mistake: string, changes: Partial<FuzzRequest>) => ({ ...request, ...changes, mistake });
    if (secured) {
      const { [tokenHeader]: _, ...headers } = request.headers;
      mistakes.push(fc.constant(withMistake("no api_access_token", { headers })));
    }
    parameters.forEach((parameter) => {
      const schema = resolved(parameter.schema, validator);
      if (parameter.in === "path") {
        const segment = `{${parameter.name}}`;
        const replace = (value: string) => request.entry.path.split("/").map((part, i) => (part === segment ? value : request.path.split("/")[i])).join("/");
        if (!typesOf(schema).includes("string")) mistakes.push(lowercaseWord.map((text) => withMistake(`path parameter ${parameter.name} of the wrong type`, { path: replace(text) })));
        if (schema.minimum !== undefined) mistakes.push(amountOver.map((less) => withMistake(`path parameter ${parameter.name} below its minimum`, { path: replace(String(schema.minimum - less)) })));
      }
      if (parameter.in === "query") {
        const others = request.query.filter(([name]) => name !== parameter.name);
        if (parameter.required) mistakes.push(fc.constant(withMistake(`missing query parameter ${parameter.name}`, { query: others })));
        // Query values are text: "not-…" is only wrong where the value (or each item of a list) is not free text.
        const value = typesOf(schema).includes("array") ? resolved(schema.items, validator) : schema;
        if (!typesOf(value).includes("string") || value.enum) {
          mistakes.push(lowercaseWord.map((text) => withMistake(`query parameter ${parameter.name} of the wrong type`, { query: [...others, [parameter.name, `not-${text}`]] })));
        }
      }
    });
    if (body) {
      if (body.required) mistakes.push(fc.constant(withMistake("no body", { body: undefined })));
      for (const site of bodySites(body.media.schema, request.body, validator)) {
        mistakes.push(site.change.map((change) => withMistake(site.mistake, { body: change(request.body) })));
      }
    }
    if (mistakes.length === 0) throw new Error(`${entry.operation.operationId}: no way to make an invalid request`);
    return fc.oneof(...mistakes);
  });
}

/** What Ajv says about a request's body: [] when it matches the operation's request schema. */
export function bodyViolations(request: FuzzRequest, validator: OpenApiValidator): string[] {
  const body = jsonRequestBody(request.entry, validator);
  if (!body || request.body === undefined) return body?.required ? ["no body, but the operation requires one"] : [];
  return validator.validate(body.schemaPointer, request.body);
}
