// House rules that `redocly lint` cannot express. CONTRIBUTING.md explains each of them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../scripts/lib/project";
import { operations, spec, validator } from "./support/spec";

const openapiDir = path.join(projectRoot, "openapi");
const rootYaml = readFileSync(path.join(openapiDir, "openapi.yaml"), "utf8");
const allOperations = operations();

/** Every YAML file of the hand-written spec, relative to openapi/. */
function specFiles(dir = openapiDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? specFiles(full) : entry.name.endsWith(".yaml") ? [path.relative(openapiDir, full)] : [];
  });
}
const sources = new Map(specFiles().map((file) => [file, readFileSync(path.join(openapiDir, file), "utf8")]));

/** Calls visit on every schema object reachable inside a value (no $ref following). */
function walkSchemas(value: any, at: string, visit: (schema: any, at: string) => void): void {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) return value.forEach((item, i) => walkSchemas(item, `${at}/${i}`, visit));
  if ("type" in value || "enum" in value || "properties" in value) visit(value, at);
  for (const [key, child] of Object.entries(value)) if (key !== "examples" && key !== "example") walkSchemas(child, `${at}/${key}`, visit);
}

describe("file layout", () => {
  it("names each path file after its path", () => {
    for (const pathKey of Object.keys(spec.paths)) {
      const expected = `./paths/${pathKey.slice(1).replaceAll("/", "_")}.yaml`;
      expect(rootYaml, `root should reference ${pathKey} as ${expected}`).toContain(`  ${pathKey}:\n    $ref: ${expected}\n`);
    }
  });

  it("uses every file under openapi/ (no orphans)", () => {
    const referenced = new Set<string>(["openapi.yaml"]);
    for (const [file, text] of sources) {
      for (const match of text.matchAll(/\$ref: ['"]?(\.{1,2}\/[^'"\s#]+)/g)) referenced.add(path.normalize(path.join(path.dirname(file), match[1])));
    }
    const markdown = [...sources.values()].join("\n");
    const orphans = [...sources.keys()].filter((file) => !referenced.has(file));
    expect(orphans, "files nothing refers to").toEqual([]);
    const descriptions = readdirSync(path.join(openapiDir, "descriptions"), { recursive: true }).filter((file) => String(file).endsWith(".md"));
    for (const file of descriptions) expect(markdown, `descriptions/${file} is not referenced`).toContain(`descriptions/${file}`);
  });

  it("names each component file after the component, in PascalCase, in the folder of its kind", () => {
    for (const [kind, entries] of Object.entries(spec.components ?? {})) {
      if (kind === "securitySchemes") continue;
      for (const name of Object.keys(entries)) {
        expect(name, `${kind}/${name}`).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(sources.has(`components/${kind}/${name}.yaml`), `components/${kind}/${name}.yaml should exist`).toBe(true);
      }
    }
  });
});

describe("operations", () => {
  const bodyless = new Set(["updateConversationLastSeen"]);
  const verbs = ["list", "get", "create", "update", "delete", "search", "filter", "replace", "add", "remove", "set", "toggle", "merge", "assign", "mark", "count"];
  it.each(allOperations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry]))("%s follows the conventions", (_, { operation, path: pathKey, method }) => {
    const verb = operation.operationId.match(/^[a-z]+/)?.[0];
    expect(verbs, `operationId ${operation.operationId} should start with a known verb`).toContain(verb);
    const params = [...(spec.paths[pathKey].parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => validator.resolve(p).value);
    const statuses = Object.keys(operation.responses);
    if (operation.security?.length !== 0) expect(statuses, "401").toContain("401");
    expect(statuses, "429").toContain("429");
    expect(statuses, "500").toContain("500");
    if (params.some((p: any) => p.in === "path" && p.name !== "account_id")) expect(statuses, "404 on a path with an id").toContain("404");
    if (operation.requestBody) expect(statuses, "422 on a write").toContain("422");
    // The one exception takes no input at all (it records "seen now" for the token's user).
    if (method !== "get" && method !== "delete" && !bodyless.has(operation.operationId)) expect(operation.requestBody ?? "no body", "only GET and DELETE have no body").toBeDefined();
  });
});

describe("examples", () => {
  const mediaTypes = allOperations.flatMap(({ path: pathKey, method, operation }) => {
    const where = `${method.toUpperCase()} ${pathKey}`;
    const request = operation.requestBody ? Object.entries(validator.resolve(operation.requestBody).value.content ?? {}).map(([type, media]) => [`${where} request ${type}`, media] as const) : [];
    const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
      Object.entries(validator.resolve(response).value.content ?? {}).map(([type, media]) => [`${where} ${status} ${type}`, media] as const),
    );
    return [...request, ...responses];
  });

  it.each(mediaTypes)("%s has named examples that match its schema", (where, media: any) => {
    expect(media.example, "use named `examples`, not `example`").toBeUndefined();
    const names = Object.keys(media.examples ?? {});
    expect(names.length, `${where} has no named example`).toBeGreaterThan(0);
    for (const name of names) {
      const example = validator.resolve(media.examples[name]).value;
      const schemaRef = media.schema.$ref;
      const violations = schemaRef ? validator.validate(schemaRef, example.value) : [];
      expect(violations, `example ${name}: ${violations.join("; ")}`).toEqual([]);
    }
  });
});

describe("schemas", () => {
  const schemas = Object.entries(spec.components?.schemas ?? {});

  it("request schemas reject unknown fields", () => {
    const requestSchemas = schemas.filter(([name]) => name.endsWith("Request"));
    expect(requestSchemas.length).toBeGreaterThan(0);
    for (const [name, schema] of requestSchemas) expect((schema as any).additionalProperties, `${name}.additionalProperties`).toBe(false);
  });

  it("say for every enum whether it can grow, and tell clients what to do with new values", () => {
    walkSchemas(spec, "#", (schema, at) => {
      if (!Array.isArray(schema.enum) || at.includes("/servers/")) return;
      expect(typeof schema["x-extensible-enum"], `${at} needs x-extensible-enum: true or false`).toBe("boolean");
      if (schema["x-extensible-enum"]) expect(schema.description ?? "", `${at} should say that new values may be added`).toMatch(/New values may be added/);
    });
  });

  it("describe every property (directly or in the schema it refers to)", () => {
    walkSchemas(spec, "#", (schema, at) => {
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        const described = property.description ?? validator.resolve(property).value.description;
        expect(described, `${at}/properties/${name} has no description`).toBeTruthy();
      }
    });
  });

  it("never use `nullable` (3.1 uses type arrays)", () => {
    walkSchemas(spec, "#", (schema, at) => expect(schema.nullable, at).toBeUndefined());
  });

  it("type *_at fields as Unix seconds, or as ISO date-times that say so", () => {
    walkSchemas(spec, "#", (schema, at) => {
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        if (!name.endsWith("_at")) continue;
        const resolved = validator.resolve(property).value;
        // A few upstream times are fractional Unix seconds (a conversation's updated_at): `number` that says so.
        const isFractional = [resolved.type].flat().includes("number") && /Unix seconds/.test(resolved.description ?? "");
        const isUnix = property.$ref === "#/components/schemas/UnixTimestamp" || [resolved.type].flat().includes("integer") || isFractional;
        const isIso = resolved.format === "date-time" && /ISO 8601/.test(resolved.description ?? "");
        expect(isUnix || isIso, `${at}/properties/${name} must be Unix seconds or a documented ISO date-time`).toBe(true);
      }
    });
  });
});
