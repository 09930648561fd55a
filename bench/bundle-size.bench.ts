// Size of an app that imports only createNdotoClient, against the same app on bare openapi-fetch:
// esbuild, minified, then gzip -9, as a browser bundle.
import { gzipSync } from "node:zlib";
import path from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../scripts/lib/project";
import { buildPackageOnce, type Bench } from "./lib";

const clientApp = `
import { createNdotoClient } from ${JSON.stringify(path.join(projectRoot, "dist/package/esm/index.js"))};
const client = createNdotoClient({ token: "YOUR_TOKEN", accountId: 1 });
client.GET("/api/v1/accounts/{account_id}/labels").then(({ data }) => console.log(data));
`;

const bareApp = `
import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://app.usendoto.com", headers: { api_access_token: "YOUR_TOKEN" } });
client.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 1 } } }).then(({ data }) => console.log(data));
`;

/** Minified and gzipped size in bytes of an app bundled with everything it imports. */
async function gzippedBundle(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: projectRoot, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const bench: Bench = {
  name: "bundle-size",
  async run() {
    await buildPackageOnce();
    const [bare, client] = [await gzippedBundle(bareApp), await gzippedBundle(clientApp)];
    return [
      {
        benchmark: "app bundle (esbuild --minify, gzip -9)",
        unit: "bytes",
        baseline: { label: "bare openapi-fetch", value: bare },
        measured: { label: "createNdotoClient", value: client },
        target: { atMost: 1.3 },
      },
    ];
  },
};
export default bench;
