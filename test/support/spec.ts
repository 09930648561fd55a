// The bundled document and a validator over it, shared by the tests.
import { readFileSync } from "node:fs";
import { bundledJson } from "../../scripts/lib/project";
import { OpenApiValidator, type OpenApiDocument } from "../../src/validation/openapi-validator";
import { listOperations, type OperationEntry } from "../../src/validation/operations";

export { httpMethods, type OperationEntry } from "../../src/validation/operations";

export const spec = JSON.parse(readFileSync(bundledJson, "utf8")) as OpenApiDocument;
export const validator = new OpenApiValidator(spec);

/** Every operation in the document, in document order. */
export function operations(): OperationEntry[] {
  return listOperations(spec);
}
