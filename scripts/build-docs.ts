// Builds the self-contained docs page (Redoc inlined, so it works offline) into dist/docs/index.html.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { docsPage, projectRoot } from "./lib/project";
import { runLocalBin } from "./lib/run";
import { done, runMain, step } from "./lib/log";
import { moveIntoPlace, tempDir } from "./lib/files";

export async function buildDocs(): Promise<string> {
  const { dir, cleanup } = await tempDir("docs");
  try {
    step("building the docs page (redocly build-docs --inlineBundle)");
    const staged = path.join(dir, "index.html");
    await runLocalBin("redocly", ["build-docs", "ndoto@v1", "--inlineBundle", "-o", staged]);
    await moveIntoPlace(staged, docsPage);
    done(`wrote ${path.relative(projectRoot, docsPage)}`);
    return docsPage;
  } finally {
    await cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) runMain(async () => void (await buildDocs()));
