// Runs the generated code samples (curl, JavaScript, TypeScript, Python, PHP, Ruby) with the host
// pointed at a recording proxy in front of the mock, and checks what each one really did: it
// exited cleanly, sent exactly the documented request (method, path, query, token, body) and got a
// documented success response that conforms to the spec.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { generatedDir, projectRoot } from "../../scripts/lib/project";
import { queryString, type SampleRequest } from "../../scripts/lib/code-samples/request";
import type { OpenApiValidator } from "../../src/validation/openapi-validator";
import { startRecordingProxy, type RecordedExchange } from "./recording-proxy";

const run = promisify(execFile);

/** The production origin the samples call; the tests swap it for the proxy. */
export const productionOrigin = "https://app.usendoto.com";

export interface Runner {
  /** The x-codeSamples `lang` it runs. */
  lang: string;
  file: string;
  /** The program and its arguments, for a sample written to `file` in the current directory. */
  command: () => [string, string[]];
  /** What to install when the program is missing. */
  install: string;
  /** Turns the sample into what the program runs (TypeScript is compiled first). */
  prepare?: (source: string) => string;
}

// Debian's python3-requests installs into Debian's own interpreter, which PATH may hide (pyenv).
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

export const runners: Runner[] = [
  { lang: "curl", file: "sample.sh", command: () => ["bash", ["-e", "sample.sh"]], install: "curl" },
  { lang: "JavaScript", file: "sample.mjs", command: () => [process.execPath, ["sample.mjs"]], install: "(Node.js runs it)" },
  {
    lang: "TypeScript",
    file: "sample.mjs",
    command: () => [process.execPath, ["sample.mjs"]],
    install: "(Node.js runs it once TypeScript compiled it)",
    prepare: (source) => ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
  },
  { lang: "Python", file: "sample.py", command: () => [python, ["sample.py"]], install: "python3-requests" },
  { lang: "PHP", file: "sample.php", command: () => ["php", ["sample.php"]], install: "php-cli php-curl" },
  { lang: "Ruby", file: "sample.rb", command: () => ["ruby", ["sample.rb"]], install: "ruby" },
];

/** Checks that a runner's program works (e.g. Python can import requests, PHP has curl). */
export async function checkRunnerAvailable(runner: Runner): Promise<string | null> {
  const probes: Record<string, [string, string[]]> = {
    curl: ["curl", ["--version"]],
    Python: [python, ["-c", "import requests"]],
    PHP: ["php", ["-r", "exit(function_exists('curl_init') ? 0 : 1);"]],
    Ruby: ["ruby", ["-e", "require 'net/http'; require 'json'"]],
  };
  const probe = probes[runner.lang];
  if (!probe) return null;
  try {
    await run(probe[0], probe[1], { timeout: 15_000 });
    return null;
  } catch {
    return `${runner.lang} samples need ${runner.install} (Debian: apt-get install -y --no-install-recommends ${runner.install}); .ci/run installs them`;
  }
}

/**
 * A scratch folder inside the project (so `openapi-fetch` resolves from node_modules), with
 * `generated/` linked in, as the TypeScript samples import `./generated/openapi-types`.
 */
export async function sampleWorkspace(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const parent = path.join(projectRoot, "node_modules/.cache");
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, "ndoto-samples-"));
  await symlink(generatedDir, path.join(dir, "generated"), "dir");
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface SampleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  exchanges: RecordedExchange[];
}

/**
 * Runs one sample in its own folder, with the production host replaced by a recording proxy of its
 * own in front of `targetUrl` (so samples can run side by side without mixing their requests).
 */
