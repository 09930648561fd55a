// npm start: regenerates generated/, builds the docs page, then serves the mock (4010) and the docs (4011) until Ctrl-C.
import { startMock } from "./lib/prism";
import { assertPortFree } from "./lib/net";
import { parseOptions, toPort } from "./lib/options";
import { runLocalBin } from "./lib/run";
import { done, runMain, ScriptError, step } from "./lib/log";
import { buildDocs } from "./build-docs";
import { serveDocs } from "./lib/docs-server";

runMain(async () => {
  const options = parseOptions({ port: { type: "string" }, "docs-port": { type: "string" } });
  const mockPort = toPort(options.port, "port", 4010);
  const docsPort = toPort(options["docs-port"], "docs-port", 4011);
  await assertPortFree(mockPort, "mock server");
  await assertPortFree(docsPort, "docs server");

  step("regenerating generated/ from openapi/");
  await runLocalBin("tsx", ["scripts/generate.ts"]);
  const page = await buildDocs();
  step(`starting the Prism mock on 127.0.0.1:${mockPort}`);
  const mock = await startMock({ port: mockPort });
  const docs = await serveDocs(page, docsPort).catch(async (error: Error) => {
    await mock.stop(); // do not leave Prism running when the docs server cannot start
    throw new ScriptError(`could not serve the docs on port ${docsPort}: ${error.message}`);
  });

  done(`mock server: ${mock.url}  (e.g. curl -H 'api_access_token: any' ${mock.url}/api/v1/accounts/1/labels)`);
  done(`docs page:   ${docs.url}/`);
  process.stderr.write("Ctrl-C stops both.\n");

  const shutdown = async () => {
    await docs.stop();
    await mock.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
});
