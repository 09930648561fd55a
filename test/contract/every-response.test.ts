// Mock only: every documented response of every operation can be requested with Prism's
// `Prefer: code=…, example=…` header and comes back conforming (status, content type, schema,
// headers). This catches examples that do not fit, and headers the mock cannot produce.
import { describe, expect, it } from "vitest";
import { target } from "../support/client";
import { operations, validator } from "../support/spec";
import { pointerSegment } from "../../src/validation/openapi-validator";

/**
 * Fills a path template from its parameters' examples (e.g. `{account_id}` → 1) and adds the
 * required query parameters (e.g. the contact search's `q`), so the mock accepts the request.
 */
function concretePath(pathKey: string, parameters: any[]): string {
  const filled = pathKey.replace(/\{([^}]+)\}/g, (_, name) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    if (parameter?.example === undefined) throw new Error(`path parameter ${name} of ${pathKey} has no example`);
    return encodeURIComponent(String(parameter.example));
  });
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((p) => p.in === "query" && p.required)) {
    if (parameter.example === undefined) throw new Error(`required query parameter ${parameter.name} of ${pathKey} has no example`);
    query.append(parameter.name, String(parameter.example));
  }
  return query.size > 0 ? `${filled}?${query}` : filled;
}

const cases = operations().flatMap(({ path: pathKey, method, operation }) => {
  const parameters = [...(validator.document.paths[pathKey].parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => validator.resolve(p).value);
  return Object.entries<any>(operation.responses).flatMap(([status, response]) => {
    const examples = Object.keys(validator.resolve(response).value.content?.["application/json"]?.examples ?? { "": null });
    return examples.map((example) => ({ name: `${method.toUpperCase()} ${pathKey} → ${status}${example ? ` (${example})` : ""}`, pathKey, method, operation, parameters, status, example }));
  });
});

describe.runIf(target.isMock)("every documented response is served conforming by the mock", () => {
  it.each(cases.map((c) => [c.name, c]))("%s", async (_, { pathKey, method, operation, parameters, status, example }) => {
    const requestMedia = operation.requestBody ? validator.resolve(operation.requestBody).value.content["application/json"] : undefined;
    const requestExample = requestMedia ? validator.resolve(Object.values<any>(requestMedia.examples)[0]).value.value : undefined;
    const response = await fetch(`${target.baseUrl}${concretePath(pathKey, parameters)}`, {
      method: method.toUpperCase(),
      headers: {
        api_access_token: target.token,
        Prefer: example ? `code=${status}, example=${example}` : `code=${status}`,
        ...(requestExample === undefined ? {} : { "content-type": "application/json" }),
      },
      body: requestExample === undefined ? undefined : JSON.stringify(requestExample),
    });
    const text = await response.text();
    expect(response.status, text).toBe(Number(status));
    const violations = validator.checkResponse({
      method,
      path: pathKey,
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: text === "" ? undefined : JSON.parse(text),
    });
    expect(violations, violations.join("\n")).toEqual([]);
    const responsePointer = validator.resolve(operation.responses[status]).pointer ?? `#/paths/${pointerSegment(pathKey)}/${method}/responses/${status}`;
    for (const name of Object.keys(validator.resolve(operation.responses[status]).value.headers ?? {})) {
      const value = response.headers.get(name);
      expect(value, `the mock should send the documented ${name} header`).not.toBeNull();
      const header = validator.resolve(validator.at(`${responsePointer}/headers/${pointerSegment(name)}`));
      const headerPointer = header.pointer ?? `${responsePointer}/headers/${pointerSegment(name)}`;
      expect(validator.validate(`${headerPointer}/schema`, value), `${name} header`).toEqual([]);
    }
  });
});
