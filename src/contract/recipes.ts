// What `--writes` may create, and how to recognise what it created. One entry per resource.
//
// The contract check only changes data through these recipes: it creates one resource per recipe
// (POST on `collection`), reads, updates and deletes that resource only (operations on
// `collection/{id}`), and deletes it again at the end, whatever happens. Operations that change data
// and have no recipe are reported as skipped. CONTRIBUTING.md ("Adding a --writes recipe") explains
// how to add one.

export interface WriteRecipe {
  /** The collection path as written in the spec; its POST creates, `collection/{…}` updates and deletes. */
  collection: string;
  /**
   * The create body, from the first request example of the create operation: make it unique and
   * recognisably ours by putting `marker` (`ndoto-contract-<run id>`) in a field the server keeps.
   */
  create(example: any, marker: string): unknown;
  /** Whether a resource (as the server returns it) is the one this run created: it carries `marker`. */
  isOurs(resource: any, marker: string): boolean;
  /** The update body; by default the first request example of the update operation, unchanged. Keep the marker. */
  update?(example: any, marker: string): unknown;
  /** Where the resource is in a create response, for servers that wrap it (default: the body itself). */
  unwrap?(body: any): any;
}

export const recipes: WriteRecipe[] = [
  {
    collection: "/api/v1/accounts/{account_id}/labels",
    // The title is the label's unique name; the marker fits its pattern (lowercase, digits, hyphens).
    create: (example, marker) => ({ ...example, title: marker, description: "Created by the Ndoto contract check; safe to delete." }),
    isOurs: (label, marker) => label?.title === marker,
  },
  {
    collection: "/api/v1/accounts/{account_id}/teams",
    create: (example, marker) => ({ ...example, name: marker, description: "Created by the Ndoto contract check; safe to delete." }),
    isOurs: (team, marker) => team?.name === marker,
  },
  {
    collection: "/api/v1/accounts/{account_id}/webhooks",
    // `.invalid` never resolves (RFC 2606), so Ndoto cannot deliver events anywhere.
    create: (example, marker) => ({ ...example, name: marker, url: `https://${marker}.invalid/ndoto-contract` }),
    isOurs: (webhook, marker) => webhook?.name === marker && String(webhook?.url).includes(`${marker}.invalid`),
  },
  {
    collection: "/api/v1/accounts/{account_id}/contacts",
    // Not from the example: its inbox, phone number and identifier may exist, or belong to someone, in a real account.
    create: (_example, marker) => ({ name: marker, email: `${marker}@example.invalid`, identifier: marker }),
    isOurs: (contact, marker) => contact?.identifier === marker,
    // The example also sets a phone number, which must be unused in the account: keep only the rest.
    update: ({ phone_number: _, ...rest }) => rest,
    unwrap: (body) => body?.contact,
  },
];
