// Serves the built docs page on 127.0.0.1. The page routes in the browser (/labels, /section/...),
// so every GET answers with the page itself; a reload on such an address then still works.
import http from "node:http";
import { readFile } from "node:fs/promises";

export interface RunningDocsServer {
  url: string;
  stop(): Promise<void>;
}

export function serveDocs(page: string, port: number): Promise<RunningDocsServer> {
  const server = http.createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("The docs page only answers GET.\n");
      return;
    }
    try {
      // Read on each request so a rebuilt page is served without a restart.
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(await readFile(page));
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(`Could not read the docs page ${page}: ${(error as Error).message}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections(); // browsers keep connections open, which close() would wait for
          }),
      }),
    );
  });
}
