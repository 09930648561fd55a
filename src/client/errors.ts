// The error the client throws for a failed answer. It holds neither the token nor the request (whose
// headers carry it). Timeouts are the platform's: a DOMException named "TimeoutError".

/** A non-2xx answer, thrown in throwing mode (`throwOnError: true`) and by the paginators. */
export class NdotoApiError extends Error {
  /** The HTTP status, e.g. `404`. */
  declare readonly status: number;
  /** Method and path template of the call, e.g. `GET /api/v1/accounts/{account_id}/labels/{id}`. */
  declare readonly operation: string;
  /** The server's `X-Request-Id`, when it sent one: quote it when reporting a problem. */
  declare readonly requestId: string | null;
  /** The parsed error body (`{ error: "..." }` from Ndoto; the text if it was not JSON), or `undefined` when empty. */
  declare readonly body: unknown;
  declare readonly response: Response;
  override name = "NdotoApiError";

  /** Built from a call's `{ error, response }`; `redact` removes the token wherever a server echoed it. */
  constructor(operation: string, { error, response }: { error?: unknown; response: Response }, redact: (text: string) => string) {
    // `error` is undefined or "" for an empty body, and the raw text when it is not JSON.
    const body = error ? JSON.parse(redact(JSON.stringify(error))) : undefined;
    const said =
      typeof body?.error === "string" ? body.error : typeof body === "string" ? body.slice(0, 200) : `${response.statusText} ${body === undefined ? "(empty body)" : "(no error message)"}`.trim();
    super(redact(`${operation} answered ${response.status}: ${said}`));
    Object.assign(this, { status: response.status, operation, requestId: response.headers.get("x-request-id"), body, response });
  }
}
