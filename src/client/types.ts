// Types of the client: openapi-fetch's call signatures over any `paths` type, plus the client's own
// per-call options, throwing mode and account scope. Nothing here exists at run time.
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { RetryOptions } from "./retry.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";
type MediaType = `${string}/${string}`;

/** The paths that have an operation for `Method`. */
export type PathsWith<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: any } ? Path : never;
}[keyof Paths];

/** Keys of T that are not optional (as openapi-fetch decides whether `init` may be left out). */
type RequiredKeysOf<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T] extends infer Keys ? (Keys extends undefined ? never : Keys) : never;

/** Options any single call may set, on top of openapi-fetch's (`params`, `body`, `headers`, `signal`, ...). */
export interface CallOptions {
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's retry options for this call (merged with them); `false`: no retries. */
  retry?: RetryOptions | false;
  /** Not supported (the client sends requests itself): give the client a `fetch` instead. */
  middleware?: never;
}

/** In throwing mode only the success shape remains: errors are thrown as NdotoApiError instead. */
export type CallResult<Result, Throws extends boolean> = Throws extends true ? SuccessOf<Result> : Result;
type SuccessOf<Result> = Result extends { data: infer Data; error?: never } ? { data: Data; error?: never; response: Response } : never;

type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init & CallOptions] : [init: Init & CallOptions];

/** The operation as a call sees it: with `account_id` optional when the client is account-scoped. */
type CallOperation<Paths, Path extends keyof Paths, Method extends HttpMethod, Scoped extends boolean> = Scoped extends true
  ? ScopedOperation<Paths[Path][Method & keyof Paths[Path]]>
  : Paths[Path][Method & keyof Paths[Path]];

/**
 * One HTTP method of the client, e.g. `client.GET(path, init)`: openapi-fetch's signature.
 * (Throwing mode is chosen per client: a per-call switch in the result type made tsc 4× slower.
 * Account scope is applied to the called operation only, not to every path, for the same reason.)
 */
export type NdotoMethod<Paths, Method extends HttpMethod, Throws extends boolean, Scoped extends boolean = false> = <
  Path extends PathsWith<Paths, Method>,
  Init extends MaybeOptionalInit<Record<Method, CallOperation<Paths, Path, Method, Scoped>>, Method>,
>(
  url: Path,
  ...init: InitArgs<Init>
) => Promise<CallResult<FetchResponse<Paths[Path][Method & keyof Paths[Path]] & Record<string | number, any>, Init, MediaType>, Throws>>;

/**
 * The client: one method per HTTP method, typed by `Paths`. `Throws`: throwing mode; `Scoped`:
 * created with an `accountId`, so that calls may leave `account_id` out.
 */
export interface NdotoClient<Paths, Throws extends boolean = false, Scoped extends boolean = false> {
  GET: NdotoMethod<Paths, "get", Throws, Scoped>;
  PUT: NdotoMethod<Paths, "put", Throws, Scoped>;
  POST: NdotoMethod<Paths, "post", Throws, Scoped>;
  DELETE: NdotoMethod<Paths, "delete", Throws, Scoped>;
  PATCH: NdotoMethod<Paths, "patch", Throws, Scoped>;
}

// Account scope: `account_id` becomes optional in an operation that has it, and so does `path` (and
// then `params`) when account_id is its only parameter; path parameters are always required in
// OpenAPI, so any other one keeps `path` required. Written out rather than with Omit everywhere and
// a required-keys test: the type checker does a third less work on every call.
type ScopedPath<Path extends { account_id: unknown }> = Omit<Path, "account_id"> & { account_id?: Path["account_id"] };
export type ScopedOperation<Operation> = Operation extends { parameters: infer Parameters extends { path: { account_id: unknown } } }
  ? Pick<Operation, "requestBody" & keyof Operation> & {
      parameters: Pick<Parameters, Exclude<keyof Parameters, "path">> & (keyof Parameters["path"] extends "account_id"
          ? { path?: ScopedPath<Parameters["path"]> }
          : { path: ScopedPath<Parameters["path"]> });
    }
  : Operation;

/** What createNdotoClient returns for these options: account-scoped when `accountId` is a number, throwing when `throwOnError` is true. */
export type ClientFor<Paths, Options> = NdotoClient<Paths, Options extends { throwOnError: true } ? true : false, Options extends { accountId: number } ? true : false>;
