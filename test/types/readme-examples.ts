// The client examples of README.md ("The typed client"), type-checked by `tsc` so that they stay
// true. Never run.
import { collectAll, createNdotoClient, NdotoApiError, paginate } from "../../src/client/index";
import { parseWebhookEvent } from "../../src/client/webhooks";

const token = "YOUR_TOKEN";

export async function quickStart(): Promise<void> {
  const ndoto = createNdotoClient({ token: process.env.NDOTO_API_TOKEN!, accountId: 1 });

  const { data, error } = await ndoto.GET("/api/v1/accounts/{account_id}/labels");
  if (error) throw new Error(error.error);
  for (const label of data.payload) console.log(label.title, label.color);

  await ndoto.POST("/api/v1/accounts/{account_id}/labels", { body: { title: "billing" } });
}

export async function features(rawBody: string): Promise<unknown[]> {
  const ndoto = createNdotoClient({ token, accountId: 1 });
  const mock = createNdotoClient({ token: "any", baseUrl: "http://127.0.0.1:4010", headers: { "User-Agent": "my-app/1.0" } });

  await ndoto.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
  await ndoto.GET("/api/v1/accounts/{account_id}/labels", { params: { path: { account_id: 2 } } });

  for await (const contact of paginate(ndoto, "/api/v1/accounts/{account_id}/contacts", { maxPages: 10 })) console.log(contact.name);
  const everyone = await collectAll(ndoto, "/api/v1/accounts/{account_id}/contacts");

  const strict = createNdotoClient({ token, accountId: 1, throwOnError: true });
  try {
    const { data: label } = await strict.GET("/api/v1/accounts/{account_id}/labels/{id}", { params: { path: { id: 3 } } });
    console.log(label.title);
  } catch (error) {
    if (error instanceof NdotoApiError && error.status === 404) console.log(error.message, error.requestId);
  }

  const patient = createNdotoClient({ token, retry: { retries: 4, maxDelayMs: 10_000 }, onRetry: (event) => console.warn(event) });
  await ndoto.POST("/api/v1/accounts/{account_id}/labels", { body: { title: "vip" }, retry: { methods: ["POST"] } });

  const controller = new AbortController();
  await ndoto.GET("/api/v1/profile", { timeoutMs: 5_000, signal: controller.signal });

  const event = parseWebhookEvent(rawBody);
  return [mock, patient, event, everyone];
}
