// Starts and stops the Prism mock server. Used by `npm run mock`, `npm start` and the test suite.
import { spawn, type ChildProcess } from "node:child_process";
import { bundledYaml, localBin, projectRoot } from "./project";

export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

export interface MockOptions {
  port: number;
  host?: string;
  spec?: string;
  /** Prism's log level; `warn` keeps per-request logging (which halves throughput) off. */
  logLevel?: "error" | "warn" | "info";
  /** Where Prism's own output goes; by default it is kept and shown only if Prism fails to start. */
  output?: "inherit" | "capture";
  startTimeoutMs?: number;
  /**
   * Keep Prism out of the terminal's Ctrl-C: the caller stops it when it is done (the contract CLI
   * still needs the mock while it cleans up after a Ctrl-C).
   */
  ignoreTerminalSignals?: boolean;
}

export async function startMock(options: MockOptions): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const url = `http://${host}:${options.port}`;
  const args = ["mock", options.spec ?? bundledYaml, "--host", host, "--port", String(options.port), "--errors", "-v", options.logLevel ?? "warn"];
  const child = spawn(localBin("prism"), args, {
    cwd: projectRoot,
    stdio: ["ignore", options.output === "inherit" ? "inherit" : "pipe", options.output === "inherit" ? "inherit" : "pipe"],
    detached: options.ignoreTerminalSignals ?? false, // its own process group: Ctrl-C reaches only us
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const stop = () => stopProcess(child);
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nPrism said:\n${output.trim() || "(nothing)"}`);
  }
  return { url, stop };
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Prism exited before it served ${url}`);
    try {
      await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(1000) });
      return; // any HTTP answer (even 404) means the server is up
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
