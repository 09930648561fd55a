import { spawn } from "node:child_process";
import { localBin, projectRoot } from "./project";
import { ScriptError } from "./log";

// Redocly CLI on Node 20 prints a boxed "update Node.js" banner on every run; it says nothing about our work.
const bannerLine = /^\s*[╔║╚]/;

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a project-local binary and captures its output, whatever its exit code. For tools whose
 * non-zero exit is an answer to read (a linter's findings), not a failure to report.
 */
export function runLocalBinCapture(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(localBin(name), args, {
      cwd: projectRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => reject(new ScriptError(`could not start ${name}: ${error.message} (did you run npm ci?)`)));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A tool's own messages without blank lines and Redocly's Node.js banner. */
export function toolOutput({ stdout, stderr }: BinResult): string {
  return `${stdout}\n${stderr}`
    .split("\n")
    .filter((line) => line.trim() !== "" && !bannerLine.test(line))
    .join("\n");
}

/**
 * Runs a project-local binary, capturing its output. Resolves with stdout on exit code 0;
 * otherwise rejects with the tool's own messages, so the caller's error says what went wrong.
 */
export async function runLocalBin(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runLocalBinCapture(name, args, env);
  if (result.code === 0) return result.stdout;
  throw new ScriptError(`${name} ${args.join(" ")} failed (exit ${result.code}):\n${toolOutput(result)}`);
}
