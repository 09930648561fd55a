// The docs page's introduction (openapi/descriptions/introduction.md) covers what an integrator
// needs before the first call, and names every webhook event the document describes.
import { describe, expect, it } from "vitest";
import { spec } from "../support/spec";

const introduction = String((spec.info as { description?: string }).description ?? "");
const headings = [...introduction.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

describe("the docs introduction", () => {
  it.each(["Authentication", "Account ID", "Errors and status codes", "Pagination", "Rate limits", "Webhooks"])("has a section on %s", (heading) => {
    expect(headings).toContain(heading);
  });

  it("lists the webhook events, each in its own table row", () => {
    const listed = [...introduction.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThanOrEqual(12);
    // Every event the document describes must be in the list (the list may lead the spec).
    for (const event of Object.keys(spec.webhooks ?? {})) expect(listed, `introduction should list ${event}`).toContain(event);
  });
});
