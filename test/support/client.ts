// A typed openapi-fetch client for the server under test, and an assertion that its answers conform.
import createClient from "openapi-fetch";
import { expect, inject, it } from "vitest";
import type { paths } from "../../generated/openapi-types";
import { validator } from "./spec";

export const target = inject("target");

/**
 * For tests that would create, change or delete data if they succeeded. They run against the
 * stateless mock only, never against a real deployment (where the contract CLI's --writes mode
 * manages its own resources).
 */
export const itMutating = it.runIf(target.isMock);

/** Headers for a request about an unknown id: the mock needs `Prefer` to answer its documented 404. */
export const unknownIdHeaders = target.isMock ? { Prefer: "code=404" } : undefined;

export function apiClient(options: { token?: string | null } = {}) {
  const token = options.token === undefined ? target.token : options.token;
  return createClient<paths>({
    baseUrl: target.baseUrl,
    headers: token === null ? {} : { api_access_token: token },
  });
}

/** What openapi-fetch resolves with. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Asserts that a response is documented for the operation and matches its schema (Ajv2020), and,
 * for the mock, that Prism saw no violation. Returns the parsed body for further checks.
 */
export function expectConforming(result: FetchResult, method: string, path: keyof paths & string, expectedStatus: number): unknown {
  const { response } = result;
  const body = response.ok ? result.data : result.error;
  // Prism explains rejected requests in sl-violations; on a success it must have seen none.
  if (response.ok) expect(response.headers.get("sl-violations"), "Prism reported a violation").toBeNull();
  expect(response.status, `${method.toUpperCase()} ${path} status`).toBe(expectedStatus);
  const violations = validator.checkResponse({
    method,
    path,
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: body === "" ? undefined : body,
  });
  expect(violations, violations.join("\n")).toEqual([]);
  return body;
}
