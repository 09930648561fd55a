import { describe, expect, it } from "vitest";
import { apiClient, expectConforming, itMutating, target } from "../support/client";
import { spec } from "../support/spec";

const list = "/api/v1/accounts/{account_id}/labels";
const one = "/api/v1/accounts/{account_id}/labels/{id}";
const account = { account_id: target.accountId };
const api = apiClient();

// On the mock the id of the seed's example label; a real run can set NDOTO_LABEL_ID.
const labelId = Number(process.env.NDOTO_LABEL_ID ?? 3);
const unknownId = 999_999_999;

describe("listLabels", () => {
  it("answers 200 with { payload: Label[] }", async () => {
    const result = await api.GET(list, { params: { path: account } });
    const body = expectConforming(result, "get", list, 200);
    expect(Array.isArray((body as { payload: unknown[] }).payload)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).GET(list, { params: { path: account } });
    expectConforming(result, "get", list, 401);
  });

  it.runIf(target.isMock)("serves the empty-list example on request", async () => {
    const result = await api.GET(list, { params: { path: account }, headers: { Prefer: "example=LabelListEmpty" } });
    expect(expectConforming(result, "get", list, 200)).toEqual({ payload: [] });
  });
});

describe("createLabel", () => {
  itMutating("answers 201 with the created label", async () => {
    const result = await api.POST(list, {
      params: { path: account },
      body: { title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true },
    });
    const label = expectConforming(result, "post", list, 201) as { title: string };
    expect(label.title).toBe("billing");
  });

  it("answers 422 when the title is missing", async () => {
    // @ts-expect-error -- title is required; the point is to send a body without it
    const result = await api.POST(list, { params: { path: account }, body: { color: "#1F93FF" } });
    expectConforming(result, "post", list, 422);
  });

  itMutating.each([
    ["a title with capitals", { title: "Billing" }],
    ["a title with a space", { title: "billing issues" }],
    ["a colour that is not #RRGGBB", { title: "billing", color: "blue" }],
    ["a misspelt field", { title: "billing", colour: "#FF0000" }],
  ])("answers 422 for %s", async (_, body) => {
    const result = await api.POST(list, { params: { path: account }, body: body as { title: string } });
    expectConforming(result, "post", list, 422);
  });

  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).POST(list, { params: { path: account }, body: { title: "billing" } });
    expectConforming(result, "post", list, 401);
  });
});

describe("getLabel", () => {
  it("answers 200 with the label", async () => {
    const result = await api.GET(one, { params: { path: { ...account, id: labelId } } });
    const label = expectConforming(result, "get", one, 200) as { id: number };
    expect(label.id).toBe(labelId);
  });

  it("answers 404 for an unknown id", async () => {
    const headers = target.isMock ? { Prefer: "code=404" } : undefined;
    const result = await api.GET(one, { params: { path: { ...account, id: unknownId } }, headers });
    expectConforming(result, "get", one, 404);
  });

  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).GET(one, { params: { path: { ...account, id: labelId } } });
    expectConforming(result, "get", one, 401);
  });
});

describe("updateLabel", () => {
  itMutating("answers 200 with the changed label", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, id: labelId } }, body: { color: "#FF5733", show_on_sidebar: false } });
    const label = expectConforming(result, "patch", one, 200) as { color: string };
    expect(label.color).toBe("#FF5733");
  });

  itMutating("answers 422 for an empty body", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, id: labelId } }, body: {} });
    expectConforming(result, "patch", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    const headers = target.isMock ? { Prefer: "code=404" } : undefined;
    const result = await api.PATCH(one, { params: { path: { ...account, id: unknownId } }, body: { color: "#FF5733" }, headers });
    expectConforming(result, "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).PATCH(one, { params: { path: { ...account, id: labelId } }, body: { color: "#FF5733" } });
    expectConforming(result, "patch", one, 401);
  });
});

describe("deleteLabel", () => {
  itMutating("answers 200 with an empty body", async () => {
    const result = await api.DELETE(one, { params: { path: { ...account, id: labelId } } });
    expectConforming(result, "delete", one, 200);
    expect(result.response.headers.get("content-length") ?? "0").toBe("0");
  });

  it("answers 404 for an unknown id", async () => {
    const headers = target.isMock ? { Prefer: "code=404" } : undefined;
    const result = await api.DELETE(one, { params: { path: { ...account, id: unknownId } }, headers });
    expectConforming(result, "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).DELETE(one, { params: { path: { ...account, id: labelId } } });
    expectConforming(result, "delete", one, 401);
  });
});

describe("the seed's label example", () => {
  it("is the spec's list example, unchanged", () => {
    const example = spec.components!.examples.LabelListBilling.value;
    expect(example).toEqual({
      payload: [{ id: 3, title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 }],
    });
  });
});
