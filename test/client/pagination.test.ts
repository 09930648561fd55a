// The paginators against a fake paginated list ({ data, meta: { count, current_page, total_pages } }).
import { describe, expect, it } from "vitest";
import { collectAll, createNdotoClient, NdotoApiError, paginate, type NdotoClient } from "../../src/client/index";
import { fakeFetch, json, type Answer } from "../support/fake-fetch";
import type { PagedPaths, TestContact } from "../support/paged-paths";

const contacts = "/api/v1/accounts/{account_id}/contacts";

/** A server holding `total` contacts, `perPage` a page, answering ?page=N as Ndoto does. */
function contactPages(total: number, perPage = 2): Answer {
  return (request) => {
    const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
    const all: TestContact[] = Array.from({ length: total }, (_, i) => ({ id: i + 1, name: `contact ${i + 1}` }));
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    return json(200, { data: all.slice((page - 1) * perPage, page * perPage), meta: { count: total, current_page: page, total_pages: totalPages } });
  };
}

function pagedClient(...answers: Answer[]) {
  const fake = fakeFetch(...answers);
  const client = createNdotoClient({ token: "pagination-test-token", accountId: 4, fetch: fake.fetch, retry: false }) as unknown as NdotoClient<PagedPaths, false, true>;
  return { client, fake, pages: () => fake.sent.map((request) => new URL(request.url).searchParams.get("page")) };
}

describe("paginate", () => {
  it("yields every item, following page until meta.total_pages", async () => {
    const { client, pages } = pagedClient(contactPages(5));
    const ids: number[] = [];
    for await (const contact of paginate(client, contacts)) ids.push(contact.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(pages()).toEqual(["1", "2", "3"]);
  });

  it("keeps the caller's query and path, and starts at the caller's page", async () => {
    const { client, fake } = pagedClient(contactPages(5));
    const items = await collectAll(client, contacts, { params: { path: { account_id: 9 }, query: { sort: "-name", page: 2 } } });
    expect(items.map((contact) => contact.id)).toEqual([3, 4, 5]);
    expect(fake.sent.map((request) => new URL(request.url).pathname + new URL(request.url).search)).toEqual([
      "/api/v1/accounts/9/contacts?sort=-name&page=2",
      "/api/v1/accounts/9/contacts?sort=-name&page=3",
    ]);
  });

  it("stops after maxPages", async () => {
    const { client, pages } = pagedClient(contactPages(50));
    const items = await collectAll(client, contacts, { maxPages: 2 });
    expect(items).toHaveLength(4);
    expect(pages()).toEqual(["1", "2"]);
  });

  it("stops when the reader stops", async () => {
    const { client, pages } = pagedClient(contactPages(50));
    for await (const contact of paginate(client, contacts)) if (contact.id === 3) break;
    expect(pages()).toEqual(["1", "2"]);
  });

  it("ends on an empty list, and on an empty page even if total_pages says more", async () => {
    expect(await collectAll(pagedClient(contactPages(0)).client, contacts)).toEqual([]);
    const { client, pages } = pagedClient(json(200, { data: [], meta: { count: 9, current_page: 1, total_pages: 5 } }));
    expect(await collectAll(client, contacts)).toEqual([]);
    expect(pages()).toEqual(["1"]);
  });

  it("accepts current_page sent as a string (as the upstream server does)", async () => {
    const { client } = pagedClient(json(200, { data: [{ id: 1, name: "a" }], meta: { count: 1, current_page: "1", total_pages: 1 } }));
    expect(await collectAll(client, contacts)).toHaveLength(1);
  });

  it("throws NdotoApiError when a page fails, after yielding the pages before it", async () => {
    const first = contactPages(10);
    const { client } = pagedClient(first, json(401, { error: "Invalid access_token" }));
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const contact of paginate(client, contacts)) seen.push(contact.id);
    })().catch((error: unknown) => error);
    expect(seen).toEqual([1, 2]);
    expect(failure).toBeInstanceOf(NdotoApiError);
    expect(failure).toMatchObject({ status: 401, operation: `GET ${contacts}` });
  });

  it("refuses an answer that is not a page instead of guessing", async () => {
    const { client } = pagedClient(json(200, { payload: [{ id: 1 }] }));
    await expect(collectAll(client, contacts)).rejects.toThrow("GET /api/v1/accounts/{account_id}/contacts page 1: the answer is not a page ({ data: [...], meta })");
  });

  it("refuses a server that ignores page instead of looping over page 1", async () => {
    const { client, pages } = pagedClient(json(200, { data: [{ id: 1, name: "a" }], meta: { count: 3, current_page: 1, total_pages: 3 } }));
    await expect(collectAll(client, contacts)).rejects.toThrow("asked for page 2, got page 1");
    expect(pages()).toEqual(["1", "2"]);
  });
});
