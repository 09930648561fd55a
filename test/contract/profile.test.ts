import { describe, expect, it } from "vitest";
import { apiClient, expectConforming, itMutating, target } from "../support/client";

const profile = "/api/v1/profile";
const api = apiClient();

describe("getProfile", () => {
  it("answers 200 with the token's user and their accounts", async () => {
    const result = await api.GET(profile);
    const user = expectConforming(result, "get", profile, 200) as { accounts: { id: number }[] };
    expect(user.accounts.map((account) => account.id)).toContain(target.accountId);
  });

  it("answers 401 without a token", async () => {
    expectConforming(await apiClient({ token: null }).GET(profile), "get", profile, 401);
  });

  it("answers 401 with an empty token", async () => {
    expectConforming(await apiClient({ token: "" }).GET(profile), "get", profile, 401);
  });
});

describe("updateProfile", () => {
  itMutating("answers 200 with the changed user", async () => {
    const result = await api.PUT(profile, { body: { profile: { display_name: "Amina W.", message_signature: "Amina, Ndoto Demo support" } } });
    const user = expectConforming(result, "put", profile, 200) as { display_name: string };
    expect(user.display_name).toBe("Amina W.");
  });

  itMutating("answers 422 when the body is not wrapped in profile", async () => {
    // @ts-expect-error -- the fields belong inside `profile`
    const result = await api.PUT(profile, { body: { display_name: "Amina W." } });
    expectConforming(result, "put", profile, 422);
  });


  it("answers 401 without a token", async () => {
    const result = await apiClient({ token: null }).PUT(profile, { body: { profile: { display_name: "Amina W." } } });
    expectConforming(result, "put", profile, 401);
  });
});
