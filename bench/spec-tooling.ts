// Spec-tooling benchmarks, in one run: build times of what `npm run generate`, `npm run docs` and the
// quality gates run; Prism mock start time; and mock latency and throughput against a plain Node http
// server answering the same body. Loopback (127.0.0.1) only, free ports, a fixed number of requests.
//   npm run bench:tooling                  measure and print the tables
//   npm run bench:tooling -- --record      also write them into BENCHMARKS.md under "## Spec tooling"
//   --requests N (default 3000)  --concurrency C (default 4)  --runs R (build/start repetitions, default 3)
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { Validator } from "@seriousme/openapi-schema-validator";
import { bundledJson, projectRoot } from "../scripts/lib/project";
import { runLocalBin } from "../scripts/lib/run";
import { startMock } from "../scripts/lib/prism";
import { freePort } from "../scripts/lib/net";
import { moveIntoPlace, tempDir } from "../scripts/lib/files";
import { parseOptions } from "../scripts/lib/options";
import { postmanCollectionFrom } from "../scripts/lib/postman";
import { done, runMain, ScriptError, step } from "../scripts/lib/log";

const benchmarksFile = path.join(projectRoot, "BENCHMARKS.md");
const heading = "## Spec tooling";
const target = "/api/v1/accounts/1/labels";
/** Stop a load run after this long even if not every request was sent (keeps the bench bounded). */
const loadTimeLimitMs = 60_000;

interface Timing {
  median: number;
  min: number;
  max: number;
}

async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1)! };
}

interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failures: number;
}

