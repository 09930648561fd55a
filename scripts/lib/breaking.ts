// The breaking-change gate (npm run check:breaking): compares a bundled description with the newest
// release through `redocly diff` and decides whether its breaking changes may ship. CONTRIBUTING.md
// ("Versioning") states the policy this code enforces.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot, shownPath } from "./project";
import { runLocalBinCapture, toolOutput } from "./run";
import { ScriptError } from "./log";
import { atPointer, pointerSegments, sourceFileFor } from "./source-files";
import { compareVersions, listReleases, parseVersion, type Release } from "./releases";

type Impact = "major" | "minor" | "patch";

/** One entry of `redocly diff --format json` (reportVersion 1), reduced to what the gate reads. */
interface DiffChange {
  path: string;
  kind: "added" | "removed" | "modified";
  impact: Impact;
  verdicts: { ruleId: string; impact: Impact; message: string; location?: { pointer: string } }[];
  property?: string;
  base?: { pointer: string };
  revision?: { pointer: string };
}

export interface BreakingChange {
  /** operationIds (or "METHOD /path" where there is none) the change breaks; empty: the whole API. */
  operations: string[];
  rule: string;
  message: string;
  /** The hand-written file the change is in. */
  source: string;
}

export interface GateResult {
  release?: Release;
  version: string;
  breaking: BreakingChange[];
  counts: Record<Impact, number>;
  /** Why the gate fails; the gate passes when this is empty. */
  problems: string[];
  notes: string[];
}

export interface GateInput {
  revisionFile: string;
  releasesDir: string;
  changelogFile: string;
}

const diffConfig = path.join(projectRoot, "redocly.diff.yaml");
const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const impactOrder: Impact[] = ["patch", "minor", "major"];
/** Removals that the versioning policy allows only for things deprecated in the release before. */
const removalRules = new Set(["operation-removed", "path-removed", "parameter-removed", "property-removed"]);

export async function checkBreakingChanges(input: GateInput): Promise<GateResult> {
  const revision = await readJson(input.revisionFile);
  const version = String(revision?.info?.version ?? "");
  const result: GateResult = { version, breaking: [], counts: { major: 0, minor: 0, patch: 0 }, problems: deprecationProblems(revision), notes: [] };
  const current = parseVersion(version);
  if (!current) {
    result.problems.push(`info.version is ${JSON.stringify(version)}, not a semantic version MAJOR.MINOR.PATCH (openapi/openapi.yaml)`);
    return result;
  }

  const releases = await listReleases(input.releasesDir);
  const release = releases.at(-1);
  if (!release) {
    result.notes.push(`no release in ${shownPath(input.releasesDir)}/ yet, so nothing to compare with: every change is allowed until the first \`npm run release\``);
    return result;
  }
  result.release = release;
  if (compareVersions(current, release.version) < 0) {
    result.problems.push(`info.version ${version} is lower than the newest release ${release.version.text}`);
    return result;
  }

  const base = await readJson(release.file);
  const changes = (await diffDocuments(release.file, input.revisionFile)).map((change) => withExtensibleEnums(change, revision));
  for (const change of changes) result.counts[change.impact] += 1;
  result.breaking = changes.filter((change) => change.impact === "major").flatMap((change) => describeBreaking(change, base, revision));
  if (changes.length > 0 && compareVersions(current, release.version) === 0) {
    result.notes.push(`the description changed since release ${version} but info.version is still ${version}: raise it before the next \`npm run release\``);
  }
  if (result.breaking.length === 0) return result;

  if (current.major <= release.version.major) {
    result.problems.push(
      `breaking changes need a new major version: info.version is ${version} and the newest release is ${release.version.text}; ` +
        `set info.version to ${release.version.major + 1}.0.0 in openapi/openapi.yaml (or undo the breaking changes)`,
    );
  }
  result.problems.push(...changelogProblems(await readFile(input.changelogFile, "utf8").catch(() => ""), version, result.breaking));
  for (const change of changes.filter((c) => c.impact === "major")) {
    for (const verdict of change.verdicts.filter((v) => removalRules.has(v.ruleId) && !wasDeprecated(base, change))) {
      result.problems.push(`${verdict.message} It was not deprecated in ${release.version.text}: deprecate it first (deprecated: true with x-sunset), remove it in a later major version.`);
    }
  }
  return result;
}

