// Sends one request, again when the server asks for patience (429, 503) or the network failed,
// but only for methods that are safe to repeat.

export interface RetryOptions {
  /** How many times a call may be sent again after its first try. Default 2; 0 turns retries off. */
  retries?: number;
  /**
   * Methods that may be sent again. Default GET, PUT and DELETE (the idempotent methods): a POST
   * or PATCH is never sent twice unless you add it here (only do so when the server de-duplicates it).
   */
  methods?: string[];
  /** Statuses that are retried. Default 429 and 503. */
  statuses?: number[];
  /** Backoff ceiling before the first retry when the server sends no Retry-After; doubles each time. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest wait between tries. A Retry-After asking for more ends the retries: you get that response. Default 30 000 ms. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

/** What `onRetry` is told before each retry. It never holds the request (whose headers carry the token). */
export interface RetryEvent {
  /** Method and path template, e.g. `GET /api/v1/accounts/{account_id}/labels`. */
  operation: string;
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before sending it. */
  delayMs: number;
  /** The status that caused the retry, or undefined after a network failure. */
  status?: number;
  /** The network failure that caused the retry, if that is what happened. */
  error?: unknown;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  methods: ["GET", "PUT", "DELETE"],
  statuses: [429, 503],
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** `options` over `base` (the defaults, or the client's options for a call); `false` means no retries. */
export const retryPolicy = (options: RetryOptions | false | undefined, base: RetryPolicy): RetryPolicy => ({ ...base, ...(options === false ? { retries: 0 } : options) });

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), or undefined if absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  const ms = value?.trim() ? (+value >= 0 ? +value * 1000 : Date.parse(value) - now) : NaN;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * How long to wait before retry number `attempt + 1`, or undefined to stop retrying. A Retry-After
 * is honoured and never shortened (up to 10 % is added, so that clients told the same time do not
 * all come back at once); one longer than maxDelayMs stops the retries. Without it: exponential
 * backoff capped at maxDelayMs, half of it random.
 */
export function retryDelay(attempt: number, retryAfter: number | undefined, { baseDelayMs, maxDelayMs }: RetryPolicy, random = Math.random): number | undefined {
  if (retryAfter !== undefined) return retryAfter > maxDelayMs ? undefined : Math.min(maxDelayMs, retryAfter * (1 + random() / 10));
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Sends a request (`send` makes each try) and retries it as the policy allows. Returns the last
 * response when retries run out or waiting would pass `deadline` (a Date.now() value), so the caller
 * sees the real 429/503. Network errors are retried like a 503; an abort never is.
 */
export async function sendWithRetries(
  { method, signal }: { method: string; signal?: AbortSignal | null },
  send: () => Promise<Response>,
  policy: RetryPolicy,
  deadline = Infinity,
  onRetry?: (event: Omit<RetryEvent, "operation">) => void,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted(); // a fetch given by the caller may not check
    const again = attempt < policy.retries && policy.methods.includes(method);
    let response: Response | undefined;
    let error: unknown;
    try {
      response = await send();
      if (!again || !policy.statuses.includes(response.status)) return response;
    } catch (failure) {
      if (!again || signal?.aborted) throw failure;
      error = failure;
    }
    const delayMs = retryDelay(attempt, retryAfterMs(response?.headers.get("retry-after")), policy);
    if (delayMs === undefined || Date.now() + delayMs > deadline) {
      if (response) return response;
      throw error;
    }
    onRetry?.({ attempt: attempt + 1, delayMs, status: response?.status, error });
    // Frees the connection; not awaited, as a tee'd body (a cloned Response) cancels only with its twin.
    response?.body?.cancel().catch(() => {});
    await sleep(delayMs, signal);
  }
}
