// A fetch for unit tests of the client: answers from a script and records what it was sent, and when.
import { vi } from "vitest";

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  /** Date.now() when the request was sent (fake timers make this exact). */
  at: number;
  /**
   * The request itself. Kept, as a real fetch keeps it while in flight: a Request's signal follows
   * the caller's only while the Request is alive, so a forgotten one would never see an abort.
   */
  request: Request;
}

/** One scripted answer: a Response, a function of the request, or an Error to throw (a network failure). */
export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A JSON response, as a server would send it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

/** An answer that never comes: the request only ends when its signal aborts. */
export const hang: Answer = (request) =>
  new Promise((_, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason));
  });

/**
 * A fetch that gives the scripted answers in order (the last one repeats) and records each request.
 * `sent` lists the requests; `bodyReads` settles once their bodies are read.
 */
export function fakeFetch(...answers: Answer[]) {
  const sent: SentRequest[] = [];
  const reads: Promise<void>[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const record: SentRequest = { method: request.method, url: request.url, headers: request.headers, body: "", at: Date.now(), request };
    sent.push(record);
    reads.push(request.clone().text().then((text) => void (record.body = text)));
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer(request) : answer.clone();
  };
  return { fetch, sent, bodyReads: () => Promise.all(reads) };
}

/**
 * With vitest's fake timers on: moves time forward in 5 ms steps until the promise settles, so that
 * timers set along the way (retry waits, timeouts) fire at their exact times. Returns the promise.
 */
export async function settle<T>(promise: Promise<T>, limitMs = 120_000): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let waited = 0; !settled && waited < limitMs; waited += 5) await vi.advanceTimersByTimeAsync(5);
  return promise;
}
