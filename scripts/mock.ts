// Serves the Prism mock of generated/openapi.yaml until Ctrl-C.
//   npm run mock [-- --port 4010]
import { startMock } from "./lib/prism";
import { assertPortFree } from "./lib/net";
import { parseOptions, toPort } from "./lib/options";
import { done, runMain, step } from "./lib/log";

runMain(async () => {
  const options = parseOptions({ port: { type: "string" } });
  const port = toPort(options.port, "port", 4010);
  await assertPortFree(port, "mock server");
  step(`starting the Prism mock on 127.0.0.1:${port}`);
  const mock = await startMock({ port });
  done(`mock server: ${mock.url}  (send api_access_token; Ctrl-C stops it)`);
  const shutdown = () => void mock.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
