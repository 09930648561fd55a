// The contract check: calls every operation it safely can on a server and checks each answer
// against the spec. Read-only unless `writes` is set; then it also creates, updates and deletes
// resources of its own (see recipes.ts), and always removes them again.
import { randomBytes } from "node:crypto";
import { OpenApiValidator, type OpenApiDocument } from "../validation/openapi-validator";
import { listOperations, type OperationEntry } from "../validation/operations";
import { ContractClient, succeeded, type Exchange, type Problem } from "./exchange";
import { firstRequestExample, jsonRequestBody, listItems, pathParameters, queryAndHeaders } from "./requests";
import { recipes as defaultRecipes, type WriteRecipe } from "./recipes";
import { ScriptError } from "../../scripts/lib/log";

export type Outcome = "pass" | "fail" | "skipped";

export interface OperationResult {
  operationId: string;
  tag: string;
  method: string;
  /** The path template, as in the spec. */
  path: string;
  outcome: Outcome;
  /** The path and query that were requested. */
  requested?: string;
  status?: number;
  durationMs?: number;
  /** Why it failed; the first one is what the table shows. */
  problems: Problem[];
  /** Why it was skipped. */
  reason?: string;
}

export interface ContractRun {
  results: OperationResult[];
  /** Resources the run could not remove, or could not be sure about: each needs a look by hand. */
  cleanupProblems: string[];
  interrupted: boolean;
  /** The prefix that names everything a --writes run creates. */
  marker: string;
  durationMs: number;
}

export interface ContractOptions {
  document: OpenApiDocument;
  baseUrl: string;
  token: string;
  /** Fills `{account_id}`; by default the account GET /api/v1/profile names. */
  accountId?: number;
  /** Operation ids or tags to check (all when empty). */
  only?: string[];
  writes?: boolean;
  timeoutMs?: number;
  recipes?: WriteRecipe[];
  /**
   * The bundled mock keeps no state and answers every create with the same example, which does not
   * carry our marker. Only for it may the run update and delete that id anyway.
   */
  statelessMock?: boolean;
  /** Aborting it (Ctrl-C) stops the run; the clean-up still happens. */
  interrupt?: AbortSignal;
  progress?: (message: string) => void;
  runId?: string;
}

/** A mistake in how the check was asked for; the command prints it without a stack trace. */
export class UsageError extends ScriptError {}

type Step = { kind: "read" } | { kind: "create" | "update" | "delete"; resource: OwnResource } | { kind: "skip"; reason: string };
type Resolved = { value: string } | { skip: string };

/** A resource a --writes run creates through a recipe, and what became of it. */
interface OwnResource {
  recipe: WriteRecipe;
  create: OperationEntry;
  remove: OperationEntry;
  /** The collection path with its parameters filled in, once known. */
  collection?: string;
  id?: string | number;
  deleted: boolean;
  /** Why there is nothing to update or delete. */
  unavailable?: string;
  createAttempted: boolean;
}

const accountParameter = "account_id";
const profilePath = "/api/v1/profile";

export function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15).toLowerCase();
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

/** The recognisable name of everything a --writes run creates. */
export function markerOf(runId: string): string {
  return `ndoto-contract-${runId}`;
}

/** The operations `only` picks (operation ids exactly, tags in any case); all of them when it is empty. */
export function selectOperations(entries: OperationEntry[], only: string[] = []): OperationEntry[] {
  if (only.length === 0) return entries;
  const unknown = only.filter((name) => !entries.some((entry) => entry.operation.operationId === name || tagOf(entry).toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0) {
    const tags = [...new Set(entries.map(tagOf))];
    throw new UsageError(`--only ${unknown.join(", ")}: no such operation id or tag. Tags: ${tags.join(", ")}. Operation ids: ${entries.map((e) => e.operation.operationId).join(", ")}`);
  }
  return entries.filter((entry) => only.some((name) => entry.operation.operationId === name || tagOf(entry).toLowerCase() === name.toLowerCase()));
}

function tagOf(entry: OperationEntry): string {
  return entry.operation.tags?.[0] ?? "";
}

/** `/x/{id}` is the item path of the collection `/x`. */
function isItemPathOf(path: string, collection: string): boolean {
  return path.startsWith(`${collection}/`) && /^\{[^}/]+\}$/.test(path.slice(collection.length + 1));
}

