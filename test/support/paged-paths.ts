// A `paths` type with a paginated list, shaped as openapi-typescript generates it, for testing the
// paginators before the description has a real one. Items and meta follow the paginated envelope
// of CONTRIBUTING.md: { data: [...], meta: { count, current_page, total_pages } } with `page`.
export interface TestContact {
  id: number;
  name: string;
}

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<Body> = { headers: { [name: string]: unknown }; content: { "application/json": Body } };

export interface PagedPaths {
  "/api/v1/accounts/{account_id}/contacts": {
    parameters: { query?: never; header?: never; path: { account_id: number }; cookie?: never };
    get: {
      parameters: { query?: { page?: number; sort?: "name" | "-name" }; header?: never; path: { account_id: number }; cookie?: never };
      requestBody?: never;
      responses: {
        200: Json<{ data: TestContact[]; meta: { count: number; current_page: number; total_pages: number } }>;
        401: Json<{ error: string }>;
        429: Json<{ error: string }>;
      };
    };
  };
  "/api/v1/profile": {
    parameters: NoParams;
    get: { parameters: NoParams; requestBody?: never; responses: { 200: Json<{ id: number }> } };
  };
}
