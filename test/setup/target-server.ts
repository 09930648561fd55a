// Decides which server the contract tests talk to. By default it starts the Prism mock on a free
// port and stops it afterwards; with NDOTO_BASE_URL (and NDOTO_API_TOKEN) set, the same tests
// check a real Ndoto deployment instead.
import type { TestProject } from "vitest/node";
import { startMock, type RunningMock } from "../../scripts/lib/prism";
import { freePort } from "../../scripts/lib/net";

declare module "vitest" {
  export interface ProvidedContext {
    target: { baseUrl: string; token: string; accountId: number; isMock: boolean };
  }
}

let mock: RunningMock | undefined;

export async function setup(project: TestProject): Promise<void> {
  const realBaseUrl = process.env.NDOTO_BASE_URL;
  if (realBaseUrl) {
    const token = process.env.NDOTO_API_TOKEN;
    const accountId = Number(process.env.NDOTO_ACCOUNT_ID);
    if (!token) throw new Error("NDOTO_BASE_URL is set but NDOTO_API_TOKEN is not: the contract tests need a token for a real deployment");
    if (!Number.isInteger(accountId) || accountId < 1) throw new Error("NDOTO_BASE_URL is set but NDOTO_ACCOUNT_ID is not a positive whole number");
    project.provide("target", { baseUrl: realBaseUrl.replace(/\/+$/, ""), token, accountId, isMock: false });
    return;
  }
  mock = await startMock({ port: await freePort() });
  // Prism accepts any non-empty token; this one only has to be present.
  project.provide("target", { baseUrl: mock.url, token: "contract-test-token", accountId: 1, isMock: true });
}

export async function teardown(): Promise<void> {
  await mock?.stop();
}
