// A second, independent opinion on the bundle: the official OpenAPI 3.1 JSON Schema, applied by
// @seriousme/openapi-schema-validator (Redocly lint is the first). It reads the bundled file, because the
// split sources name files with `{}`, which strict validators reject in $ref URIs.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { spec } from "./support/spec";

async function validate(document: unknown) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  return { ...result, version: validator.version };
}

describe("the bundle against the official OpenAPI 3.1 schema", () => {
  it("is valid", async () => {
    const result = await validate(spec);
    expect(result.version).toBe("3.1");
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("the validator rejects a broken copy (a response without its required description)", async () => {
    const broken: any = structuredClone(spec);
    const [firstPath] = Object.values<any>(broken.paths);
    const operation = firstPath.get ?? firstPath.post;
    operation.responses["200"] = { content: {} };
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result.errors)).toContain("description");
  });
});
