// Requests per second through createNdotoClient against raw fetch, against the same loopback server
// (its own process); each request includes reading the JSON body. On a shared machine one sample
// swings by several percent (load, JIT luck), so the run takes several samples, each in a fresh
// process where the contenders take turns in short rounds, and reports the median sample.
import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { localBin } from "../scripts/lib/project";
import { step } from "../scripts/lib/log";
import { median, type Bench } from "./lib";

const run = promisify(execFile);
const samples = 5;
const bareSamples = 2;
const rounds = 40;
const roundMs = 150;
const concurrency = 10;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Starts the loopback server; resolves with its URL and a stop function. */
async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [here("./servers/labels-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`the benchmark server exited early (code ${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** Requests per second of each contender in one sample. */
type Sample = Record<string, number>;

const bench: Bench = {
  name: "throughput",
  async run() {
    const server = await startServer();
    try {
      const sample = async (label: string, contenders: string): Promise<Sample> => {
        step(`throughput: ${label} (${rounds} rounds of ${roundMs} ms per contender, ${concurrency} requests in flight)`);
        const { stdout } = await run(localBin("tsx"), [here("./servers/throughput-worker.ts"), server.url, String(rounds), String(roundMs), String(concurrency), contenders]);
        return JSON.parse(stdout);
      };
      const taken: Sample[] = [];
      for (let i = 1; i <= samples; i++) taken.push(await sample(`sample ${i} of ${samples}, raw fetch and the client`, "raw,client"));
      // For comparison only: bare openapi-fetch, in processes of its own.
      const bare: Sample[] = [];
      for (let i = 1; i <= bareSamples; i++) bare.push(await sample(`bare openapi-fetch, ${i} of ${bareSamples}`, "raw,bare"));
      const ratios = taken.map((one) => one.client / one.raw);
      return [
        {
          benchmark: "requests/s, loopback server",
          unit: "req/s",
          baseline: { label: "raw fetch", value: Math.round(median(taken.map((one) => one.raw))) },
          measured: { label: "createNdotoClient", value: Math.round(median(taken.map((one) => one.client))) },
          ratio: median(ratios),
          target: { atLeast: 0.95 },
          note: `median of ${samples} samples, each a fresh process with ${rounds} rounds of ${roundMs} ms per contender and ${concurrency} requests in flight; the samples: ${ratios.map((value) => value.toFixed(2)).join(", ")}; bare openapi-fetch, measured the same way: ${bare.map((one) => `${(one.bare / one.raw).toFixed(2)}×`).join(", ")} raw fetch`,
        },
      ];
    } finally {
      server.stop();
    }
  },
};
export default bench;
