import { spawn } from "node:child_process";
import { localBin, projectRoot } from "./project";
import { ScriptError } from "./log";

// Redocly CLI on Node 20 prints a boxed "update Node.js" banner on every run; it says nothing about our work.
const bannerLine = /^\s*[╔║╚]/;

/**
 * Runs a project-local binary, capturing its output. Resolves with stdout on exit code 0;
 * otherwise rejects with the tool's own messages, so the caller's error says what went wrong.
 */
export function runLocalBin(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
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
    child.on("close", (code) => {
      if (code === 0) return resolve(stdout);
      const output = `${stdout}\n${stderr}`
        .split("\n")
        .filter((line) => line.trim() !== "" && !bannerLine.test(line))
        .join("\n");
      reject(new ScriptError(`${name} ${args.join(" ")} failed (exit ${code}):\n${output}`));
    });
  });
}
