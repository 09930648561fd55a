// Reading every item of a paginated list: Ndoto's paginated lists answer
// `{ data: [...], meta: { count, current_page, total_pages } }` and take a `page` query parameter.
import type { MaybeOptionalInit } from "openapi-fetch";
import type { CallOptions, NdotoClient, ScopedOperation } from "./types.js";

export interface PageMeta {
  count: number;
  current_page: number;
  total_pages: number;
}

type JsonSuccess<Operation> = Operation extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;
type ItemOf<Body> = Body extends { data: readonly (infer Item)[]; meta: unknown } ? Item : never;

/** The paths whose GET answers a page (`{ data: [...], meta }`). */
export type PaginatedPath<Paths> = {
  [Path in keyof Paths]: Paths[Path] extends { get: infer Operation } ? ([ItemOf<JsonSuccess<Operation>>] extends [never] ? never : Path) : never;
}[keyof Paths];

/** The type of one item of a paginated list. */
export type PageItem<Paths, Path extends keyof Paths> = Paths[Path] extends { get: infer Operation } ? ItemOf<JsonSuccess<Operation>> : never;

export interface PageOptions {
  /** Read at most this many pages, then stop (quietly: it is a limit you chose). Default: no limit. */
  maxPages?: number;
}

type GetOperation<Paths, Path extends keyof Paths, Scoped extends boolean> = Paths[Path] extends { get: infer Operation } ? (Scoped extends true ? ScopedOperation<Operation> : Operation) : never;
type PageInit<Paths, Path extends keyof Paths, Scoped extends boolean> = NonNullable<MaybeOptionalInit<{ get: GetOperation<Paths, Path, Scoped> }, "get">> & CallOptions & PageOptions;
type PageArgs<Paths, Path extends keyof Paths, Scoped extends boolean> = {} extends PageInit<Paths, Path, Scoped> ? [init?: PageInit<Paths, Path, Scoped>] : [init: PageInit<Paths, Path, Scoped>];

/**
 * Yields every item of a paginated list, page after page (from `params.query.page`, default 1)
 * until `meta.total_pages`. A failed page throws NdotoApiError; a body that is not a page, or a page
 * other than the one asked for, throws a TypeError rather than looping.
 * (`& string` keeps the path a literal type; without it TypeScript widens it to `string` and the
 * items to those of every paginated list.)
 */
export async function* paginate<Paths, Path extends PaginatedPath<Paths> & string, Scoped extends boolean>(
  client: NdotoClient<Paths, boolean, Scoped>,
  path: Path,
  ...[init]: PageArgs<Paths, Path, Scoped>
): AsyncGenerator<PageItem<Paths, Path>, void, undefined> {
  const { maxPages = Infinity, ...rest } = (init ?? {}) as PageOptions & { params?: { query?: { page?: number } } };
  const get = client.GET as unknown as (path: Path, init: object) => Promise<{ data: { data?: unknown; meta?: Partial<PageMeta> } }>;
  for (let page = rest.params?.query?.page ?? 1, read = 0; read < maxPages; page++, read++) {
    const { data: body } = await get(path, { ...rest, params: { ...rest.params, query: { ...rest.params?.query, page } }, throwOnError: true });
    const meta = body?.meta;
    if (!Array.isArray(body?.data) || !meta) throw new TypeError(`GET ${String(path)} page ${page}: the answer is not a page ({ data: [...], meta })`);
    if (Number(meta.current_page) !== page) throw new TypeError(`GET ${String(path)}: asked for page ${page}, got page ${meta.current_page}`);
    yield* body.data as PageItem<Paths, Path>[];
    if (body.data.length === 0 || page >= Number(meta.total_pages)) return;
  }
}

/** Every item of a paginated list in one array (see paginate; `maxPages` bounds the memory used). */
export async function collectAll<Paths, Path extends PaginatedPath<Paths> & string, Scoped extends boolean>(
  client: NdotoClient<Paths, boolean, Scoped>,
  path: Path,
  ...init: PageArgs<Paths, Path, Scoped>
): Promise<PageItem<Paths, Path>[]> {
  const items: PageItem<Paths, Path>[] = [];
  for await (const item of paginate(client, path, ...init)) items.push(item);
  return items;
}
