import { describe, expect, it } from "vitest";
import { apiClient, expectConforming, itMutating, target } from "../support/client";

const list = "/api/v1/accounts/{account_id}/agents";
const one = "/api/v1/accounts/{account_id}/agents/{id}";
const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// On the mock the example agent Baraka; a real run can set NDOTO_AGENT_ID.
const agentId = Number(process.env.NDOTO_AGENT_ID ?? 8);
const unknownId = 999_999_999;
const notFound = target.isMock ? { Prefer: "code=404" } : undefined;
const baraka = { name: "Baraka Otieno", email: "baraka@example.com", role: "agent" } as const;

describe("listAgents", () => {
  it("answers 200 with { payload: Agent[] }", async () => {
    const body = expectConforming(await api.GET(list, { params: { path: account } }), "get", list, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(list, { params: { path: account } }), "get", list, 401);
  });
});

describe("createAgent", () => {
  itMutating("answers 201 with the new agent", async () => {
    const result = await api.POST(list, { params: { path: account }, body: { ...baraka, availability: "online", auto_offline: true } });
    const agent = expectConforming(result, "post", list, 201) as { email: string };
    expect(agent.email).toBe("baraka@example.com");
  });

  itMutating("documents 402 when the plan has no seat left", async () => {
    const result = await api.POST(list, { params: { path: account }, body: baraka, headers: { Prefer: "code=402" } });
    const error = expectConforming(result, "post", list, 402) as { error: string };
    expect(error.error).toMatch(/limit/i);
  });

  it("answers 422 when the email is missing", async () => {
    // @ts-expect-error -- email is required; the point is to send a body without it
    const result = await api.POST(list, { params: { path: account }, body: { name: "Baraka Otieno", role: "agent" } });
    expectConforming(result, "post", list, 422);
  });

  itMutating.each([
    ["availability_status instead of availability (the upstream swagger's mistake)", { ...baraka, availability_status: "busy" }],
    ["an unknown role", { ...baraka, role: "owner" }],
    ["an email that is not one", { ...baraka, email: "baraka" }],
  ])("answers 422 for %s", async (_, body) => {
    const result = await api.POST(list, { params: { path: account }, body: body as typeof baraka });
    expectConforming(result, "post", list, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(list, { params: { path: account }, body: baraka }), "post", list, 401);
  });
});

describe("updateAgent", () => {
  itMutating("answers 200 with the changed agent", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, id: agentId } }, body: { availability: "busy", auto_offline: false } });
    const agent = expectConforming(result, "patch", one, 200) as { availability_status: string };
    expect(agent.availability_status).toBe("busy");
  });

  itMutating("answers 422 for an empty body", async () => {
    expectConforming(await api.PATCH(one, { params: { path: { ...account, id: agentId } }, body: {} }), "patch", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, id: unknownId } }, body: { availability: "busy" }, headers: notFound });
    expectConforming(result, "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: { ...account, id: agentId } }, body: { availability: "busy" } }), "patch", one, 401);
  });
});

describe("deleteAgent", () => {
  itMutating("answers 200 with an empty body", async () => {
    const result = await api.DELETE(one, { params: { path: { ...account, id: agentId } } });
    expectConforming(result, "delete", one, 200);
    expect(result.response.headers.get("content-length") ?? "0").toBe("0");
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.DELETE(one, { params: { path: { ...account, id: unknownId } }, headers: notFound }), "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.DELETE(one, { params: { path: { ...account, id: agentId } } }), "delete", one, 401);
  });
});
