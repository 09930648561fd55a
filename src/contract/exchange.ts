// Sends one request to the server under test and checks the answer against the spec.
import type { OpenApiValidator, Violation } from "../validation/openapi-validator";
import type { OperationEntry } from "../validation/operations";

/** A reason an exchange did not conform: a spec violation, or a request that got no usable answer. */
export interface Problem {
  location: Violation["location"] | "request";
  field?: string;
  message: string;
}

export interface Exchange {
  /** The path and query that were requested (no host, so no credentials in it). */
  requested: string;
  status?: number;
  durationMs: number;
  body?: unknown;
  /** Empty when the answer is a documented success that matches the spec. */
  problems: Problem[];
  /** The run was interrupted (Ctrl-C) before the answer came. */
  interrupted: boolean;
}

/** A 2xx answer: the server did what was asked (whether or not the answer conforms). */
export function succeeded(exchange: Exchange): boolean {
  return exchange.status !== undefined && exchange.status >= 200 && exchange.status < 300;
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  validator: OpenApiValidator;
}

export class ContractClient {
  constructor(private readonly options: ClientOptions) {}

  async send(entry: OperationEntry, requested: string, init: { body?: unknown; headers?: Record<string, string>; interrupt?: AbortSignal } = {}): Promise<Exchange> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(init.interrupt ? [init.interrupt] : [])];
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.options.baseUrl}${requested}`, {
        method: entry.method.toUpperCase(),
        headers: {
          accept: "application/json",
          api_access_token: this.options.token,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.any(signals),
      });
      text = await response.text();
    } catch (error) {
      const interrupted = init.interrupt?.aborted ?? false;
      const reason = interrupted ? "interrupted" : (error as Error).name === "TimeoutError" ? `no answer within ${this.options.timeoutMs} ms` : describeFetchError(error);
      return { requested, durationMs: elapsed(), problems: [{ location: "request", message: reason }], interrupted };
    }
    const durationMs = elapsed();
    const contentType = response.headers.get("content-type");
    const { body, problem } = parseBody(text, contentType);
    const problems: Problem[] = [];
    if (response.status >= 500) problems.push({ location: "status", message: `server error ${response.status}: a 5xx never passes` });
    else if (response.status < 200 || response.status > 299) problems.push({ location: "status", message: `expected a success, got ${response.status}` });
    if (problem) problems.push(problem);
    else {
      problems.push(...this.options.validator.findViolations({ method: entry.method, path: entry.path, status: response.status, contentType, body, headers: response.headers }));
    }
    return { requested, status: response.status, durationMs, body, problems, interrupted: false };
  }
}

function parseBody(text: string, contentType: string | null): { body: unknown; problem?: Problem } {
  if (text === "") return { body: undefined };
  if (!/[/+]json\b/i.test(contentType ?? "")) return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { body: text, problem: { location: "body", field: "", message: `the body is not valid JSON (${(error as Error).message})` } };
  }
}

/** fetch() hides the useful part (ECONNREFUSED, ENOTFOUND, ...) in `cause`. */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `no answer: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
}
