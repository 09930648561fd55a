// One call the way openapi-fetch's createClient() makes it, built from openapi-fetch's own
// serializers: the URL (path and query), the headers, the body, and reading the answer into
// `{ data }` or `{ error }`. The client sends requests itself (see DECISIONS.md, "Client"), so that
// it can retry them and so that a call costs little more than a bare fetch;
// test/client/same-as-openapi-fetch.test.ts checks that calls and results match createClient's.
import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer, mergeHeaders, type FetchOptions, type ParseAs } from "openapi-fetch";

/** openapi-fetch's per-call options that shape the request. */
export type CallInit = Omit<FetchOptions<any>, "params" | "headers" | "fetch" | "parseAs" | "middleware"> & {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  headers?: Record<string, any>;
};

const querySerializer = createQuerySerializer();

// Path templates split once into text and parameter names: ["/api/v1/accounts/", "account_id", "/labels"].
const templates = new Map<string, string[] | null>();

/**
 * openapi-fetch's path serialization, without re-parsing the template on every call. Templates with
 * label, matrix or explode markers, and values that are arrays or objects, go to openapi-fetch's own.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  let parts = templates.get(pathname);
  if (parts === undefined) templates.set(pathname, (parts = /\{[.;]|\*\}/.test(pathname) ? null : pathname.split(/\{([^{}]+)\}/)));
  if (!parts) return defaultPathSerializer(pathname, params);
  let url = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]];
    if (typeof value === "object" && value !== null) return defaultPathSerializer(pathname, params);
    url += (value == null ? `{${parts[i]}}` : encodeURIComponent(value as string | number | boolean)) + parts[i + 1];
  }
  return url;
}

/** The URL and RequestInit of a call; `headers` stays a plain object when nothing needs merging (faster for fetch). */
export function buildRequest(baseUrl: string, baseHeaders: Record<string, string>, method: string, path: string, init: CallInit) {
  const { params = {}, body, headers, baseUrl: callBaseUrl, querySerializer: query, bodySerializer = defaultBodySerializer, pathSerializer = serializePath, ...requestInit } = init;
  const url = createFinalURL(path, {
    baseUrl: callBaseUrl?.replace(/\/$/, "") ?? baseUrl,
    params,
    querySerializer: typeof query === "function" ? query : query ? createQuerySerializer(query) : querySerializer,
    pathSerializer,
  });
  // openapi-fetch also hands the body serializer the headers (its type says otherwise), for the content type.
  const serialized = body === undefined ? undefined : (bodySerializer as (body: unknown, headers: Headers) => unknown)(body, mergeHeaders(baseHeaders, headers, params.header as never));
  const merged =
    serialized === undefined && !headers && !params.header
      ? baseHeaders
      : mergeHeaders(serialized === undefined || serialized instanceof FormData ? {} : { "Content-Type": "application/json" }, baseHeaders, headers, params.header as never);
  // (openapi-fetch also sets redirect: "follow", which is fetch's default anyway.)
  const request: RequestInit & { method: string } = { ...requestInit, method, headers: merged };
  if (serialized !== undefined) request.body = serialized as BodyInit;
  return { url, init: request };
}

/** What openapi-fetch resolves with for this response: `{ data, response }` on 2xx, `{ error, response }` otherwise. */
export async function readResponse(response: Response, method: string, parseAs: ParseAs = "json"): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  if (response.ok && parseAs === "json") {
    // openapi-fetch's cases for JSON (204, HEAD, Content-Length 0, no length) come down to: empty → undefined.
    const text = await response.text();
    return { data: text ? JSON.parse(text) : undefined, response };
  }
  const length = response.headers.get("Content-Length");
  if (response.status === 204 || method === "HEAD" || (length === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked"))) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) return { data: parseAs === "stream" ? response.body : await response[parseAs](), response };
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {
    // not JSON: the text itself is the error
  }
  return { error, response };
}
