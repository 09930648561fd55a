// The built docs page in Debian's Chromium (driven by playwright-core, which never downloads a
// browser): it renders with the Ndoto title and colour, lists every operation and webhook of the
// bundled document, switches code-sample languages, and loads nothing from outside this machine.
// Screenshots go to test-artifacts/ for people to look at.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildDocs } from "../../scripts/build-docs";
import { serveDocs, type RunningDocsServer } from "../../scripts/lib/docs-server";
import { freePort } from "../../scripts/lib/net";
import { tempDir } from "../../scripts/lib/files";
import { testArtifactsDir } from "../../scripts/lib/project";
import { sampleLanguages } from "../../scripts/lib/code-samples/index";
import { httpMethods, operations, spec } from "../support/spec";

const title = String((spec.info as { title: string }).title);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Addresses the page may load: itself, and in-page data. Anything else leaves the machine. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || protocol === "about:" || hostname === "127.0.0.1" || hostname === "localhost";
}

/** The "METHOD path" lines the page must list: every operation, and every webhook by its event name. */
const expectedEntries = [
  ...operations().map(({ method, path: pathKey }) => `${method.toUpperCase()} ${pathKey}`),
  ...Object.entries(spec.webhooks ?? {}).flatMap(([event, item]) => httpMethods.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${event}`)),
];

const entryLinks = '[data-testid="items-navigation-list"] a';

/** The entries of the operation lists on screen now, as "METHOD path" (the tag inside each link holds the method). */
function entriesOnScreen(page: Page): Promise<string[]> {
  return page.$$eval(entryLinks, (links) =>
    links.map((link) => {
      const method = link.querySelector('[data-component-name="Tag/Tag"]')?.textContent ?? "";
      return `${method.trim().toUpperCase()} ${(link.textContent ?? "").slice(method.length).trim()}`;
    }),
  );
}

/**
 * Scrolls through the whole page (Redoc renders sections as they come into view) and collects the
 * entries of every section's operation list, opening the lists Redoc shortens ("Show 5 more...").
 */
async function listedEntries(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let step = 0; step < 500; step++) {
    const opened = await page.$$eval('[data-testid="show-more-operations"]', (buttons) => buttons.map((button) => (button as HTMLElement).click()).length);
    if (opened > 0) await page.waitForTimeout(120);
    (await entriesOnScreen(page)).forEach((entry) => seen.add(entry));
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (atBottom) break;
    await page.waitForTimeout(120);
  }
  return seen;
}

describe("the docs page in Chromium", () => {
  let built: { dir: string; cleanup: () => Promise<void> };
  let profile: { dir: string; cleanup: () => Promise<void> };
  let server: RunningDocsServer;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    built = await tempDir("docs-test");
    profile = await tempDir("chromium-profile");
    const pageFile = await buildDocs(path.join(built.dir, "index.html"));
    server = await serveDocs(pageFile, await freePort());
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 900 },
    });
    // Record every request, and stop any that would leave the machine before it goes out.
    await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
    context.on("request", (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    await mkdir(testArtifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await built?.cleanup();
    await profile?.cleanup();
  });

  it("renders the Ndoto title in the Ndoto colour, with search ready", async () => {
    expect(await page.title()).toBe(title);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain(title);
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-primary-base").trim());
    const resolved = await page.evaluate((value) => {
      const probe = document.createElement("span");
      probe.style.color = value;
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }, brand);
    expect(resolved).toBe("rgb(15, 118, 110)"); // Ndoto teal, #0f766e (docs/template.hbs)
    // The search index is built in a worker from a blob: URL, which the page's CSP must allow.
    await expect.poll(() => page.getByPlaceholder("Loading...").or(page.getByText("Loading...")).count(), { timeout: 30_000 }).toBe(0);
    await page.screenshot({ path: path.join(testArtifactsDir, "docs-page.png") });
  });

  it("lists every operation path and every webhook event of the bundled document", async () => {
    const listed = await listedEntries(page);
    const missing = expectedEntries.filter((entry) => !listed.has(entry));
    expect(missing, `listed: ${[...listed].join(", ")}`).toEqual([]);
    // The check can fail: an entry the document does not have is not found.
    expect(listed.has("GET /api/v1/not-in-the-spec")).toBe(false);
  }, 60_000);

  it("switches the code sample of an operation to another language", async () => {
    const { method, path: pathKey, operation } = operations()[0];
    const python = (operation["x-codeSamples"] as Array<{ lang: string; source: string }>).find((sample) => sample.lang === "Python")!;
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    await listedEntries(page); // renders every section, so the entry exists
    const index = (await entriesOnScreen(page)).indexOf(`${method.toUpperCase()} ${pathKey}`);
    expect(index, `the page lists ${method.toUpperCase()} ${pathKey}`).toBeGreaterThanOrEqual(0);
    const entry = page.locator(entryLinks).nth(index);
    await entry.click();
    const operationId = (await entry.getAttribute("href"))!.replace(/^#\//, "");
    const section = page.locator(`[id="${operationId}"]`);
    const menuButton = section.getByRole("button", { name: sampleLanguages[0].lang, exact: true });
    await menuButton.click();
    const offered = await page.getByRole("menuitem").allTextContents();
    for (const { lang } of sampleLanguages) expect(offered.map((text) => text.trim()), `language menu offers ${lang}`).toContain(lang);
    await page.getByRole("menuitem", { name: "Python", exact: true }).click();
    const firstLine = python.source.split("\n")[0];
    await expect.poll(() => section.getByText(firstLine).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => section.getByRole("button", { name: "Python", exact: true }).count()).toBeGreaterThan(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(testArtifactsDir, "docs-code-sample.png") });
  }, 60_000);

  it("made no request beyond this machine", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    // The filter itself: the CDN the default Redoc badge uses counts as outside.
    expect(isLocal("https://cdn.redoc.ly/redoc/logo-mini-full.svg")).toBe(false);
  });
});
