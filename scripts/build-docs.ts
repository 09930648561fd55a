// Builds the self-contained docs page from generated/openapi.json (so it carries the code samples)
// into dist/docs/index.html: Redoc inlined, the Ndoto template, nothing loaded from other hosts.
//   npm run docs                 (run `npm run generate` first after changing openapi/)
//   --out FILE                   write the page elsewhere
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledJson, docsPage, docsTemplate, projectRoot } from "./lib/project";
import { runLocalBin } from "./lib/run";
import { done, runMain, step } from "./lib/log";
import { moveIntoPlace, tempDir } from "./lib/files";
import { parseOptions } from "./lib/options";

// Redoc's "API docs by Redocly" badge loads its logo from Redocly's CDN. The page must work offline
// and load nothing from elsewhere, so the badge gets a small inline wordmark instead.
const remoteLogos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const inlineWordmark =
  "data:image/svg+xml," +
  encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#555">Redocly</text></svg>`);

export async function buildDocs(output: string = docsPage): Promise<string> {
  const { dir, cleanup } = await tempDir("docs");
  try {
    step(`building the docs page from ${path.relative(projectRoot, bundledJson)} (redocly build-docs --inlineBundle)`);
    const staged = path.join(dir, "index.html");
    await runLocalBin("redocly", ["build-docs", bundledJson, "--inlineBundle", "--template", docsTemplate, "-o", staged]);
    let html = await readFile(staged, "utf8");
    for (const logo of remoteLogos) html = html.replaceAll(logo, inlineWordmark);
    await writeFile(staged, html);
    await moveIntoPlace(staged, output);
    done(`wrote ${path.relative(projectRoot, output)}`);
    return output;
  } finally {
    await cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(async () => {
    const options = parseOptions({ out: { type: "string" } });
    await buildDocs(options.out ? path.resolve(options.out) : docsPage);
  });
}