/** `inbox` → `inboxes`, `team` → `teams`: enough for the resource names of this API. */
function pluralOf(noun: string): string {
  return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/**
 * Operations that only read: GET, and the POSTs whose operation id says they read (a filter whose
 * conditions travel in the body). The house verbs (test/style.test.ts) make the id reliable.
 */
function isSafe(entry: OperationEntry): boolean {
  return entry.method === "get" || entry.method === "head" || /^(list|get|search|filter|count)[A-Z]/.test(entry.operation.operationId ?? "");
}

export async function runContract(options: ContractOptions): Promise<ContractRun> {
  const started = performance.now();
  const validator = new OpenApiValidator(options.document);
  const entries = listOperations(options.document);
  const selected = selectOperations(entries, options.only);
  const marker = markerOf(options.runId ?? newRunId());
  const progress = options.progress ?? (() => {});
  const interrupt = options.interrupt;
  const client = new ContractClient({ baseUrl: options.baseUrl.replace(/\/+$/, ""), token: options.token, timeoutMs: options.timeoutMs ?? 30_000, validator });

  // Reads are sent once per URL: discovering ids and checking the list operation share one answer.
  const reads = new Map<string, Promise<Exchange>>();
  const read = (entry: OperationEntry, requested: string, headers: Record<string, string> = {}) => {
    if (!reads.has(requested)) reads.set(requested, client.send(entry, requested, { headers, interrupt }));
    return reads.get(requested)!;
  };
  const findEntry = (path: string, method: string) => entries.find((entry) => entry.path === path && entry.method === method);

  // --- which operations this run can exercise, and how
  const resources: OwnResource[] = [];
  for (const recipe of options.writes ? (options.recipes ?? defaultRecipes) : []) {
    const create = findEntry(recipe.collection, "post");
    const remove = entries.find((entry) => entry.method === "delete" && isItemPathOf(entry.path, recipe.collection));
    if (create && remove) resources.push({ recipe, create, remove, deleted: false, createAttempted: false });
  }
  const stepFor = (entry: OperationEntry): Step => {
    if (isSafe(entry)) return { kind: "read" };
    if (!options.writes) return { kind: "skip", reason: "changes data: runs only with --writes" };
    const resource = resources.find((r) => r.create === entry || isItemPathOf(entry.path, r.recipe.collection));
    if (resource?.create === entry) return { kind: "create", resource };
    if (resource && (entry.method === "patch" || entry.method === "put")) return { kind: "update", resource };
    if (resource && entry.method === "delete") return { kind: "delete", resource };
    return { kind: "skip", reason: "changes data, and no --writes recipe covers it (see CONTRIBUTING.md)" };
  };
  const steps = new Map(selected.map((entry) => [entry, stepFor(entry)]));
  const activeResources = resources.filter((r) => [...steps.values()].some((step) => step.kind !== "read" && step.kind !== "skip" && step.resource === r));

  // --- results, in the order the spec lists the operations
  const results = new Map<OperationEntry, OperationResult>();
  const record = (entry: OperationEntry, outcome: Partial<OperationResult> & { outcome: Outcome }) => {
    if (!steps.has(entry)) return; // a setup call for an operation that was not asked for
    const result: OperationResult = { operationId: entry.operation.operationId, tag: tagOf(entry), method: entry.method.toUpperCase(), path: entry.path, problems: [], ...outcome };
    results.set(entry, result);
    const detail = result.outcome === "skipped" ? result.reason : result.outcome === "fail" ? result.problems[0]?.message : `${result.status} in ${result.durationMs} ms`;
    progress(`[${results.size}/${selected.length}] ${result.outcome} ${result.operationId} ${result.method} ${result.requested ?? result.path}: ${detail}`);
  };
  const recordExchange = (entry: OperationEntry, exchange: Exchange) => {
    if (exchange.interrupted) return record(entry, { outcome: "skipped", requested: exchange.requested, reason: "interrupted before the answer came" });
    const { requested, status, durationMs, problems } = exchange;
    record(entry, { outcome: problems.length === 0 ? "pass" : "fail", requested, status, durationMs, problems });
  };

  // --- filling in path parameters
  let accountId: Promise<Resolved> | undefined;
  const account = (): Promise<Resolved> =>
    (accountId ??= (async (): Promise<Resolved> => {
      if (options.accountId !== undefined) return { value: String(options.accountId) };
      const profile = findEntry(profilePath, "get");
      if (!profile) throw new UsageError(`pass --account-id: the spec has no GET ${profilePath} to learn it from`);
      const exchange = await read(profile, profilePath);
      const id = (exchange.body as { account_id?: unknown } | undefined)?.account_id;
      if (typeof id !== "number") return { skip: `no account id: GET ${profilePath} answered ${exchange.status ?? exchange.problems[0]?.message}; pass --account-id` };
      progress(`account ${id} (the token's active account, from GET ${profilePath}; --account-id picks another)`);
      return { value: String(id) };
    })());

  const discovered = new Map<string, Promise<Resolved>>();
  /**
   * The id of the first item that the list one level up returns (`/x/{id}` ← `GET /x`), or, when
   * there is no such list, the list the parameter is named after (`/x/{inbox_id}` ← `GET /inboxes`).
   */
  const firstListedId = (parent: string, name: string): Promise<Resolved> => {
    const named = parent.replace(/[^/]+$/, pluralOf(name.replace(/_id$/, "")));
    const collection = findEntry(parent, "get") || !findEntry(named, "get") ? parent : named;
    if (!discovered.has(collection)) {
      discovered.set(collection, (async (): Promise<Resolved> => {
        const list = findEntry(collection, "get");
        if (!list) return { skip: `no list operation (GET ${collection}) to find an id for {${name}} in` };
        const built = await request(list);
        if ("skip" in built) return { skip: `cannot call ${list.operation.operationId} to find an id for {${name}}: ${built.skip}` };
        const exchange = await read(list, built.requested, built.headers);
        // A list that does not conform is reported on its own row; its ids may still be usable here.
        if (!succeeded(exchange)) return { skip: `${list.operation.operationId} gave no list to find {${name}} in: ${exchange.problems[0]?.message}` };
        const first = listItems(exchange.body)[0];
        return first ? { value: String(first.id) } : { skip: `${list.operation.operationId} returned no items, so there is no {${name}} to try` };
      })());
    }
    return discovered.get(collection)!;
  };

  const fill = async (template: string): Promise<{ path: string } | { skip: string }> => {
    const templateSegments = template.split("/");
    const segments = [...templateSegments];
    for (const { name, segment } of pathParameters(template)) {
      const collection = templateSegments.slice(0, segment).join("/");
      const own = activeResources.find((r) => r.recipe.collection === collection && r.id !== undefined && !r.deleted);
      const resolved = name === accountParameter ? await account() : own ? { value: String(own.id) } : await firstListedId(collection, name);
      if ("skip" in resolved) return resolved;
      segments[segment] = encodeURIComponent(resolved.value);
    }
    return { path: segments.join("/") };
  };

  const request = async (entry: OperationEntry): Promise<{ requested: string; headers: Record<string, string> } | { skip: string }> => {
    const filled = await fill(entry.path);
    if ("skip" in filled) return filled;
    const extras = queryAndHeaders(entry, validator);
    if ("skip" in extras) return extras;
    return { requested: filled.path + extras.query, headers: extras.headers };
  };

  /** A body built by a recipe must itself match the spec, or the server would rightly refuse it. */
  const bodyProblems = (entry: OperationEntry, body: unknown): Problem[] => {
    const requestBody = jsonRequestBody(entry, validator);
    return requestBody ? validator.validate(requestBody.schemaPointer, body).map((message) => ({ location: "request", message: `the --writes recipe built a body the spec rejects: ${message}` })) : [];
  };

  // --- the steps
  const createResource = async (resource: OwnResource): Promise<void> => {
    const { recipe, create } = resource;
    const example = firstRequestExample(create, validator);
    if (example === undefined) return void (resource.unavailable = `${create.operation.operationId} has no request example to build a body from`);
    const body = recipe.create(example, marker);
    const invalid = bodyProblems(create, body);
    if (invalid.length > 0) {
      resource.unavailable = `could not create one: ${invalid[0].message}`;
      return record(create, { outcome: "fail", problems: invalid });
    }
    const built = await request(create);
    if ("skip" in built) return void (resource.unavailable = built.skip);
    resource.collection = built.requested.split("?")[0];
    resource.createAttempted = true;
    const exchange = await client.send(create, built.requested, { body, headers: built.headers, interrupt });
    recordExchange(create, exchange);
    const created = succeeded(exchange) ? (recipe.unwrap ?? ((b) => b))(exchange.body) : undefined;
    const id = created?.id;
    if (typeof id !== "number" && typeof id !== "string") {
      resource.unavailable = `${create.operation.operationId} did not create one: ${exchange.problems[0]?.message ?? "no id in the answer"}`;
    } else if (!options.statelessMock && !recipe.isOurs(created, marker)) {
      resource.unavailable = `the resource ${id} that ${create.operation.operationId} answered with does not carry ${marker}, so it may not be ours: not touching it`;
    } else {
      resource.id = id;
      progress(`created ${resource.collection}/${id} (${marker})`);
    }
  };

  const changeResource = async (entry: OperationEntry, resource: OwnResource, kind: "update" | "delete"): Promise<void> => {
    if (resource.id === undefined || resource.deleted) return record(entry, { outcome: "skipped", reason: `nothing of ours to ${kind}: ${resource.unavailable ?? "it is gone"}` });
    let body: unknown;
    if (kind === "update") {
      const example = firstRequestExample(entry, validator);
      if (example === undefined) return record(entry, { outcome: "skipped", reason: "no request example to build a body from" });
      body = resource.recipe.update ? resource.recipe.update(example, marker) : example;
      const invalid = bodyProblems(entry, body);
      if (invalid.length > 0) return record(entry, { outcome: "fail", problems: invalid });
    }
    const built = await request(entry);
    if ("skip" in built) return record(entry, { outcome: "skipped", reason: built.skip });
    const exchange = await client.send(entry, built.requested, { body, headers: built.headers, interrupt });
    recordExchange(entry, exchange);
    if (kind === "delete" && succeeded(exchange)) {
      resource.deleted = true;
      progress(`deleted ${resource.collection}/${resource.id}`);
    }
  };

  const runStep = async (entry: OperationEntry): Promise<void> => {
    const step = steps.get(entry)!;
    if (results.has(entry)) return;
    if (interrupt?.aborted) return record(entry, { outcome: "skipped", reason: "interrupted" });
    if (step.kind === "skip") return record(entry, { outcome: "skipped", reason: step.reason });
    if (step.kind === "create") return; // done in the first phase
    if (step.kind === "update" || step.kind === "delete") return changeResource(entry, step.resource, step.kind);
    const built = await request(entry);
    if ("skip" in built) return record(entry, { outcome: "skipped", reason: built.skip });
    if (entry.method === "get" || entry.method === "head") return recordExchange(entry, await read(entry, built.requested, built.headers));
    // A read with a body (a filter): sent with the operation's first request example.
    const body = firstRequestExample(entry, validator);
    if (body === undefined && entry.operation.requestBody) return record(entry, { outcome: "skipped", reason: "no request example to send" });
    recordExchange(entry, await client.send(entry, built.requested, { body, headers: built.headers, interrupt }));
  };

  const cleanupProblems: string[] = [];
  try {
    // Create first, so reads can use our own resources; delete last, after everything that reads them.
    for (const resource of activeResources) if (!interrupt?.aborted) await createResource(resource);
    for (const resource of activeResources) if (resource.unavailable && steps.has(resource.create) && !results.has(resource.create)) record(resource.create, { outcome: "skipped", reason: resource.unavailable });
    const phase = (kinds: Step["kind"][]) => selected.filter((entry) => kinds.includes(steps.get(entry)!.kind));
    for (const entry of [...phase(["read", "skip"]), ...phase(["update"]), ...phase(["delete", "create"])]) await runStep(entry);
  } finally {
    cleanupProblems.push(...(await cleanUp(activeResources)));
  }

  /**
   * Deletes what the run created and did not delete yet, then looks for anything else that carries
   * the marker (a create whose answer was lost) and deletes that too. Never touches anything else.
   */
  async function cleanUp(own: OwnResource[]): Promise<string[]> {
    const problems: string[] = [];
    for (const resource of own.filter((r) => r.createAttempted)) {
      const leftovers = new Set<string>(resource.id !== undefined && !resource.deleted ? [String(resource.id)] : []);
      const list = findEntry(resource.recipe.collection, "get");
      if (list && resource.collection) {
        const swept = await client.send(list, resource.collection);
        for (const item of listItems(swept.body)) if (resource.recipe.isOurs(item, marker)) leftovers.add(String(item.id));
      }
      for (const id of leftovers) {
        const path = `${resource.collection}/${encodeURIComponent(id)}`;
        const exchange = await client.send(resource.remove, path);
        if (succeeded(exchange) || exchange.status === 404) {
          progress(`clean-up: deleted ${path}`);
          if (id === String(resource.id)) resource.deleted = true;
        } else {
          problems.push(`could not delete ${path} (${marker}): ${exchange.problems[0]?.message ?? `status ${exchange.status}`}. Delete it by hand.`);
        }
      }
    }
    return problems;
  }

  return {
    results: selected.map((entry) => results.get(entry) ?? { operationId: entry.operation.operationId, tag: tagOf(entry), method: entry.method.toUpperCase(), path: entry.path, outcome: "skipped", problems: [], reason: "interrupted" }),
    cleanupProblems,
    interrupted: interrupt?.aborted ?? false,
    marker,
    durationMs: Math.round(performance.now() - started),
  };
}
