import { describe, expect, it } from "vitest";
import { apiClient, expectConforming, itMutating, target } from "../support/client";

const list = "/api/v1/accounts/{account_id}/teams";
const one = "/api/v1/accounts/{account_id}/teams/{team_id}";
const members = "/api/v1/accounts/{account_id}/teams/{team_id}/team_members";
const account = { account_id: target.accountId };
const api = apiClient();
const anonymous = apiClient({ token: null });

// On the mock the example "billing" team; a real run can set NDOTO_TEAM_ID.
const teamId = Number(process.env.NDOTO_TEAM_ID ?? 4);
const unknownId = 999_999_999;
const notFound = target.isMock ? { Prefer: "code=404" } : undefined;
const team = { ...account, team_id: teamId };

describe("listTeams", () => {
  it("answers 200 with { payload: Team[] }", async () => {
    const body = expectConforming(await api.GET(list, { params: { path: account } }), "get", list, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(list, { params: { path: account } }), "get", list, 401);
  });
});

describe("createTeam", () => {
  itMutating("answers 201 with the new team", async () => {
    const result = await api.POST(list, { params: { path: account }, body: { name: "billing", description: "Invoices, refunds and payment failures" } });
    expect((expectConforming(result, "post", list, 201) as { name: string }).name).toBe("billing");
  });

  it("answers 422 when the name is missing", async () => {
    // @ts-expect-error -- name is required
    expectConforming(await api.POST(list, { params: { path: account }, body: { description: "No name" } }), "post", list, 422);
  });

  itMutating("answers 422 for an unknown field", async () => {
    const result = await api.POST(list, { params: { path: account }, body: { name: "billing", auto_assign: true } as { name: string } });
    expectConforming(result, "post", list, 422);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.POST(list, { params: { path: account }, body: { name: "billing" } }), "post", list, 401);
  });
});

describe("getTeam", () => {
  it("answers 200 with the team", async () => {
    expect((expectConforming(await api.GET(one, { params: { path: team } }), "get", one, 200) as { id: number }).id).toBe(teamId);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.GET(one, { params: { path: { ...account, team_id: unknownId } }, headers: notFound }), "get", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(one, { params: { path: team } }), "get", one, 401);
  });
});

describe("updateTeam", () => {
  itMutating("answers 200 with the changed team", async () => {
    const result = await api.PATCH(one, { params: { path: team }, body: { description: "Invoices, refunds, payment failures and subscriptions" } });
    expectConforming(result, "patch", one, 200);
  });

  itMutating("answers 422 for an empty body", async () => {
    expectConforming(await api.PATCH(one, { params: { path: team }, body: {} }), "patch", one, 422);
  });

  it("answers 404 for an unknown id", async () => {
    const result = await api.PATCH(one, { params: { path: { ...account, team_id: unknownId } }, body: { name: "billing" }, headers: notFound });
    expectConforming(result, "patch", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.PATCH(one, { params: { path: team }, body: { name: "billing" } }), "patch", one, 401);
  });
});

describe("deleteTeam", () => {
  itMutating("answers 200 with an empty body", async () => {
    expectConforming(await api.DELETE(one, { params: { path: team } }), "delete", one, 200);
  });

  it("answers 404 for an unknown id", async () => {
    expectConforming(await api.DELETE(one, { params: { path: { ...account, team_id: unknownId } }, headers: notFound }), "delete", one, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.DELETE(one, { params: { path: team } }), "delete", one, 401);
  });
});

describe("team members", () => {
  it("listTeamMembers answers 200 with { payload: Agent[] }", async () => {
    const body = expectConforming(await api.GET(members, { params: { path: team } }), "get", members, 200) as { payload: unknown[] };
    expect(Array.isArray(body.payload)).toBe(true);
  });

  itMutating("addTeamMembers answers 200 with the agents added", async () => {
    expectConforming(await api.POST(members, { params: { path: team }, body: { user_ids: [8] } }), "post", members, 200);
  });

  itMutating("replaceTeamMembers answers 200 with the team's members", async () => {
    expectConforming(await api.PATCH(members, { params: { path: team }, body: { user_ids: [7, 8] } }), "patch", members, 200);
  });

  itMutating("removeTeamMembers answers 200 with an empty body", async () => {
    expectConforming(await api.DELETE(members, { params: { path: team }, body: { user_ids: [8] } }), "delete", members, 200);
  });

  itMutating.each([
    ["no user ids", { user_ids: [] }],
    ["the same user twice", { user_ids: [8, 8] }],
  ])("answers 422 for %s", async (_, body) => {
    expectConforming(await api.POST(members, { params: { path: team }, body }), "post", members, 422);
  });

  it("answers 422 when user_ids is missing", async () => {
    // @ts-expect-error -- user_ids is required
    expectConforming(await api.PATCH(members, { params: { path: team }, body: {} }), "patch", members, 422);
  });

  it("answers 404 for an unknown team", async () => {
    expectConforming(await api.GET(members, { params: { path: { ...account, team_id: unknownId } }, headers: notFound }), "get", members, 404);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await anonymous.GET(members, { params: { path: team } }), "get", members, 401);
  });
});