/** Sends `total` GETs over `concurrency` keep-alive connections and measures each one. */
async function load(baseUrl: string, total: number, concurrency: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target, baseUrl);
  const latencies: number[] = [];
  let sent = 0;
  let failures = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const request = http.get(url, { agent, headers: { api_access_token: "bench-token" } }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode !== 200) failures += 1;
          latencies.push(performance.now() - start);
          resolve();
        });
      });
      request.on("error", () => {
        failures += 1;
        resolve();
      });
    });
  const started = performance.now();
  const worker = async () => {
    while (sent < total && performance.now() - started < loadTimeLimitMs) {
      sent += 1;
      await once();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
  return { requests: latencies.length, perSecond: (latencies.length / elapsed) * 1000, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies.at(-1) ?? NaN, failures };
}

/** A plain Node http server that answers the mock's list-labels body: the floor Prism is compared with. */
async function startPlainServer(body: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function machine(): Promise<string> {
  const osName = (await readFile("/etc/os-release", "utf8").catch(() => "")).match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] ?? `${os.type()} ${os.release()}`;
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${osName}, Node.js ${process.version}`;
}

const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const range = (timing: Timing) => `${ms(timing.median)} (${ms(timing.min)}–${ms(timing.max)})`;

async function main(): Promise<void> {
  const options = parseOptions({ record: { type: "boolean", default: false }, requests: { type: "string" }, concurrency: { type: "string" }, runs: { type: "string" } });
  const whole = (raw: string | undefined, name: string, fallback: number, max: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new ScriptError(`--${name} needs a whole number from 1 to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const requests = whole(options.requests, "requests", 3000, 100_000);
  const concurrency = whole(options.concurrency, "concurrency", 4, 64);
  const runs = whole(options.runs, "runs", 3, 20);

  const loadAtStart = os.loadavg()[0].toFixed(2);
  const { dir, cleanup } = await tempDir("bench");
  const builds: [string, Timing][] = [];
  const mock: [string, string][] = [];
  try {
    const bundle = path.join(dir, "openapi.json");
    const measure = async (name: string, work: () => Promise<unknown>) => {
      step(`timing ${name} (${runs} runs)`);
      builds.push([name, await timeRuns(runs, work)]);
    };
    await measure("bundle: `redocly bundle` to JSON", () => runLocalBin("redocly", ["bundle", "ndoto@v1", "-o", bundle]));
    await measure("types: openapi-typescript, in process", async () => astToString(await openapiTS(pathToFileURL(bundle), { defaultNonNullable: false })));
    const bundleText = await readFile(bundle, "utf8");
    await measure("Postman collection: openapi-to-postmanv2, in process", () => postmanCollectionFrom(bundleText));
    await measure("docs: `redocly build-docs --inlineBundle`", () => runLocalBin("redocly", ["build-docs", "ndoto@v1", "--inlineBundle", "-o", path.join(dir, "docs.html")]));
    await measure("`npm run generate` (bundle YAML+JSON, types, Postman)", () => runLocalBin("tsx", ["scripts/generate.ts", "--dir", path.join(dir, "generated")]));
    await measure("lint: `redocly lint`", () => runLocalBin("redocly", ["lint"]));
    await measure("security audit: `npm run check:security`", () => runLocalBin("tsx", ["scripts/check-security.ts"]));
    await measure("breaking-change diff: `redocly diff` (bundle vs itself)", () => runLocalBin("redocly", ["diff", bundledJson, bundle, "--config", "redocly.diff.yaml", "--fail-on", "none"]));
    await measure("OAS 3.1 schema validation: @seriousme, in process", async () => new Validator().validate(JSON.parse(bundleText)));

    step(`timing the Prism mock's start (${runs} runs)`);
    const start = await timeRuns(runs, async () => (await startMock({ port: await freePort(), logLevel: "error" })).stop());
    mock.push(["Prism start, until it answers HTTP", range(start)]);

    const prism = await startMock({ port: await freePort(), logLevel: "error" });
    const body = await fetch(new URL(target, prism.url), { headers: { api_access_token: "bench-token" } }).then((response) => response.text());
    const plain = await startPlainServer(body);
    try {
      for (const [name, url] of [["Prism mock (static, -v error)", prism.url], ["plain Node http server", plain.url]] as const) {
        step(`loading ${name}: ${requests} GET ${target}, ${concurrency} at a time (after a warm-up)`);
        await load(url, Math.min(200, requests), concurrency);
        const result = await load(url, requests, concurrency);
        if (result.failures > 0) throw new ScriptError(`${name}: ${result.failures} of ${result.requests} requests failed or were not 200`);
        mock.push([
          name,
          `${Math.round(result.perSecond)} req/s; p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)}, max ${ms(result.max)} (${result.requests} requests)`,
        ]);
      }
    } finally {
      await Promise.all([prism.stop(), plain.stop()]);
    }
  } finally {
    await cleanup();
  }

  const section = [
    heading,
    "",
    `Measured by \`npm run bench:tooling\` on ${new Date().toISOString().slice(0, 10)}.`,
    "",
    `- Machine: ${await machine()}; load average ${loadAtStart} when the run started.`,
    `- Build times: wall-clock median of ${runs} runs (fastest–slowest); a command's time includes starting its process.`,
    `- Load: ${requests} GET ${target} over ${concurrency} keep-alive connections from the same machine (loopback,`,
    "  127.0.0.1), after a 200-request warm-up. Client and server share the cores: read the figures as sizes, not limits.",
    "",
    "| build step | time |",
    "|---|---|",
    ...builds.map(([name, timing]) => `| ${name} | ${range(timing)} |`),
    "",
    "| mock | figure |",
    "|---|---|",
    ...mock.map(([name, figure]) => `| ${name} | ${figure} |`),
    "",
  ].join("\n");
  process.stdout.write(`\n${section}\n`);

  if (options.record) {
    const current = await readFile(benchmarksFile, "utf8").catch(() => "# Benchmarks\n");
    const start = current.indexOf(`${heading}\n`);
    const end = start < 0 ? -1 : current.slice(start + heading.length).search(/^## /m);
    const updated =
      start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${end < 0 ? "" : `\n${current.slice(start + heading.length + end)}`}`;
    const { dir: staging, cleanup: cleanupStaging } = await tempDir("benchmarks");
    try {
      await writeFile(path.join(staging, "BENCHMARKS.md"), updated);
      await moveIntoPlace(path.join(staging, "BENCHMARKS.md"), benchmarksFile);
    } finally {
      await cleanupStaging();
    }
    done(`recorded under "${heading}" in BENCHMARKS.md`);
  }
}

runMain(main);
