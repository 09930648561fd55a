// Type-level tests of the client, checked by `tsc` (npm run typecheck). Each line marked with the
// expect-error directive must stay an error; everything else must type-check.
import { collectAll, createNdotoClient, paginate, type NdotoClient, type PageItem } from "../../src/client/index";
import type { components } from "../../generated/openapi-types";
import type { PagedPaths } from "../support/paged-paths";

type Label = components["schemas"]["Label"];

export async function accountScoped(): Promise<string[]> {
  const client = createNdotoClient({ token: "t", accountId: 1 });
  // account_id comes from the client: no params needed.
  const { data, error } = await client.GET("/api/v1/accounts/{account_id}/labels");
  if (error) return [error.error];
  const labels: Label[] = data.payload;
  // A call may still name another account.
  await client.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 2 } } });
  // Other path parameters stay required.
  await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
  // @ts-expect-error -- id is still required
  await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: {} } });
  // @ts-expect-error -- and so are the params holding it
  await client.GET("/api/v1/accounts/{account_id}/labels/{id}");
  await client.POST("/api/v1/accounts/{account_id}/labels", { body: { title: "billing" } });
  // @ts-expect-error -- the body's title is required
  await client.POST("/api/v1/accounts/{account_id}/labels", { body: { color: "#1F93FF" } });
  // @ts-expect-error -- no such path
  await client.GET("/api/v1/accounts/{account_id}/label");
  // Required query parameters stay required.
  await client.GET("/api/v1/accounts/{account_id}/contacts/search", { params: { query: { q: "jabari" } } });
  // @ts-expect-error -- q is required
  await client.GET("/api/v1/accounts/{account_id}/contacts/search");
  // @ts-expect-error -- timeoutMs is a number
  await client.GET("/api/v1/profile", { timeoutMs: "5s" });
  return labels.map((label) => label.title);
}

export async function unscoped(): Promise<void> {
  const client = createNdotoClient({ token: "t" });
  // @ts-expect-error -- without accountId on the client, account_id is required
  await client.GET("/api/v1/accounts/{account_id}/labels");
  await client.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 1 } } });
  await client.GET("/api/v1/profile");
}

export async function throwing(): Promise<number> {
  const client = createNdotoClient({ token: "t", accountId: 1, throwOnError: true });
  // In throwing mode data is always there.
  const { data } = await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
  const id: number = data.id;
  const profile = await client.GET("/api/v1/profile");
  const name: string = profile.data.name;
  // A delete answers no body.
  const { data: nothing } = await client.DELETE("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
  const none: undefined = nothing;
  // Throwing mode is chosen per client, not per call.
  // @ts-expect-error -- throwOnError is not a call option
  await client.GET("/api/v1/profile", { throwOnError: false });
  const quiet = createNdotoClient({ token: "t", accountId: 1 });
  const maybe = await quiet.GET("/api/v1/profile");
  // @ts-expect-error -- without throwing, data may be undefined
  maybe.data.name;
  return id + name.length + (none ?? 0);
}

// Pagination, over a paths type with a paginated list (the real description has none yet).
export async function pages(client: NdotoClient<PagedPaths>): Promise<string[]> {
  const names: string[] = [];
  for await (const contact of paginate(client, "/api/v1/accounts/{account_id}/contacts", { params: { path: { account_id: 1 }, query: { sort: "name" } }, maxPages: 3 })) {
    names.push(contact.name);
  }
  const all: PageItem<PagedPaths, "/api/v1/accounts/{account_id}/contacts">[] = await collectAll(client, "/api/v1/accounts/{account_id}/contacts", { params: { path: { account_id: 1 } } });
  // @ts-expect-error -- the profile is not a paginated list
  await collectAll(client, "/api/v1/profile");
  // @ts-expect-error -- account_id is required on a client without accountId
  await collectAll(client, "/api/v1/accounts/{account_id}/contacts");
  return [...names, ...all.map((contact) => contact.name)];
}

export async function scopedPages(client: NdotoClient<PagedPaths, true, true>): Promise<number> {
  // With the account on the client (and in throwing mode), no init is needed.
  const all = await collectAll(client, "/api/v1/accounts/{account_id}/contacts");
  // @ts-expect-error -- sort only takes the documented values
  await collectAll(client, "/api/v1/accounts/{account_id}/contacts", { params: { query: { sort: "email" } } });
  return all.length;
}

// The description's own paginated lists.
export async function realPages(): Promise<string[]> {
  const client = createNdotoClient({ token: "t", accountId: 1 });
  const contacts: components["schemas"]["Contact"][] = await collectAll(client, "/api/v1/accounts/{account_id}/contacts", { params: { query: { page: 2 } } });
  // @ts-expect-error -- labels are not paginated: one { payload } answer
  await collectAll(client, "/api/v1/accounts/{account_id}/labels");
  return contacts.map((contact) => contact.name ?? "");
}