export async function runSample(runner: Runner, source: string, targetUrl: string, workspace: string, files: string[] = []): Promise<SampleRun> {
  if (!source.includes(productionOrigin)) throw new Error(`the ${runner.lang} sample does not call ${productionOrigin}:\n${source}`);
  const dir = await mkdtemp(path.join(workspace, `${runner.lang.toLowerCase()}-`));
  const proxy = await startRecordingProxy(targetUrl);
  try {
    const pointed = source.replaceAll(productionOrigin, proxy.url);
    await writeFile(path.join(dir, runner.file), runner.prepare ? runner.prepare(pointed) : pointed);
    // Files the sample uploads (multipart), with a little content each.
    for (const file of files) await writeFile(path.join(dir, file), `sample upload ${file}\n`);
    const [program, args] = runner.command();
    const result = await run(program, args, { cwd: dir, timeout: 20_000 }).then(
      ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
      (error: { code?: number | string; stdout?: string; stderr?: string; message: string }) => ({
        exitCode: typeof error.code === "number" ? error.code : -1,
        stdout: error.stdout ?? "",
        stderr: error.stderr || error.message,
      }),
    );
    return { ...result, exchanges: proxy.take() };
  } finally {
    await proxy.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The files a request uploads, which must exist next to the sample when it runs. */
export function uploadedFiles(request: SampleRequest): string[] {
  return request.body?.kind === "multipart" ? request.body.fields.flatMap((field) => (field.kind === "file" ? [field.fileName] : [])) : [];
}

/** Splits a recorded multipart body into its field names (files and text alike). */
function multipartFieldNames(body: Buffer): string[] {
  return [...body.toString("latin1").matchAll(/Content-Disposition: form-data; name="([^"]*)"/gi)].map((match) => match[1]);
}

function sameQuery(actual: string, expected: string): boolean {
  const sorted = (text: string) => [...new URLSearchParams(text)].map(([name, value]) => `${name}=${value}`).sort().join("&");
  return sorted(actual) === sorted(expected);
}

/**
 * Everything wrong with one sample run, as readable lines; an empty list means the sample did what
 * the spec describes and got a documented, conforming success response.
 */
export function sampleProblems(runResult: SampleRun, expected: SampleRequest, validator: OpenApiValidator): string[] {
  const output = `\n--- stdout ---\n${runResult.stdout.trim()}\n--- stderr ---\n${runResult.stderr.trim()}`;
  const problems: string[] = [];
  if (runResult.exitCode !== 0) problems.push(`exited with ${runResult.exitCode}${output}`);
  if (runResult.exchanges.length !== 1) {
    problems.push(`made ${runResult.exchanges.length} requests instead of one${runResult.exitCode === 0 ? output : ""}`);
    return problems;
  }
  const exchange = runResult.exchanges[0];
  const [pathPart, query = ""] = exchange.url.split(/\?(.*)/s);
  const method = expected.method.toUpperCase();
  if (exchange.method !== method) problems.push(`sent ${exchange.method}, not ${method}`);
  if (decodeURIComponent(pathPart) !== decodeURIComponent(expected.path)) problems.push(`called ${pathPart}, not ${expected.path}`);
  if (!sameQuery(query, queryString(expected.query).slice(1))) problems.push(`sent the query "${query}", not "${queryString(expected.query).slice(1)}"`);
  for (const [name, value] of expected.headers) {
    if (exchange.requestHeaders[name.toLowerCase()] !== value) problems.push(`sent header ${name}: ${JSON.stringify(exchange.requestHeaders[name.toLowerCase()])}, not ${JSON.stringify(value)}`);
  }

  const contentType = String(exchange.requestHeaders["content-type"] ?? "");
  if (expected.body?.kind === "json") {
    if (!contentType.startsWith("application/json")) problems.push(`sent Content-Type ${JSON.stringify(contentType)}, not application/json`);
    let sent: unknown;
    try {
      sent = JSON.parse(exchange.requestBody.toString("utf8"));
    } catch {
      sent = `(not JSON) ${exchange.requestBody.toString("utf8").slice(0, 200)}`;
    }
    if (JSON.stringify(sent) !== JSON.stringify(expected.body.value)) {
      problems.push(`sent the body ${JSON.stringify(sent)}\n  instead of the example ${JSON.stringify(expected.body.value)}`);
    }
  } else if (expected.body?.kind === "multipart") {
    if (!contentType.startsWith("multipart/form-data")) problems.push(`sent Content-Type ${JSON.stringify(contentType)}, not multipart/form-data`);
    const names = multipartFieldNames(exchange.requestBody).sort();
    const wanted = expected.body.fields.map((field) => field.name).sort();
    if (JSON.stringify(names) !== JSON.stringify(wanted)) problems.push(`sent the form fields ${names.join(", ")}, not ${wanted.join(", ")}`);
  } else if (exchange.requestBody.length > 0) {
    problems.push(`sent a body although the operation takes none: ${exchange.requestBody.toString("utf8").slice(0, 200)}`);
  }

  // The mock answers a correct request with the operation's success example; anything else
  // (a documented 400 or 422 included) means the sample sent something the spec does not accept.
  if (exchange.status < 200 || exchange.status > 299) problems.push(`got ${exchange.status} instead of a success: ${exchange.responseBody.slice(0, 300)}`);
  const violations = exchange.responseHeaders.get("sl-violations");
  if (violations) problems.push(`the mock reported violations: ${violations}`);
  let body: unknown;
  try {
    body = exchange.responseBody === "" ? undefined : JSON.parse(exchange.responseBody);
  } catch {
    body = exchange.responseBody;
  }
  problems.push(
    ...validator.checkResponse({ method: expected.method, path: expected.pathTemplate, status: exchange.status, contentType: exchange.responseHeaders.get("content-type"), body }),
  );
  return problems;
}

/** Type-checks TypeScript samples together against the generated types; returns tsc's complaints per file. */
export async function typeCheckSamples(workspace: string, samples: Array<{ name: string; source: string }>): Promise<string[]> {
  const dir = await mkdtemp(path.join(workspace, "typecheck-"));
  await symlink(path.join(workspace, "generated"), path.join(dir, "generated"), "dir");
  const files = samples.map(({ name, source }, i) => {
    const file = path.join(dir, `${String(i).padStart(3, "0")}-${name.replace(/[^\w-]+/g, "_")}.ts`);
    return { file, source };
  });
  for (const { file, source } of files) await writeFile(file, source);
  const program = ts.createProgram(
    files.map(({ file }) => file),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      skipLibCheck: true,
    },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => {
      const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
}
