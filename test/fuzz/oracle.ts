// Sends a fuzzed request and judges the answer: a valid request must get a documented 2xx with a
// conforming body, an invalid one a documented 4xx with `{ error }`, and nothing may get a 5xx.
import type { OpenApiValidator } from "../../src/validation/openapi-validator";
import type { FuzzRequest } from "./arbitraries";

export interface FuzzAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export async function send(baseUrl: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const query = request.query.length > 0 ? `?${new URLSearchParams(request.query)}` : "";
  const response = await fetch(`${baseUrl}${request.path}${query}`, {
    method: request.entry.method.toUpperCase(),
    headers: { ...request.headers, ...(request.body === undefined ? {} : { "content-type": "application/json" }) },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Why the answer is wrong for a request of this kind; empty when it is right. */
export function judge(kind: "valid" | "invalid", request: FuzzRequest, answer: FuzzAnswer, validator: OpenApiValidator): string[] {
  const problems: string[] = [];
  let body: unknown;
  try {
    body = answer.text === "" ? undefined : JSON.parse(answer.text);
  } catch {
    return [`the body is not JSON`];
  }
  if (answer.status >= 500) problems.push(`server error ${answer.status}`);
  else if (kind === "valid" && (answer.status < 200 || answer.status > 299)) problems.push(`a valid request got ${answer.status}, not a 2xx`);
  else if (kind === "invalid" && (answer.status < 400 || answer.status > 499)) problems.push(`an invalid request (${request.mistake}) got ${answer.status}, not a 4xx`);
  if (kind === "invalid" && typeof (body as { error?: unknown } | undefined)?.error !== "string") problems.push("the error answer has no { error } message");
  // Prism lists what it found wrong in sl-violations; on a valid request it must have found nothing.
  const seen = answer.headers.get("sl-violations");
  if (kind === "valid" && seen) problems.push(`the mock reported violations: ${seen}`);
  const { entry } = request;
  problems.push(...validator.checkResponse({ method: entry.method, path: entry.path, status: answer.status, contentType: answer.headers.get("content-type"), body, headers: answer.headers }));
  return problems;
}

const clip = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text);

/** A readable account of one exchange, for the failure message. */
export function explain(request: FuzzRequest, answer: FuzzAnswer | undefined, problems: string[]): string {
  const query = request.query.length > 0 ? `?${new URLSearchParams(request.query)}` : "";
  return [
    `${request.entry.operation.operationId}: ${request.entry.method.toUpperCase()} ${request.path}${query}${request.mistake ? ` (mistake: ${request.mistake})` : ""}`,
    `  headers: ${Object.keys(request.headers).join(", ") || "none"}`,
    `  body: ${request.body === undefined ? "none" : clip(JSON.stringify(request.body))}`,
    answer ? `  answer: ${answer.status} ${answer.headers.get("content-type") ?? ""} ${clip(answer.text)}` : "  answer: none",
    ...problems.map((problem) => `  ✖ ${problem}`),
  ].join("\n");
}
