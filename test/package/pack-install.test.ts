// The package as integrators get it: `npm pack` (which builds it), install the tarball into a fresh
// project, type-check and compile an ES-module and a CommonJS app with tsc, and run both against a
// stub server. Slow (a build and an install), hence its own generous timeout.
import { execFile } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../scripts/lib/files";
import { localBin, projectRoot } from "../../scripts/lib/project";

const run = promisify(execFile);
const consumerFixture = path.join(projectRoot, "test/fixtures/package-consumer");
const minutes = 60_000;
const typesNodeVersion = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")).devDependencies["@types/node"] as string;

interface PackedFile {
  path: string;
}

let work: Awaited<ReturnType<typeof tempDir>>;
let packed: { filename: string; files: PackedFile[] };
let consumer: string;
let server: http.Server;
let baseUrl: string;

/** Runs npm with the output kept; a failure reports npm's own messages. */
async function npm(args: string[], cwd: string): Promise<string> {
  try {
    return (await run("npm", args, { cwd, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** Installs from npm's cache only when it can (fast, no network); falls back to the registry. */
async function installFromCache(packages: string[], cwd: string): Promise<void> {
  const flags = ["--no-audit", "--no-fund", "--ignore-scripts"];
  try {
    await npm(["install", ...packages, "--offline", ...flags], cwd);
  } catch {
    await npm(["install", ...packages, "--prefer-offline", ...flags], cwd);
  }
}

beforeAll(async () => {
  work = await tempDir("pack");
  // npm pack runs the prepack script, which builds dist/package.
  const stdout = await npm(["pack", "--json", "--pack-destination", work.dir], projectRoot);
  packed = JSON.parse(stdout)[0];

  consumer = path.join(work.dir, "consumer");
  await cp(consumerFixture, consumer, { recursive: true });
  await writeFile(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await installFromCache([path.join(work.dir, packed.filename), `@types/node@${typesNodeVersion}`], consumer);

  // A stub Ndoto: labels of account 7 for the consumer's token, 404 for label 404, 401 otherwise.
  server = http.createServer((request, response) => {
    const send = (status: number, body: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.headers.api_access_token !== "consumer-token") return send(401, { error: "Invalid access_token" });
    if (request.url === "/api/v1/accounts/7/labels") return send(200, { payload: [{ id: 3, title: "billing", description: null, color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 }] });
    send(404, { error: "Resource could not be found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 5 * minutes);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await work?.cleanup();
});

describe("the packed client", () => {
  it("ships only the built package, the bundled description and the package's own files", async () => {
    const files = packed.files.map((file) => file.path);
    // npm always packs the files `bin` names, whatever `files` says.
    const bins = Object.values<string>(JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")).bin ?? {}).map((file) => path.normalize(file));
    const allowed = /^(dist\/package\/(esm|cjs)\/.+|generated\/openapi\.json|package\.json|README\.md)$/;
    expect(files.filter((file) => !allowed.test(file) && !bins.includes(file)), "files outside the package").toEqual([]);
    for (const needed of ["dist/package/esm/index.js", "dist/package/esm/webhooks.js", "dist/package/cjs/index.js", "dist/package/cjs/webhooks.js", "dist/package/cjs/package.json", "dist/package/esm/types/src/client/index.d.ts", "dist/package/cjs/types/src/client/webhooks.d.ts", "generated/openapi.json"]) {
      expect(files, needed).toContain(needed);
    }
  });

  it("type-checks an ES-module and a CommonJS consumer (tsc, NodeNext, no skipLibCheck)", async () => {
    const failure = await run(localBin("tsc"), ["-p", "tsconfig.json"], { cwd: consumer }).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure, "tsc reported errors").toBe("");
  }, 2 * minutes);

  it.each([
    ["ES module", "out/esm.mjs", "esm"],
    ["CommonJS", "out/cjs.cjs", "cjs"],
  ])("runs as %s against a server", async (_, script, format) => {
    const { stdout } = await run(process.execPath, [script, baseUrl], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ format, titles: ["billing"], status: 404, webhookEvent: "message_created", webhook: "WebhookValidationError", openapi: "3.1.0" });
  });
});
