// A loopback HTTP server for the throughput benchmark: answers every request with the seed's label
// list, as JSON. Started as its own process, so that serving does not slow down the measured client.
import http from "node:http";

const body = JSON.stringify({ payload: [{ id: 3, title: "billing", description: "Billing and payment questions", color: "#1F93FF", show_on_sidebar: true, created_at: 1711000000 }] });
const server = http.createServer((request, response) => {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
