// Type-level tests, checked by `tsc` (npm run typecheck): each call below is wrong, and the
// generated types must reject it. If one stops being an error, @ts-expect-error fails the build.
import createClient from "openapi-fetch";
import type { components, paths } from "../../generated/openapi-types";

const api = createClient<paths>({ baseUrl: "http://127.0.0.1:4010" });
const path = { account_id: 1 };

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error -- title is required on create
  await api.POST("/api/v1/accounts/{account_id}/labels", { params: { path }, body: { color: "#1F93FF" } });

  // @ts-expect-error -- ids are numbers, not strings
  await api.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 1, id: "3" } } });

  // @ts-expect-error -- account_id is required
  await api.GET("/api/v1/accounts/{account_id}/labels", {});

  // @ts-expect-error -- there is no such path
  await api.GET("/api/v1/accounts/{account_id}/label", { params: { path } });

  // @ts-expect-error -- labels have no PUT; they are updated with PATCH
  await api.PUT("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 1, id: 3 } }, body: {} });

  // @ts-expect-error -- show_on_sidebar is a boolean and cannot be null in a request
  await api.PATCH("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 1, id: 3 } }, body: { show_on_sidebar: null } });

  // @ts-expect-error -- the profile fields go inside `profile`
  await api.PUT("/api/v1/profile", { body: { display_name: "Amina" } });

  // openapi-fetch does not reject a misspelt optional field on its own (openapi-typescript #1769);
  // `satisfies` on the body does, which is the documented way in CONTRIBUTING.md.
  // @ts-expect-error -- "colour" is not a field of LabelCreateRequest
  const body = { title: "billing", colour: "#FF0000" } satisfies components["schemas"]["LabelCreateRequest"];
  void body;

  const { data } = await api.GET("/api/v1/accounts/{account_id}/labels", { params: { path } });
  if (data) {
    // @ts-expect-error -- description may be null, so it cannot be used as a string unchecked
    data.payload[0].description.toUpperCase();
    // @ts-expect-error -- ids are read-only in responses
    data.payload[0].id = 4;
  }
}

// What must type-check: the seed's calls, and narrowing of nullable fields.
export async function rightCalls(): Promise<string[]> {
  await api.POST("/api/v1/accounts/{account_id}/labels", { params: { path }, body: { title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true } });
  await api.PATCH("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 1, id: 3 } }, body: { color: "#FF5733", show_on_sidebar: false } });
  await api.DELETE("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { account_id: 1, id: 3 } } });
  const { data } = await api.GET("/api/v1/accounts/{account_id}/labels", { params: { path } });
  const profile = await api.GET("/api/v1/profile");
  const roles: string[] = profile.data?.accounts.map((account) => account.role) ?? [];
  return [...(data?.payload.map((label) => label.description?.toUpperCase() ?? "") ?? []), ...roles];
}
