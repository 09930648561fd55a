// `npm start` end to end: it builds, serves the mock and the docs, prints both URLs, and stops on Ctrl-C.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { localBin, projectRoot } from "../scripts/lib/project";
import { freePort } from "../scripts/lib/net";

describe("npm start", () => {
  it("serves the seed's labels on the mock and the docs page, then stops on SIGINT", async () => {
    const [mockPort, docsPort] = [await freePort(), await freePort()];
    const child = spawn(localBin("tsx"), ["scripts/start.ts", "--port", String(mockPort), "--docs-port", String(docsPort)], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes("Ctrl-C stops both") && Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(output).toContain(`mock server: http://127.0.0.1:${mockPort}`);
      expect(output).toContain(`docs page:   http://127.0.0.1:${docsPort}/`);

      const labels = await fetch(`http://127.0.0.1:${mockPort}/api/v1/accounts/1/labels`, { headers: { api_access_token: "YOUR_TOKEN" } });
      expect(labels.status).toBe(200);
      expect(await labels.json()).toEqual({
        payload: [{ id: 3, title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 }],
      });
      const anonymous = await fetch(`http://127.0.0.1:${mockPort}/api/v1/accounts/1/labels`);
      expect(anonymous.status).toBe(401);

      const docs = await fetch(`http://127.0.0.1:${docsPort}/`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("<title>Ndoto REST API</title>");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it("refuses a port that is already taken, saying which", async () => {
    const net = await import("node:net");
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const child = spawn(localBin("tsx"), ["scripts/start.ts", "--port", String(port), "--docs-port", String(await freePort())], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} for the mock server is already in use`);
    } finally {
      blocker.close();
    }
  });
});
