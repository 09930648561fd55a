// Turns one operation of the bundled document into the concrete request its code samples make:
// URL from the first server's defaults and the parameters' examples, the auth header, and the
// body from the operation's first named example. Everything comes from the document, so new
// operations get samples without any change here.
import { resolveRefs, type OpenApiDocument } from "../../../src/validation/openapi-validator";
import { httpMethods, type HttpMethod } from "../../../src/validation/operations";

export { httpMethods, type HttpMethod };

/** What a sample sends as its body. */
export type SampleBody =
  | { kind: "json"; value: unknown }
  | { kind: "multipart"; fields: MultipartField[] };

export type MultipartField = { name: string; kind: "text"; value: string } | { name: string; kind: "file"; fileName: string; contentType: string };

export interface SampleRequest {
  /** Lower-case HTTP method. */
  method: HttpMethod;
  /** The path template as written in the spec, e.g. `/api/v1/accounts/{account_id}/labels`. */
  pathTemplate: string;
  /** The server's default origin, e.g. `https://app.usendoto.com`. */
  origin: string;
  /** The concrete path, e.g. `/api/v1/accounts/1/labels`. */
  path: string;
  /** Path parameter values, by name, as the examples give them (typed for the TypeScript client). */
  pathParams: Record<string, unknown>;
  /** Required query parameters with their example values (arrays repeat the name). */
  query: Array<[string, unknown]>;
  /** Header name → placeholder value (the API token). */
  headers: Array<[string, string]>;
  body?: SampleBody;
  /** The media type of the body, e.g. `application/json`. */
  mediaType?: string;
  /** The component name of the body's schema when it is a `$ref` (the TypeScript sample checks the body against it). */
  bodySchemaName?: string;
  /** Whether the success response has a body worth printing (otherwise samples print the status). */
  printsBody: boolean;
}

/** The media types samples know how to send, in order of preference. */
export const supportedMediaTypes = ["application/json", "multipart/form-data"] as const;

export const tokenPlaceholder = "YOUR_TOKEN";

/** Raised with the operation named, so a spec change that samples cannot handle fails generation clearly. */
export class SampleError extends Error {}

const resolve = (document: OpenApiDocument, value: any): any => resolveRefs(document, value).value;

/** The first server URL with its variables set to their defaults, without a trailing slash. */
export function defaultOrigin(document: OpenApiDocument): string {
  const server = (document.servers as Array<{ url: string; variables?: Record<string, { default: string }> }> | undefined)?.[0];
  if (!server) throw new SampleError("the document has no servers, so samples have no URL");
  return server.url.replace(/\{([^}]+)\}/g, (_, name) => server.variables?.[name]?.default ?? `{${name}}`).replace(/\/+$/, "");
}

/** A parameter's example: `example`, else its first named example, else the schema's. */
function parameterExample(document: OpenApiDocument, parameter: any): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values<any>(parameter.examples ?? {})[0];
  if (named !== undefined) return resolve(document, named).value;
  const schema = resolve(document, parameter.schema ?? {});
  return schema.examples?.[0] ?? schema.example ?? schema.default;
}

function isBinary(document: OpenApiDocument, schema: any): boolean {
  const resolved = resolve(document, schema ?? {});
  if (resolved.type === "array") return isBinary(document, resolved.items);
  if (Array.isArray(resolved.oneOf ?? resolved.anyOf)) return (resolved.oneOf ?? resolved.anyOf).some((branch: any) => isBinary(document, branch));
  return resolved.format === "binary" || resolved.contentMediaType !== undefined || resolved.contentEncoding !== undefined;
}

const contentTypesByExtension: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
};

/**
 * The content type a file part declares: the spec's `encoding`, else the schema's
 * `contentMediaType`, else a guess from the file name. Samples always send one, because some
 * servers (Prism 5.14 among them) fail on a file part without it.
 */