/** Runs `redocly diff` with the diff rules on (without them it rates every change a patch). */
async function diffDocuments(baseFile: string, revisionFile: string): Promise<DiffChange[]> {
  const result = await runLocalBinCapture("redocly", ["diff", baseFile, revisionFile, "--config", diffConfig, "--format", "json", "--fail-on", "none"]);
  if (result.code !== 0) throw new ScriptError(`redocly diff ${baseFile} ${revisionFile} failed (exit ${result.code}):\n${toolOutput(result)}`);
  try {
    return (JSON.parse(result.stdout) as { changes: DiffChange[] }).changes;
  } catch {
    throw new ScriptError(`redocly diff did not answer with a JSON report:\n${toolOutput(result)}`);
  }
}

/**
 * `x-extensible-enum: true` promises clients that new values may appear, so a value added to such an
 * enum is not breaking; redocly diff does not know the extension and rates it major.
 */
function withExtensibleEnums(change: DiffChange, revision: unknown): DiffChange {
  const verdicts = change.verdicts.map((verdict) => {
    const pointer = verdict.location?.pointer ?? "";
    const extensible = verdict.ruleId === "enum-values-added" && pointer.endsWith("/enum") && (atPointer(revision, pointer.slice(0, -"/enum".length)) as any)?.["x-extensible-enum"] === true;
    return extensible ? { ...verdict, impact: "minor" as const, message: `${verdict.message} (allowed: x-extensible-enum)` } : verdict;
  });
  const impact = verdicts.length > 0 ? impactOrder[Math.max(...verdicts.map((verdict) => impactOrder.indexOf(verdict.impact)))] : change.impact;
  return { ...change, verdicts, impact };
}

function describeBreaking(change: DiffChange, base: any, revision: any): BreakingChange[] {
  // redocly diff reports a change to a shared component once, under the first operation using it.
  const component = [change.base?.pointer, change.revision?.pointer].map((pointer) => componentOf(pointer)).find(Boolean);
  const operations = [...new Set([...operationsAt(change.path, base, revision), ...(component ? [...operationsUsing(base, component), ...operationsUsing(revision, component)] : [])])];
  const source = sourceFileFor(pointerSegments(change.revision?.pointer ?? change.base?.pointer ?? change.path));
  const verdicts = change.verdicts.filter((verdict) => verdict.impact === "major");
  if (verdicts.length === 0) return [{ operations, rule: change.kind, message: `${change.kind} at ${change.path}`, source }];
  return verdicts.map((verdict) => ({ operations, rule: verdict.ruleId, message: verdict.message, source }));
}

/** The operations a change belongs to: one operation, every operation of a path, or none (document-wide). */
function operationsAt(changePath: string, base: any, revision: any): string[] {
  const [section, key, method] = pointerSegments(changePath);
  if ((section !== "paths" && section !== "webhooks") || !key) return [];
  const methods = httpMethods.includes(method) ? [method] : httpMethods.filter((m) => base?.[section]?.[key]?.[m] || revision?.[section]?.[key]?.[m]);
  return [
    ...new Set(
      methods.flatMap((m) => {
        // Name the id clients know (the released one) and, if it was renamed, the new one too.
        const ids = [base?.[section]?.[key]?.[m]?.operationId, revision?.[section]?.[key]?.[m]?.operationId].filter(Boolean) as string[];
        return ids.length > 0 ? ids : [`${m.toUpperCase()} ${key}`];
      }),
    ),
  ];
}

/** "#/components/schemas/Thing" for any pointer inside that component. */
function componentOf(pointer: string | undefined): string | undefined {
  const [section, kind, name] = pointerSegments(pointer ?? "");
  return section === "components" && kind && name ? `#/components/${kind}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` : undefined;
}

const usageCache = new WeakMap<object, Map<string, Set<string>>>();

