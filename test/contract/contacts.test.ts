import { describe, expect, it } from "vitest";
import type { components } from "../../generated/openapi-types";
import { apiClient, expectConforming, itMutating, target, unknownIdHeaders } from "../support/client";

type Contact = components["schemas"]["Contact"];

const contacts = "/api/v1/accounts/{account_id}/contacts";
const one = "/api/v1/accounts/{account_id}/contacts/{id}";
const search = "/api/v1/accounts/{account_id}/contacts/search";
const filter = "/api/v1/accounts/{account_id}/contacts/filter";
const conversations = "/api/v1/accounts/{account_id}/contacts/{id}/conversations";
const labels = "/api/v1/accounts/{account_id}/contacts/{id}/labels";
const contactInboxes = "/api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes";
const contactable = "/api/v1/accounts/{account_id}/contacts/{id}/contactable_inboxes";
const merge = "/api/v1/accounts/{account_id}/actions/contact_merge";

const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// On the mock the example contact (12); a real run can set NDOTO_CONTACT_ID.
const contactId = Number(process.env.NDOTO_CONTACT_ID ?? 12);
const contact = { ...account, id: contactId };
const unknown = { ...account, id: 999_999_999 };
const notFound = unknownIdHeaders;
const kenyaBilling = {
  payload: [
    { attribute_key: "country_code", filter_operator: "equal_to", values: ["KE"], query_operator: "AND" },
    { attribute_key: "labels", filter_operator: "equal_to", values: ["billing"], query_operator: null },
  ],
} satisfies components["schemas"]["ContactFilterRequest"];

describe("listContacts", () => {
  it("answers 200 with a page of contacts and the page meta", async () => {
    const result = await api.GET(contacts, { params: { path: account, query: { page: 1, sort: "-last_activity_at", "labels[]": ["billing"], include_contact_inboxes: true } } });
    const body = expectConforming(result, "get", contacts, 200) as components["schemas"]["ContactList"];
    expect(body.meta.current_page).toBe(1);
    expect(body.data.length).toBeLessThanOrEqual(15);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(contacts, { params: { path: account } }), "get", contacts, 401);
  });

  it.runIf(target.isMock)("serves the empty page on request", async () => {
    const result = await api.GET(contacts, { params: { path: account }, headers: { Prefer: "example=ContactListEmpty" } });
    expect(expectConforming(result, "get", contacts, 200)).toEqual({ data: [], meta: { count: 0, current_page: 1, total_pages: 0 } });
  });
});

describe("createContact", () => {
  itMutating("answers 201 with the contact and its contact inbox", async () => {
    const result = await api.POST(contacts, { params: { path: account }, body: { inbox_id: 2, name: "Jabari Mwangi", email: "jabari@example.com", phone_number: "+254700000012" } });
    const body = expectConforming(result, "post", contacts, 201) as components["schemas"]["ContactCreateResult"];
    expect(body.contact.email).toBe("jabari@example.com");
  });

  itMutating.each([
    ["the fields wrapped in contact", { contact: { name: "Jabari Mwangi" } }],
    ["an email that is not one", { email: "not-an-email" }],
    ["a phone number not in E.164 format", { phone_number: "0700 000 012" }],
  ])("answers 422 for %s", async (_, body) => {
    const result = await api.POST(contacts, { params: { path: account }, body: body as components["schemas"]["ContactCreateRequest"] });
    expectConforming(result, "post", contacts, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(contacts, { params: { path: account }, body: { name: "Jabari Mwangi" } }), "post", contacts, 401);
  });
});

describe("getContact", () => {
  it("answers 200 with the contact", async () => {
    const result = await api.GET(one, { params: { path: contact } });
    expect((expectConforming(result, "get", one, 200) as Contact).id).toBe(contactId);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.GET(one, { params: { path: unknown }, headers: notFound }), "get", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(one, { params: { path: contact } }), "get", one, 401);
  });
});

describe("updateContact", () => {
  itMutating("answers 200 with the changed contact", async () => {
    const result = await api.PUT(one, { params: { path: contact }, body: { phone_number: "+254700000099", additional_attributes: { city: "Mombasa" } } });
    expect((expectConforming(result, "put", one, 200) as Contact).phone_number).toBe("+254700000099");
  });

  itMutating("answers 422 for an empty body", async () => {
    expectConforming(await api.PUT(one, { params: { path: contact }, body: {} }), "put", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.PUT(one, { params: { path: unknown }, body: { name: "Jabari" }, headers: notFound }), "put", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PUT(one, { params: { path: contact }, body: { name: "Jabari" } }), "put", one, 401);
  });
});

describe("deleteContact", () => {
  itMutating("answers 200 with an empty body", async () => {
    const result = await api.DELETE(one, { params: { path: contact } });
    expectConforming(result, "delete", one, 200);
    expect(result.response.headers.get("content-length") ?? "0").toBe("0");
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.DELETE(one, { params: { path: unknown }, headers: notFound }), "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.DELETE(one, { params: { path: contact } }), "delete", one, 401);
  });
});

describe("searchContacts", () => {
  it("answers 200 with a page of matching contacts", async () => {
    const result = await api.GET(search, { params: { path: account, query: { q: "jabari", page: 1 } } });
    expect(Array.isArray((expectConforming(result, "get", search, 200) as components["schemas"]["ContactList"]).data)).toBe(true);
  });

  it("answers 422 when q is empty", async () => {
    const result = await api.GET(search, { params: { path: account, query: { q: "" } } });
    expectConforming(result, "get", search, 422);
  });

  it("answers 422 when q is missing", async () => {
    // @ts-expect-error -- q is required; the point is to leave it out
    const result = await api.GET(search, { params: { path: account, query: {} } });
    expectConforming(result, "get", search, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(search, { params: { path: account, query: { q: "jabari" } } }), "get", search, 401);
  });
});

