// Builds the client package into dist/package/: ESM and CommonJS bundles of the two entry points
// (esbuild) and their type declarations (tsc). `npm pack` runs it first (the `prepack` script).
//   npm run build:package
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { bundledJson, projectRoot } from "./lib/project";
import { runLocalBin } from "./lib/run";
import { done, runMain, step } from "./lib/log";

const packageDir = path.join(projectRoot, "dist/package");
/** The entry points, as `exports` names them (`.` and `./webhooks`). */
const entryPoints = { index: "src/client/index.ts", webhooks: "src/client/webhooks.ts" };

/**
 * The webhooks entry needs only what a payload is checked against: each event's payload schema in
 * `webhooks`, and `components.schemas`, which those refer to. Paths, examples and prose would only
 * make it bigger.
 */
const webhookSchemasOnly: Plugin = {
  name: "bundled-description-webhook-schemas-only",
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]generated[\\/]openapi\.json$/ }, async (file) => {
      if (path.resolve(file.path) !== bundledJson) return undefined;
      const { openapi, webhooks = {}, components } = JSON.parse(await readFile(file.path, "utf8"));
      const payloads = Object.fromEntries(
        Object.entries<any>(webhooks).map(([event, item]) => [event, { post: { requestBody: { content: { "application/json": { schema: item.post.requestBody.content["application/json"].schema } } } } }]),
      );
      return { contents: JSON.stringify({ openapi, paths: {}, webhooks: payloads, components: { schemas: components?.schemas ?? {} } }), loader: "json" };
    });
  },
};

/** Builds the package into `outDir`, an empty folder. */
async function buildPackage(outDir: string): Promise<void> {
  step("bundling src/client (esbuild, ESM and CommonJS)");
  for (const format of ["esm", "cjs"] as const) {
    await build({
      entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, file]) => [name, path.join(projectRoot, file)])),
      outdir: path.join(outDir, format),
      bundle: true,
      format,
      platform: "neutral",
      target: "es2022",
      // Dependencies stay imports, so apps share one copy of openapi-fetch and Ajv.
      packages: "external",
      plugins: [webhookSchemasOnly],
      logLevel: "error",
    });
  }
  // The folder's package.json makes Node and TypeScript read cjs/ as CommonJS (the root says "module").
  await writeFile(path.join(outDir, "cjs/package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

  step("writing type declarations (tsc)");
  const types = path.join(outDir, "esm/types");
  await runLocalBin("tsc", ["-p", "tsconfig.package.json", "--outDir", types]);
  // The same declarations next to the CommonJS files, where they are read as CommonJS.
  await cp(types, path.join(outDir, "cjs/types"), { recursive: true });
}

async function main(): Promise<void> {
  await mkdir(path.dirname(packageDir), { recursive: true });
  // Build next to the target, then swap it in, so a failed build leaves the previous one intact.
  const staging = await mkdtemp(path.join(path.dirname(packageDir), ".package-"));
  try {
    await buildPackage(staging);
    await rm(packageDir, { recursive: true, force: true });
    await rename(staging, packageDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  done(`built ${path.relative(projectRoot, packageDir)}`);
}

runMain(main);