/** Every operation of the document that reaches the component through $refs, directly or not. */
function operationsUsing(document: any, component: string): string[] {
  if (!usageCache.has(document)) {
    const usage = new Map<string, Set<string>>();
    for (const section of ["paths", "webhooks"]) {
      for (const [key, item] of Object.entries<any>(document?.[section] ?? {})) {
        for (const method of httpMethods.filter((m) => item?.[m])) {
          const id = item[method].operationId ?? `${method.toUpperCase()} ${key}`;
          for (const ref of reachableComponents(document, [item.parameters, item[method]])) usage.set(ref, (usage.get(ref) ?? new Set()).add(id));
        }
      }
    }
    usageCache.set(document, usage);
  }
  return [...(usageCache.get(document)?.get(component) ?? [])];
}

function reachableComponents(document: any, node: unknown, seen = new Set<string>()): Set<string> {
  if (!node || typeof node !== "object") return seen;
  for (const [key, child] of Object.entries(node)) {
    const target = key === "$ref" && typeof child === "string" ? componentOf(child) : undefined;
    if (target && !seen.has(target)) {
      seen.add(target);
      reachableComponents(document, atPointer(document, target), seen);
    } else reachableComponents(document, child, seen);
  }
  return seen;
}

function wasDeprecated(base: any, change: DiffChange): boolean {
  const node = resolveRef(base, atPointer(base, change.base?.pointer ?? change.path));
  if (node?.deprecated === true) return true;
  // A removed path counts as deprecated when every operation on it was.
  const operations = httpMethods.map((method) => node?.[method]).filter(Boolean);
  return operations.length > 0 && operations.every((operation) => operation.deprecated === true);
}

function resolveRef(document: any, node: any): any {
  if (typeof node?.$ref !== "string" || !node.$ref.startsWith("#/")) return node;
  return { ...(resolveRef(document, atPointer(document, node.$ref)) as object), ...node };
}

/** `- [Breaking] ...` entries under "## [Unreleased]" or "## [<version>]", continuation lines joined. */
export function breakingEntries(changelog: string, version: string): string[] {
  const sections = new Set(["unreleased", version.toLowerCase()]);
  const entries: string[] = [];
  let inSection = false;
  let inEntry = false;
  for (const line of changelog.split("\n")) {
    if (/^##\s/.test(line)) {
      const name = /^##\s+\[([^\]]+)\]/.exec(line)?.[1].trim().toLowerCase();
      inSection = name !== undefined && sections.has(name);
      inEntry = false;
    } else if (inSection && /^\s*[-*]\s+\[Breaking\]/i.test(line)) {
      entries.push(line.trim());
      inEntry = true;
    } else if (inEntry && /^\s{2,}\S/.test(line)) {
      entries[entries.length - 1] += ` ${line.trim()}`;
    } else {
      inEntry = false;
    }
  }
  return entries;
}

function changelogProblems(changelog: string, version: string, breaking: BreakingChange[]): string[] {
  const entries = breakingEntries(changelog, version);
  const fix = `add "- [Breaking] ..." entries naming them under "## [Unreleased]" (or "## [${version}]") in CHANGELOG.md`;
  if (entries.length === 0) return [`CHANGELOG.md has no [Breaking] entry for ${version}: ${fix}`];
  const mentioned = (id: string) => entries.some((entry) => new RegExp(`(^|[^A-Za-z0-9_])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_])`).test(entry));
  const missing = [...new Set(breaking.flatMap((change) => change.operations))].filter((id) => !mentioned(id));
  return missing.length > 0 ? [`CHANGELOG.md's [Breaking] entries do not name ${missing.join(", ")}: ${fix}`] : [];
}

/** Everything marked `deprecated: true` must say when it goes: `x-sunset: YYYY-MM-DD`, repeated in its description. */
export function deprecationProblems(document: unknown): string[] {
  const problems: string[] = [];
  const visit = (node: any, at: string[]): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, String(i)]));
    if (node.deprecated === true) {
      const where = `${at.join(" › ")} (${sourceFileFor(at)})`;
      const sunset = node["x-sunset"];
      if (typeof sunset !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(sunset)) problems.push(`${where} is deprecated without \`x-sunset: YYYY-MM-DD\` (the date it may be removed)`);
      else if (!String(node.description ?? "").includes(sunset)) problems.push(`${where} is deprecated until ${sunset}, but its description does not say so (mention ${sunset} and what to use instead)`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== "examples" && key !== "example") visit(child, [...at, key]);
  };
  visit(document, []);
  return problems;
}

async function readJson(file: string): Promise<any> {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new ScriptError(`cannot read ${file}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScriptError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