describe("filterContacts", () => {
  it("answers 200 with a page of matching contacts", async () => {
    const result = await api.POST(filter, { params: { path: account, query: { page: 1 } }, body: kenyaBilling });
    expectConforming(result, "post", filter, 200);
  });

  it("answers 422 for an operator Ndoto does not know", async () => {
    const body = { payload: [{ attribute_key: "email", filter_operator: "looks_like", values: ["x"] }] };
    const result = await api.POST(filter, { params: { path: account }, body: body as unknown as components["schemas"]["ContactFilterRequest"] });
    expectConforming(result, "post", filter, 422);
  });

  it("answers 422 for an empty condition list", async () => {
    expectConforming(await api.POST(filter, { params: { path: account }, body: { payload: [] } }), "post", filter, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(filter, { params: { path: account }, body: kenyaBilling }), "post", filter, 401);
  });
});

describe("listContactConversations", () => {
  it("answers 200 with { payload: Conversation[] }", async () => {
    const result = await api.GET(conversations, { params: { path: contact } });
    const body = expectConforming(result, "get", conversations, 200) as components["schemas"]["ContactConversationList"];
    for (const conversation of body.payload) expect(conversation.meta.sender.id).toBe(contactId);
  });

  it("answers 404 for an unknown contact", async () => {
    expectConforming(await api.GET(conversations, { params: { path: unknown }, headers: notFound }), "get", conversations, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(conversations, { params: { path: contact } }), "get", conversations, 401);
  });
});

describe("listContactLabels and replaceContactLabels", () => {
  it("list answers 200 with label titles", async () => {
    const body = expectConforming(await api.GET(labels, { params: { path: contact } }), "get", labels, 200) as { payload: string[] };
    expect(body.payload.every((title) => typeof title === "string")).toBe(true);
  });

  itMutating("replace answers 200 with the new titles", async () => {
    const result = await api.POST(labels, { params: { path: contact }, body: { labels: ["billing"] } });
    expect(expectConforming(result, "post", labels, 200)).toEqual({ payload: ["billing"] });
  });

  itMutating("replace answers 422 for a title with capitals", async () => {
    expectConforming(await api.POST(labels, { params: { path: contact }, body: { labels: ["Billing"] } }), "post", labels, 422);
  });

  it("answer 404 for an unknown contact", async () => {
    expectConforming(await api.GET(labels, { params: { path: unknown }, headers: notFound }), "get", labels, 404);
    expectConforming(await api.POST(labels, { params: { path: unknown }, body: { labels: [] }, headers: notFound }), "post", labels, 404);
  });

  it("answer 401 without a token", async () => {
    expectConforming(await anonymous.GET(labels, { params: { path: contact } }), "get", labels, 401);
    expectConforming(await anonymous.POST(labels, { params: { path: contact }, body: { labels: [] } }), "post", labels, 401);
  });
});

describe("createContactInbox", () => {
  itMutating("answers 201 with the contact inbox", async () => {
    const result = await api.POST(contactInboxes, { params: { path: contact }, body: { inbox_id: 5, source_id: "cust-1012" } });
    expect((expectConforming(result, "post", contactInboxes, 201) as components["schemas"]["ContactInbox"]).source_id).toBe("cust-1012");
  });

  it("answers 422 without inbox_id", async () => {
    // @ts-expect-error -- inbox_id is required
    expectConforming(await api.POST(contactInboxes, { params: { path: contact }, body: { source_id: "cust-1012" } }), "post", contactInboxes, 422);
  });

  it("answers 404 for an unknown contact", async () => {
    const result = await api.POST(contactInboxes, { params: { path: unknown }, body: { inbox_id: 5 }, headers: notFound });
    expectConforming(result, "post", contactInboxes, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(contactInboxes, { params: { path: contact }, body: { inbox_id: 5 } }), "post", contactInboxes, 401);
  });
});

describe("listContactableInboxes", () => {
  it("answers 200 with the inboxes and the contact's source ids", async () => {
    const body = expectConforming(await api.GET(contactable, { params: { path: contact } }), "get", contactable, 200) as components["schemas"]["ContactableInboxList"];
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 404 for an unknown contact", async () => {
    expectConforming(await api.GET(contactable, { params: { path: unknown }, headers: notFound }), "get", contactable, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(contactable, { params: { path: contact } }), "get", contactable, 401);
  });
});

describe("mergeContacts", () => {
  itMutating("answers 200 with the base contact", async () => {
    const result = await api.POST(merge, { params: { path: account }, body: { base_contact_id: 12, mergee_contact_id: 13 } });
    expect((expectConforming(result, "post", merge, 200) as Contact).id).toBe(12);
  });

  it("answers 422 without the mergee", async () => {
    // @ts-expect-error -- both ids are required
    expectConforming(await api.POST(merge, { params: { path: account }, body: { base_contact_id: 12 } }), "post", merge, 422);
  });

  it("answers 404 when a contact does not exist", async () => {
    const result = await api.POST(merge, { params: { path: account }, body: { base_contact_id: 999_999_999, mergee_contact_id: 999_999_998 }, headers: notFound });
    expectConforming(result, "post", merge, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(merge, { params: { path: account }, body: { base_contact_id: 12, mergee_contact_id: 13 } }), "post", merge, 401);
  });
});
