// One sample of the throughput benchmark, in a fresh process: the contenders named in argv[6] (from
// raw, client, bare) take turns in short rounds against the server at argv[2]. Only the contenders
// of one comparison share a process: a third one changes how V8 optimises fetch for the other two.
// Prints each contender's requests per second as JSON on stdout.
import openapiFetch from "openapi-fetch";
import { createNdotoClient } from "../../src/client/index";
import type { paths } from "../../generated/openapi-types";

const [baseUrl, roundsText, roundMsText, concurrencyText, contenderList] = process.argv.slice(2);
const rounds = Number(roundsText);
const roundMs = Number(roundMsText);
const concurrency = Number(concurrencyText);
const token = "bench-token";

const client = createNdotoClient({ baseUrl, token, accountId: 1 });
const bare = openapiFetch<paths>({ baseUrl, headers: { api_access_token: token } });
const all: Record<string, () => Promise<unknown>> = {
  raw: () => fetch(`${baseUrl}/api/v1/accounts/1/labels`, { headers: { api_access_token: token } }).then((response) => response.json()),
  client: () => client.GET("/api/v1/accounts/{account_id}/labels"),
  bare: () => bare.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 1 } } }),
};
const names = contenderList.split(",");
const contenders = Object.fromEntries(names.map((name) => [name, all[name]]));

/** Completed requests during `ms`, with `concurrency` requests in flight. */
async function countFor(request: () => Promise<unknown>, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await request();
        done++;
      }
    }),
  );
  return done;
}

// Sanity: each contender really gets the label list.
for (const [name, request] of Object.entries(contenders)) {
  const answer = (await request()) as { payload?: unknown[]; data?: { payload: unknown[] } };
  if (!(answer.payload ?? answer.data?.payload)?.length) throw new Error(`${name} did not get the label list`);
}
for (let warmUp = 0; warmUp < 4; warmUp++) for (const request of Object.values(contenders)) await countFor(request, 300);

const counts: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  // Rotate the order each round so no contender always runs right after another.
  for (let turn = 0; turn < names.length; turn++) {
    const name = names[(round + turn) % names.length];
    counts[name].push(await countFor(contenders[name], roundMs));
  }
}
const seconds = (rounds * roundMs) / 1000;
process.stdout.write(JSON.stringify(Object.fromEntries(names.map((name) => [name, counts[name].reduce((sum, count) => sum + count, 0) / seconds]))));
