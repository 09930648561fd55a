/// <reference path="../node_modules/postman-collection/types/index.d.ts" />
// generated/postman_collection.json (npm run generate): a Postman v2.1 collection that Postman's own SDK
// loads, with a request for every operation of the bundle. (Its freshness is checked in generated.test.ts.)
import { readFileSync } from "node:fs";
import { Collection, Item, ItemGroup } from "postman-collection";
import { describe, expect, it } from "vitest";
import { postmanCollection } from "../scripts/lib/project";
import { operations, spec } from "./support/spec";

const json = JSON.parse(readFileSync(postmanCollection, "utf8"));

/** Every request of a collection as "METHOD /path/{param}", the way the description writes it. */
function requestsOf(collection: Collection): string[] {
  const requests: string[] = [];
  const visit = (node: Item | ItemGroup): void => {
    if (ItemGroup.isItemGroup(node)) return (node as ItemGroup).items.all().forEach(visit);
    const { method, url } = (node as Item).request;
    requests.push(`${method} ${url.getPath(true).replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
  };
  collection.items.all().forEach(visit);
  return requests;
}

/** The operations of the description that have no request in the collection. */
function missingOperations(collection: Collection): string[] {
  const requests = new Set(requestsOf(collection));
  return operations()
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
    .filter((operation) => !requests.has(operation));
}

describe("Postman collection", () => {
  const collection = new Collection(json);

  it("is a v2.1 collection named after the API", () => {
    expect(json.info.schema).toBe("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
    expect(collection.name).toBe((spec.info as { title: string }).title);
  });

  it("holds a request for every operation of the bundle", () => {
    expect(operations().length).toBeGreaterThan(0);
    expect(missingOperations(collection)).toEqual([]);
  });

  it("the check notices a missing request", () => {
    const trimmed = structuredClone(json);
    const folder = trimmed.item.find((entry: any) => entry.item?.length > 0);
    const dropped = folder.item.shift();
    const missing = missingOperations(new Collection(trimmed));
    expect(missing).toEqual([`${dropped.request.method} /${dropped.request.url.path.join("/").replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`]);
  });

  it("sends the token as the api_access_token header, from the apiKey variable", () => {
    const auth = collection.auth?.parameters().toObject();
    expect(json.auth.type).toBe("apikey");
    expect(auth).toMatchObject({ key: "api_access_token", in: "header", value: "{{apiKey}}" });
    expect(collection.variables.toObject()).toHaveProperty("apiKey");
    expect(collection.variables.toObject()).toHaveProperty("baseUrl");
  });

  it("has stable, unique ids (not random ones that would change on every run)", () => {
    const ids = JSON.stringify(json).match(/"(?:id|_postman_id)":\s*"[^"]+"/g) ?? [];
    expect(ids.length).toBeGreaterThan(operations().length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/"[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
  });
});
