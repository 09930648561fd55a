// A tiny HTTP proxy in front of the mock that remembers every exchange, so a test can see exactly
// what a code sample in any language sent and what it got back, without changing the sample.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedExchange {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  requestHeaders: http.IncomingHttpHeaders;
  requestBody: Buffer;
  status: number;
  responseHeaders: Headers;
  responseBody: string;
}

export interface RecordingProxy {
  url: string;
  /** Returns the exchanges recorded since the last call and forgets them. */
  take(): RecordedExchange[];
  stop(): Promise<void>;
}

// Headers that belong to one connection, not to the request, and must not be forwarded.
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host", "content-length", "expect", "proxy-connection"]);

export async function startRecordingProxy(targetBaseUrl: string): Promise<RecordingProxy> {
  let recorded: RecordedExchange[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const requestBody = Buffer.concat(chunks);
    const headers = Object.entries(request.headers).flatMap(([name, value]) =>
      hopByHop.has(name) || value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item) => [name, item] as [string, string]),
    );
    try {
      const answer = await fetch(targetBaseUrl + request.url, {
        method: request.method,
        headers,
        body: requestBody.length > 0 ? requestBody : undefined,
        redirect: "manual",
      });
      const responseBody = await answer.text();
      recorded.push({ method: request.method ?? "", url: request.url ?? "", requestHeaders: request.headers, requestBody, status: answer.status, responseHeaders: answer.headers, responseBody });
      const outHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!hopByHop.has(name) && name !== "content-encoding") outHeaders[name] = value;
      });
      response.writeHead(answer.status, outHeaders).end(responseBody);
    } catch (error) {
      response.writeHead(502, { "content-type": "text/plain" }).end(`recording proxy could not reach ${targetBaseUrl}: ${(error as Error).message} ${String((error as Error).cause ?? "")}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
