// Reading what a request needs out of the spec: parameters, example bodies, and where ids sit in lists.
import type { OpenApiValidator } from "../validation/openapi-validator";
import { pointerSegment } from "../validation/openapi-validator";
import type { OperationEntry } from "../validation/operations";

/** The operation's parameters (path-level ones first, overridden by the operation's own), $refs resolved. */
export function parametersOf(entry: OperationEntry, validator: OpenApiValidator): any[] {
  const all = [...(validator.document.paths[entry.path].parameters ?? []), ...(entry.operation.parameters ?? [])].map((p: any) => validator.resolve(p).value);
  return all.filter((p, i) => !all.slice(i + 1).some((later) => later.name === p.name && later.in === p.in));
}

/** A value the spec itself offers for a parameter: its example, the first of its examples, a default or an enum value. */
function documentedValue(parameter: any, validator: OpenApiValidator): unknown {
  const firstExample = Object.values<any>(parameter.examples ?? {})[0];
  const schema = validator.resolve(parameter.schema ?? {}).value;
  return parameter.example ?? (firstExample && validator.resolve(firstExample).value.value) ?? schema.default ?? schema.examples?.[0] ?? schema.enum?.[0];
}

/**
 * The query string and extra headers for a call, built only from what the spec documents: optional
 * parameters are left out; a required one without a documented value makes the call impossible.
 */
export function queryAndHeaders(entry: OperationEntry, validator: OpenApiValidator): { query: string; headers: Record<string, string> } | { skip: string } {
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of parametersOf(entry, validator)) {
    if (!parameter.required || (parameter.in !== "query" && parameter.in !== "header")) continue;
    const value = documentedValue(parameter, validator);
    if (value === undefined) return { skip: `the required ${parameter.in} parameter ${parameter.name} has no example to send` };
    for (const item of [value].flat()) {
      if (parameter.in === "query") query.append(parameter.name, String(item));
      else headers[parameter.name] = String(item);
    }
  }
  const text = query.toString();
  return { query: text === "" ? "" : `?${text}`, headers };
}

/** The JSON request body's media type object and the JSON pointer of its schema, if the operation takes one. */
export function jsonRequestBody(entry: OperationEntry, validator: OpenApiValidator): { media: any; schemaPointer: string; required: boolean } | undefined {
  if (!entry.operation.requestBody) return undefined;
  const { value: requestBody, pointer } = validator.resolve(entry.operation.requestBody);
  const media = requestBody.content?.["application/json"];
  if (!media) return undefined;
  const at = pointer ?? `#/paths/${pointerSegment(entry.path)}/${entry.method}/requestBody`;
  return { media, schemaPointer: `${at}/content/application~1json/schema`, required: requestBody.required === true };
}

/** The first named request example of an operation (a deep copy), or undefined. */
export function firstRequestExample(entry: OperationEntry, validator: OpenApiValidator): unknown {
  const media = jsonRequestBody(entry, validator)?.media;
  const named = Object.values<any>(media?.examples ?? {})[0];
  const value = named ? validator.resolve(named).value.value : media?.example;
  return value === undefined ? undefined : structuredClone(value);
}

/** The items of the first array in a body whose elements are objects with an `id` (`{payload: [...]}`, `{data: [...]}`, `[...]`). */
export function listItems(body: unknown): any[] {
  const queue: unknown[] = [body];
  while (queue.length > 0) {
    const value = queue.shift();
    if (Array.isArray(value)) {
      const items = value.filter((item) => item && typeof item === "object" && ["number", "string"].includes(typeof item.id));
      if (items.length > 0) return items;
    } else if (value && typeof value === "object") queue.push(...Object.values(value));
  }
  return [];
}

/** The `{name}` parameters of a path template, with the index of their segment. */
export function pathParameters(template: string): { name: string; segment: number }[] {
  return template.split("/").flatMap((segment, index) => {
    const match = /^\{([^}]+)\}$/.exec(segment);
    return match ? [{ name: match[1], segment: index }] : [];
  });
}