function fileContentType(document: OpenApiDocument, encoding: any, schema: any, fileName: string): string {
  const resolved = resolve(document, schema ?? {});
  const declared = [encoding?.contentType, resolved.contentMediaType, resolve(document, resolved.items ?? {}).contentMediaType]
    .filter((value): value is string => typeof value === "string")
    .flatMap((value) => value.split(",").map((type) => type.trim()))
    .find((type) => !type.includes("*"));
  if (declared) return declared;
  return contentTypesByExtension[fileName.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

function multipartFields(document: OpenApiDocument, media: any, example: Record<string, unknown>, where: string): MultipartField[] {
  const properties = resolve(document, media.schema ?? {}).properties ?? {};
  return Object.entries(example).flatMap(([name, value]): MultipartField[] => {
    const values = Array.isArray(value) ? value : [value];
    if (isBinary(document, properties[name])) {
      // A file field's example names the file to upload; anything else gets a neutral name.
      return values.map((item) => {
        const fileName = typeof item === "string" && /^[\w.-]+$/.test(item) ? item : `${name.replace(/\W/g, "") || "file"}.bin`;
        return { name, kind: "file", fileName, contentType: fileContentType(document, media.encoding?.[name], properties[name], fileName) };
      });
    }
    return values.map((item) => {
      if (item !== null && typeof item === "object") throw new SampleError(`${where}: multipart field ${name} holds an object, which samples cannot send as a form field`);
      return { name, kind: "text", value: String(item) };
    });
  });
}

/** The success response the mock answers with by default: the lowest 2xx. */
function successResponse(document: OpenApiDocument, operation: any): any {
  const status = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  return status === undefined ? undefined : resolve(document, operation.responses[status]);
}

/**
 * The requests the samples of one operation make: one per request media type samples support
 * (JSON first), or a single request without a body.
 */
export function sampleRequests(document: OpenApiDocument, pathTemplate: string, method: HttpMethod): SampleRequest[] {
  const where = `${method.toUpperCase()} ${pathTemplate}`;
  const pathItem = document.paths[pathTemplate];
  const operation = pathItem?.[method];
  if (!operation) throw new SampleError(`${where}: no such operation`);
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => resolve(document, p));

  const pathParams: Record<string, unknown> = {};
  const path = pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    const value = parameter ? parameterExample(document, parameter) : undefined;
    if (value === undefined) throw new SampleError(`${where}: path parameter ${name} needs an example for the code samples`);
    pathParams[name] = value;
    return encodeURIComponent(String(value));
  });

  const query: Array<[string, unknown]> = [];
  for (const parameter of parameters.filter((p) => p.in === "query" && p.required)) {
    const value = parameterExample(document, parameter);
    if (value === undefined) throw new SampleError(`${where}: required query parameter ${parameter.name} needs an example for the code samples`);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) throw new SampleError(`${where}: query parameter ${parameter.name} is an object, which samples do not support`);
    query.push([parameter.name, value]);
  }

  const headers: Array<[string, string]> = [];
  const security = (operation.security ?? document.security ?? []) as Array<Record<string, string[]>>;
  for (const schemeName of Object.keys(security[0] ?? {})) {
    const scheme = resolve(document, (document.components as any)?.securitySchemes?.[schemeName]);
    if (scheme?.type !== "apiKey" || scheme.in !== "header") throw new SampleError(`${where}: security scheme ${schemeName} is not an API key header, which samples do not support`);
    headers.push([scheme.name, tokenPlaceholder]);
  }
  for (const parameter of parameters.filter((p) => p.in === "header" && p.required)) {
    const value = parameterExample(document, parameter);
    if (value === undefined) throw new SampleError(`${where}: required header ${parameter.name} needs an example for the code samples`);
    headers.push([parameter.name, String(value)]);
  }

  const success = successResponse(document, operation);
  const base = {
    method,
    pathTemplate,
    origin: defaultOrigin(document),
    path,
    pathParams,
    query,
    headers,
    printsBody: Boolean(success?.content && Object.keys(success.content).length > 0),
  };

  if (!operation.requestBody) return [base];
  const content: Record<string, any> = resolve(document, operation.requestBody).content ?? {};
  const mediaTypes = supportedMediaTypes.filter((type) => type in content);
  const unsupported = Object.keys(content).filter((type) => !(supportedMediaTypes as readonly string[]).includes(type));
  if (mediaTypes.length === 0) throw new SampleError(`${where}: samples support request bodies of ${supportedMediaTypes.join(" and ")}, not ${unsupported.join(", ")}`);

  return mediaTypes.map((mediaType) => {
    const media = content[mediaType];
    const named = Object.entries<any>(media.examples ?? {})[0];
    if (!named) throw new SampleError(`${where}: the ${mediaType} request body needs a named example for the code samples`);
    const value = resolve(document, named[1]).value;
    const bodySchemaName = /^#\/components\/schemas\/([^/]+)$/.exec(media.schema?.$ref ?? "")?.[1];
    if (mediaType === "application/json") return { ...base, mediaType, bodySchemaName, body: { kind: "json", value } };
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new SampleError(`${where}: the multipart example ${named[0]} must be an object of fields`);
    return { ...base, mediaType, body: { kind: "multipart", fields: multipartFields(document, media, value, where) } };
  });
}

/** The full production URL of a request, query string included. */
export function sampleUrl(request: SampleRequest): string {
  return request.origin + request.path + queryString(request.query);
}

export function queryString(query: Array<[string, unknown]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of query) for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
