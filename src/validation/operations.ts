// The operations of an OpenAPI document, in document order: what the tests, the contract CLI and
// the fuzzer iterate over.
import type { OpenApiDocument } from "./openapi-validator";

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: any;
}

export function listOperations(document: OpenApiDocument): OperationEntry[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    httpMethods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}
