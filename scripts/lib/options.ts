import { parseArgs, type ParseArgsConfig } from "node:util";
import { ScriptError } from "./log";

/** node:util parseArgs in strict mode, with its errors (unknown option, missing value) made script errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(options: T) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ScriptError(`${(error as Error).message}\nknown options: ${Object.keys(options).map((name) => `--${name}`).join(", ")}`);
  }
}

/** Turns an option's text into a TCP port, or fails naming the option and the bad value. */
export function toPort(raw: string | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ScriptError(`--${option} needs a port number from 1 to 65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}
