// `tsc --noEmit` on an app file using the client against the same app using raw fetch (typed with
// the package's schema types), in a fresh project that has the package installed. Whole tsc runs,
// alternating, median of several. Measured as CPU time (user + system, from bash's `time`): on a
// shared machine wall time mostly measures the other jobs.
import { execFile } from "node:child_process";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { tempDir } from "../scripts/lib/files";
import { step } from "../scripts/lib/log";
import { localBin, projectRoot } from "../scripts/lib/project";
import { buildPackageOnce, median, type Bench } from "./lib";

const run = promisify(execFile);
const runs = 7;

// The same five calls, once through the client and once with fetch.
const clientApp = `
import { createNdotoClient } from "@ndoto/api-client";

const client = createNdotoClient({ token: "YOUR_TOKEN", accountId: 1 });

export async function titles(): Promise<string[]> {
  const { data } = await client.GET("/api/v1/accounts/{account_id}/labels");
  return data?.payload.map((label) => label.title) ?? [];
}
export async function colour(id: number): Promise<string | undefined> {
  const { data } = await client.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id } } });
  return data?.color;
}
export async function create(title: string): Promise<number | undefined> {
  const { data } = await client.POST("/api/v1/accounts/{account_id}/labels", { body: { title } });
  return data?.id;
}
export async function recolour(id: number, color: string): Promise<boolean> {
  const { response } = await client.PATCH("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id } }, body: { color } });
  return response.ok;
}
export async function remove(id: number): Promise<boolean> {
  const { response } = await client.DELETE("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id } } });
  return response.ok;
}
`;

const rawApp = `
import type { components } from "@ndoto/api-client";

type Schemas = components["schemas"];
const base = "https://app.usendoto.com/api/v1/accounts/1";
const headers = { api_access_token: "YOUR_TOKEN", "content-type": "application/json" };

export async function titles(): Promise<string[]> {
  const response = await fetch(\`\${base}/labels\`, { headers });
  const body = (await response.json()) as Schemas["LabelList"];
  return body.payload.map((label) => label.title);
}
export async function colour(id: number): Promise<string | undefined> {
  const response = await fetch(\`\${base}/labels/\${id}\`, { headers });
  return response.ok ? ((await response.json()) as Schemas["Label"]).color : undefined;
}
export async function create(title: string): Promise<number | undefined> {
  const body: Schemas["LabelCreateRequest"] = { title };
  const response = await fetch(\`\${base}/labels\`, { method: "POST", headers, body: JSON.stringify(body) });
  return response.ok ? ((await response.json()) as Schemas["Label"]).id : undefined;
}
export async function recolour(id: number, color: string): Promise<boolean> {
  const body: Schemas["LabelUpdateRequest"] = { color };
  return (await fetch(\`\${base}/labels/\${id}\`, { method: "PATCH", headers, body: JSON.stringify(body) })).ok;
}
export async function remove(id: number): Promise<boolean> {
  return (await fetch(\`\${base}/labels/\${id}\`, { method: "DELETE", headers })).ok;
}
`;

/** A tsconfig as an app would have it (tsc --init's defaults that matter: strict, skipLibCheck). */
function tsconfig(file: string): string {
  return JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["ES2023", "DOM"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true, types: [] }, files: [file] });
}

async function typescriptVersion(): Promise<string> {
  return JSON.parse(await readFile(path.join(projectRoot, "node_modules/typescript/package.json"), "utf8")).version;
}

/** CPU seconds (user + system) of one whole `tsc -p config` run in `project`, in milliseconds. */
async function timeTsc(project: string, config: string): Promise<number> {
  const { stderr } = await run("bash", ["-c", `TIMEFORMAT='%3U %3S'; time ${JSON.stringify(localBin("tsc"))} -p ${JSON.stringify(config)}`], { cwd: project });
  const [user, system] = stderr.trim().split(/\s+/).slice(-2).map(Number);
  if (!Number.isFinite(user) || !Number.isFinite(system)) throw new Error(`could not read the CPU time of tsc from: ${stderr}`);
  return (user + system) * 1000;
}

const bench: Bench = {
  name: "typecheck",
  async run() {
    await buildPackageOnce();
    const { dir, cleanup } = await tempDir("bench-tsc");
    try {
      // The package as installed: node_modules/@ndoto/api-client is this repository (built).
      await mkdir(path.join(dir, "node_modules/@ndoto"), { recursive: true });
      await symlink(projectRoot, path.join(dir, "node_modules/@ndoto/api-client"), "dir");
      await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "bench-app", private: true, type: "module" }));
      await writeFile(path.join(dir, "client-app.ts"), clientApp);
      await writeFile(path.join(dir, "raw-app.ts"), rawApp);
      await writeFile(path.join(dir, "tsconfig.client.json"), tsconfig("client-app.ts"));
      await writeFile(path.join(dir, "tsconfig.raw.json"), tsconfig("raw-app.ts"));
      step(`typecheck: ${runs} tsc runs per app, alternating`);
      const times = { client: [] as number[], raw: [] as number[] };
      for (let i = 0; i < runs; i++) {
        times.raw.push(await timeTsc(dir, "tsconfig.raw.json"));
        times.client.push(await timeTsc(dir, "tsconfig.client.json"));
      }
      return [
        {
          benchmark: "tsc --noEmit on an app file (CPU time)",
          unit: "ms",
          baseline: { label: "raw fetch + schema types", value: Math.round(median(times.raw)) },
          measured: { label: "createNdotoClient", value: Math.round(median(times.client)) },
          target: { atMost: 1.5 },
          note: `median CPU time (user + system) of ${runs} whole tsc runs each (process start included), skipLibCheck on, TypeScript ${await typescriptVersion()}`,
        },
      ];
    } finally {
      await cleanup();
    }
  },
};
export default bench;
