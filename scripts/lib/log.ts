// Progress goes to stderr so that stdout stays clean for output other tools may parse.
export function step(message: string): void {
  process.stderr.write(`• ${message}\n`);
}

export function done(message: string): void {
  process.stderr.write(`✔ ${message}\n`);
}

/** Thrown for failures whose message is already clear; main() prints it without a stack trace. */
export class ScriptError extends Error {}

/** Runs a script's main function: prints a clear error and sets a non-zero exit code on failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ScriptError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`✖ ${message}\n`);
    process.exitCode = 1;
  });
}
