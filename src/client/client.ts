// createNdotoClient: openapi-fetch's calls and types with the token, the account, retries, timeouts
// and an optional throwing mode. Generic over the generated `paths`: any operation just works.
import type { paths } from "../../generated/openapi-types.js";
import { NdotoApiError } from "./errors.js";
import { buildRequest, readResponse, type CallInit } from "./request.js";
import { defaultRetryPolicy, retryPolicy, sendWithRetries, type RetryEvent, type RetryOptions } from "./retry.js";
import type { ClientFor } from "./types.js";

/** Ndoto cloud. Self-hosted deployments and the mock (`http://127.0.0.1:4010`) are given as `baseUrl`. */
export const defaultBaseUrl = "https://app.usendoto.com";

export interface NdotoClientOptions {
  /** Your API access token (Ndoto profile settings), sent as the `api_access_token` header. */
  token: string;
  /** Where Ndoto runs, without `/api/v1`. Default: Ndoto cloud, `https://app.usendoto.com`. */
  baseUrl?: string;
  /** Fills `{account_id}` in every path, so calls may leave it out (a call's own `account_id` wins). */
  accountId?: number;
  /** A fetch to send the requests with (tests, proxies, logging); it gets a Request per try. Default: the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Milliseconds a call may take, retries and waits included; past it the call rejects with a
   * DOMException named "TimeoutError" (as `AbortSignal.timeout` does). Default: no limit, as fetch.
   */
  timeoutMs?: number;
  /** When and how to send a call again; `false` turns retries off. See RetryOptions for the defaults. */
  retry?: RetryOptions | false;
  /** Throw NdotoApiError on a non-2xx answer instead of resolving with `{ error, response }`. Default false. */
  throwOnError?: boolean;
  /** Headers for every request, e.g. a `User-Agent` naming your integration. */
  headers?: Record<string, string>;
  /** Called before each retry, for logs or metrics. The event never holds the token. */
  onRetry?: (event: RetryEvent) => void;
}

const noop = () => {};

/**
 * The signal a call runs with: the caller's, joined with the timeout when there is one. Made here
 * rather than with AbortSignal.timeout so that the error names the call.
 */
function callSignal(timeoutMs: number | undefined, signal: AbortSignal | null | undefined, operation: string) {
  if (!timeoutMs) return { signal, deadline: Infinity, done: noop };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`${operation} did not finish within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  return {
    signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
    deadline: Date.now() + timeoutMs,
    done: () => clearTimeout(timer),
  };
}

/**
 * A typed Ndoto client: `client.GET("/api/v1/accounts/{account_id}/labels")` and every other
 * operation of the description, with the types generated from it.
 */
export function createNdotoClient<const Options extends NdotoClientOptions>(options: Options): ClientFor<paths, Options> {
  const { token, baseUrl = defaultBaseUrl, accountId, fetch: customFetch, timeoutMs, throwOnError, onRetry } = options;
  // These messages must not echo what was passed: it may be the token.
  if (typeof token !== "string" || !token) throw new TypeError("createNdotoClient: token must be a non-empty string");
  if (accountId !== undefined && !(Number.isInteger(accountId) && accountId > 0)) throw new TypeError("createNdotoClient: accountId must be a positive whole number");
  const redact = (text: string) => text.split(token).join("[redacted]");
  const clientRetry = retryPolicy(options.retry, defaultRetryPolicy);
  // A call's own api_access_token header wins (to act as another user for one call).
  const headers = { ...options.headers, api_access_token: token };
  const base = baseUrl.replace(/\/$/, "");

  async function call(method: string, path: string, init: CallInit & Record<string, any> = {}) {
    // throwOnError per call is for the paginators; the types offer it per client only.
    const { timeoutMs: ms = timeoutMs, throwOnError: throws = throwOnError, retry, fetch: callFetch = customFetch, parseAs, middleware, ...rest } = init;
    if (middleware) throw new TypeError("createNdotoClient: openapi-fetch middleware is not supported; give the client a fetch instead");
    const operation = `${method} ${path}`;
    const { signal, deadline, done } = callSignal(ms, rest.signal, operation);
    try {
      const request = buildRequest(base, headers, method, path, { ...rest, ...(signal && { signal }), params: { ...rest.params, path: { account_id: accountId, ...rest.params?.path } } });
      // Each try gets its own Request (a body can be read once); a custom fetch gets a real one.
      const send = () => (callFetch ? callFetch(new Request(request.url, request.init)) : fetch(request.url, request.init));
      const response = await sendWithRetries(request.init, send, retry === undefined ? clientRetry : retryPolicy(retry, clientRetry), deadline, onRetry && ((event) => onRetry({ operation, ...event })));
      const result = await readResponse(response, method, parseAs);
      if (throws && !response.ok) throw new NdotoApiError(operation, result, redact);
      return result;
    } finally {
      done();
    }
  }

  const client: Record<string, unknown> = {};
  for (const method of ["GET", "PUT", "POST", "PATCH", "DELETE"]) client[method] = (path: string, init?: object) => call(method, path, init);
  return client as unknown as ClientFor<paths, Options>;
}
