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

/**
 * One HTTP method of the client, e.g. `client.GET(path, init)`: openapi-fetch's signature.
 * (Throwing mode is chosen per client: a per-call switch in the result type made tsc 4× slower.)
 */
export type NdotoMethod<Paths, Method extends HttpMethod, Throws extends boolean> = <
  Path extends PathsWith<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]>,
>(
  url: Path,
  ...init: InitArgs<Init>
) => Promise<CallResult<FetchResponse<Paths[Path][Method & keyof Paths[Path]] & Record<string | number, any>, Init, MediaType>, Throws>>;

/** The client: one method per HTTP method, typed by `Paths`. */
export interface NdotoClient<Paths, Throws extends boolean = false> {
  GET: NdotoMethod<Paths, "get", Throws>;
  PUT: NdotoMethod<Paths, "put", Throws>;
  POST: NdotoMethod<Paths, "post", Throws>;
  DELETE: NdotoMethod<Paths, "delete", Throws>;
  PATCH: NdotoMethod<Paths, "patch", Throws>;
}

// Account scope: with `accountId` given to the client, `account_id` becomes optional in every
// operation that has it, and `params` itself becomes optional when nothing else is required.
type PathParams<Params> = RequiredKeysOf<Params> extends never ? { path?: Params } : { path: Params };
type ScopedOperation<Operation> = Operation extends { parameters: { path: infer Params } }
  ? "account_id" extends keyof Params
    ? Omit<Operation, "parameters"> & {
        parameters: Omit<Operation["parameters"], "path"> & PathParams<Omit<Params, "account_id"> & { account_id?: Params["account_id"] }>;
      }
    : Operation
  : Operation;

/** `Paths` with `account_id` optional wherever it appears (the client fills it in). */
export type AccountScopedPaths<Paths> = {
  [Path in keyof Paths]: { [Key in keyof Paths[Path]]: Key extends HttpMethod ? ScopedOperation<Paths[Path][Key]> : Paths[Path][Key] };
};

/** What createNdotoClient returns for these options: account-scoped when `accountId` is a number, throwing when `throwOnError` is true. */
export type ClientFor<Paths, Options> = NdotoClient<
  Options extends { accountId: number } ? AccountScopedPaths<Paths> : Paths,
  Options extends { throwOnError: true } ? true : false
>;
