// Turns the bundled description into a Postman collection (v2.1) with openapi-to-postmanv2.
import { createHash } from "node:crypto";
import converter from "openapi-to-postmanv2";
import { ScriptError } from "./log";

const options = {
  folderStrategy: "Tags", // one folder per tag, as in the docs
  requestNameSource: "Fallback", // request names from the operations' summaries
  parametersResolution: "Example", // parameter and body values from the description's examples, not invented ones
  schemaFaker: false,
} as const;

/** The collection as JSON text, byte-identical for the same description (see stableIds). */
export async function postmanCollectionFrom(bundledJsonText: string): Promise<string> {
  const collection = await new Promise<any>((resolve, reject) => {
    converter.convertV2({ type: "string", data: bundledJsonText }, options, (error, result) => {
      if (error || !result?.result || !result.output?.[0]) return reject(new ScriptError(`openapi-to-postmanv2 could not convert the bundle: ${error?.message ?? result?.reason ?? "no collection produced"}`));
      resolve(result.output[0].data);
    });
  });
  stableIds(collection);
  // The converter sets up collection-level api-key auth with {{apiKey}}; declare the variable so Postman shows it.
  collection.variable = [...(collection.variable ?? []), { key: "apiKey", value: "", description: "Your Ndoto API access token (sent as the api_access_token header)." }];
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * The converter gives every item a random UUID on each run, which would make generated/ change on every
 * `npm run generate`. Replace them with UUID-shaped hashes of what the item is: a request's method and path,
 * anything else its place under that request.
 */
function stableIds(collection: any): void {
  const visit = (node: any, key: string): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${key}/${i}`));
    const ownKey = node.request?.method ? `${node.request.method} ${[node.request.url?.path ?? []].flat().join("/")}` : key;
    if ("id" in node) node.id = uuidFor(ownKey);
    for (const [name, child] of Object.entries(node)) visit(child, `${ownKey}/${name}`);
  };
  visit(collection.item, "item");
  if (collection.info) collection.info._postman_id = uuidFor(`collection ${collection.info.name}`);
}

function uuidFor(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  // Version 8 ("custom") UUID layout: the version nibble is 8, the variant bits are 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
