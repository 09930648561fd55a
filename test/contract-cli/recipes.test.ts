// Every --writes recipe fits the spec: its resource exists with a create and a delete, the bodies it
// builds are valid requests, and it recognises what it created and nothing else.
import { describe, expect, it } from "vitest";
import { recipes } from "../../src/contract/recipes";
import { firstRequestExample, jsonRequestBody } from "../../src/contract/requests";
import { operations, validator } from "../support/spec";

const marker = "ndoto-contract-20260101t000000-abc123";
const entries = operations();

describe.each(recipes.map((recipe) => [recipe.collection, recipe] as const))("the --writes recipe for %s", (collection, recipe) => {
  const create = entries.find((e) => e.path === collection && e.method === "post");
  const itemOps = entries.filter((e) => e.path.startsWith(`${collection}/{`) && !e.path.slice(collection.length + 1).includes("/"));
  const update = itemOps.find((e) => e.method === "patch" || e.method === "put");

  it("has a create and a delete operation in the spec", () => {
    expect(create, `POST ${collection}`).toBeDefined();
    expect(itemOps.some((e) => e.method === "delete"), `DELETE ${collection}/{id}`).toBe(true);
  });

  it("builds a create body (and an update body) that the spec accepts", () => {
    const body = recipe.create(firstRequestExample(create!, validator), marker);
    expect(validator.validate(jsonRequestBody(create!, validator)!.schemaPointer, body)).toEqual([]);
    if (update) {
      const example = firstRequestExample(update, validator);
      const changed = recipe.update ? recipe.update(example, marker) : example;
      expect(validator.validate(jsonRequestBody(update, validator)!.schemaPointer, changed)).toEqual([]);
    }
  });

  it("recognises a resource carrying the marker, and not the spec's own examples", () => {
    const body = recipe.create(firstRequestExample(create!, validator), marker) as object;
    expect(recipe.isOurs({ id: 1, ...body }, marker)).toBe(true);
    const [, success] = Object.entries<any>(create!.operation.responses).find(([status]) => status.startsWith("2"))!;
    const media = Object.values<any>(validator.resolve(success).value.content ?? {})[0];
    for (const example of Object.values<any>(media?.examples ?? {})) {
      expect(recipe.isOurs((recipe.unwrap ?? ((b) => b))(validator.resolve(example).value.value), marker)).toBe(false);
    }
  });
});
