// The bundled document and a validator over it, shared by the tests.
import { readFileSync } from "node:fs";
import { bundledJson } from "../../scripts/lib/project";
import { OpenApiValidator, type OpenApiDocument } from "../../src/validation/openapi-validator";
import { httpMethods } from "../../scripts/lib/code-samples/request";

export const spec = JSON.parse(readFileSync(bundledJson, "utf8")) as OpenApiDocument;
export const validator = new OpenApiValidator(spec);

export { httpMethods };

export interface OperationEntry {
  path: string;
  method: (typeof httpMethods)[number];
  operation: any;
}

/** Every operation in the document, in document order. */
export function operations(): OperationEntry[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    httpMethods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}
