// ndoto-contract: checks, operation by operation, that an Ndoto deployment (or the mock) answers as
// generated/openapi.json describes. `npm run contract -- --help` lists the options.
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledJson } from "../../scripts/lib/project";
import { startMock, type RunningMock } from "../../scripts/lib/prism";
import { freePort } from "../../scripts/lib/net";
import { parseOptions } from "../../scripts/lib/options";
import { runMain, ScriptError, step } from "../../scripts/lib/log";
import { writeFileAtomic } from "../../scripts/lib/files";
import type { OpenApiDocument } from "../validation/openapi-validator";
import { listOperations } from "../validation/operations";
import { markerOf, newRunId, runContract, selectOperations, type ContractRun } from "./run";
import { jsonReport, junitReport, runFailed, summary, table, type RunContext } from "./report";

const help = `Usage: ndoto-contract [options]     (or: npm run contract -- [options])

Calls every operation of the Ndoto API description that it can call safely and checks each answer
(status, content type, headers, body) against the spec. With no --base-url it starts the bundled mock.

  --base-url URL        the deployment to check, e.g. https://app.usendoto.com
  --token TOKEN         API access token (default: $NDOTO_API_TOKEN); never printed
  --account-id N        the account to work in (default: the token's active account, from GET /api/v1/profile)
  --only NAME           only these operation ids or tags; repeat it or separate with commas
  --writes              also create, update and delete resources of its own (named ndoto-contract-<run id>),
                        and delete them again at the end, even after a failure or Ctrl-C
  --report-json FILE    write the results as JSON
  --junit FILE          write the results as JUnit XML
  --timeout MS          give up on a request after MS milliseconds (default 30000)
  --help                show this text

Exit code: 0 when every checked operation conforms, 1 on any failure or clean-up problem, 130 after Ctrl-C.`;

function positiveInteger(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new ScriptError(`--${option} needs a whole number of at least 1, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** The base URL as it may be shown: no user name or password, no query. */
function displayable(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

runMain(async () => {
  const options = parseOptions({
    "base-url": { type: "string" },
    token: { type: "string" },
    "account-id": { type: "string" },
    only: { type: "string", multiple: true },
    writes: { type: "boolean", default: false },
    "report-json": { type: "string" },
    junit: { type: "string" },
    timeout: { type: "string" },
    help: { type: "boolean", default: false },
  });
  if (options.help) return void process.stdout.write(`${help}\n`);

  const baseUrl = options["base-url"];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl)) throw new ScriptError(`--base-url needs an http:// or https:// address, got ${JSON.stringify(baseUrl)}`);
  const token = options.token || process.env.NDOTO_API_TOKEN || (baseUrl === undefined ? "ndoto-contract-check" : "");
  if (token === "") throw new ScriptError("no API token: pass --token or set NDOTO_API_TOKEN (the mock needs none, a deployment does)");
  const accountId = positiveInteger(options["account-id"], "account-id");
  const timeoutMs = positiveInteger(options.timeout, "timeout") ?? 30_000;
  const only = (options.only ?? []).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
  const document = JSON.parse(readFileSync(bundledJson, "utf8")) as OpenApiDocument;
  selectOperations(listOperations(document), only); // a misspelt --only fails before the mock starts

  // Everything printed goes through this, so a token that a server echoes back is never shown.
  const redact = (text: string) => (token.length >= 6 ? text.replaceAll(token, "[token]") : text);
  const say = (message: string) => step(redact(message));

  const runId = newRunId();
  const interrupt = new AbortController();
  let exitCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!interrupt.signal.aborted) {
      exitCode = signal === "SIGINT" ? 130 : 143;
      process.stderr.write(`\n${signal}: stopping; removing what this run created first (press Ctrl-C again to abandon the clean-up)\n`);
      interrupt.abort();
      return;
    }
    process.stderr.write(`${signal} again: clean-up abandoned. Look for resources named ${markerOf(runId)} and delete them by hand.\n`);
    process.exit(exitCode);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let mock: RunningMock | undefined;
  let run: ContractRun;
  const startedAt = new Date().toISOString();
  try {
    if (baseUrl === undefined) {
      say("no --base-url: starting the bundled Prism mock");
      mock = await startMock({ port: await freePort(), ignoreTerminalSignals: true });
    }
    const target = mock ? `${mock.url} (the bundled mock)` : displayable(baseUrl!);
    say(`checking ${target}${options.writes ? `; --writes: what this run creates is named ${markerOf(runId)}` : " (read-only)"}`);
    run = await runContract({
      document,
      baseUrl: mock?.url ?? baseUrl!,
      token,
      accountId,
      only,
      writes: options.writes,
      timeoutMs,
      statelessMock: mock !== undefined,
      interrupt: interrupt.signal,
      progress: say,
      runId,
    });

    const context: RunContext = { target, writes: options.writes, startedAt };
    process.stdout.write(redact(`${table(run)}\n\n`));
    for (const problem of run.cleanupProblems) process.stdout.write(redact(`clean-up problem: ${problem}\n`));
    process.stdout.write(redact(`${summary(run, context)}\n`));
    if (options["report-json"]) await writeReport(options["report-json"], redact(jsonReport(run, context)), say);
    if (options.junit) await writeReport(options.junit, redact(junitReport(run, context)), say);
    if (exitCode === 0 && runFailed(run)) exitCode = 1;
  } finally {
    await mock?.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  process.exitCode = exitCode;
});

async function writeReport(file: string, content: string, say: (message: string) => void): Promise<void> {
  await writeFileAtomic(path.resolve(file), content);
  say(`wrote ${file}`);
}
