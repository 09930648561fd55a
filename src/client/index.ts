// The package's main entry point: the client, its errors and the paginators. Webhook parsing is in
// `./webhooks.ts` (the `<package>/webhooks` export), so that this entry stays small.
export { createNdotoClient, defaultBaseUrl, type NdotoClientOptions } from "./client.js";
export { NdotoApiError } from "./errors.js";
export { collectAll, paginate, type PageItem, type PageMeta, type PageOptions, type PaginatedPath } from "./pagination.js";
export type { RetryEvent, RetryOptions } from "./retry.js";
export type { CallOptions, ClientFor, NdotoClient } from "./types.js";
export type { components, operations, paths, webhooks } from "../../generated/openapi-types.js";
