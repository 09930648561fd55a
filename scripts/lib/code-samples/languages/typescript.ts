import { indentTail } from "../literals";
import type { SampleRequest } from "../request";
import { formDataLines, jsLiteral, jsSyntax, openAsBlobImport } from "./javascript";

/** Where the samples import the generated types from: this project's generated/ folder, copied next to the code. */
export const typesImport = "./generated/openapi-types";

/** A call through openapi-fetch typed with the generated `paths`: a wrong path, parameter or body is a compile error. */
export function typescriptSample(request: SampleRequest): string {
  const headers = request.headers.map(([name, value]) => `${jsSyntax.key(name)}${jsSyntax.string(value)}`);
  const params: Record<string, unknown> = {};
  if (Object.keys(request.pathParams).length > 0) params.path = request.pathParams;
  if (request.query.length > 0) params.query = Object.fromEntries(request.query);

  const options: string[] = [];
  if (Object.keys(params).length > 0) options.push(`params: ${indentTail(jsLiteral(params), 2)},`);
  if (request.body?.kind === "json") {
    // `satisfies` makes a misspelt field an error, which openapi-fetch's own body type lets through.
    const check = request.bodySchemaName ? ` satisfies components['schemas']['${request.bodySchemaName}']` : "";
    options.push(`body: ${indentTail(jsLiteral(request.body.value), 2)}${check},`);
  }
  if (request.body?.kind === "multipart") {
    // openapi-fetch passes FormData through untouched; the generated type describes the fields, not FormData.
    options.push("body: form as never,");
  }

  const types = request.bodySchemaName && request.body?.kind === "json" ? "components, paths" : "paths";
  const lines = ["import createClient from 'openapi-fetch';", `import type { ${types} } from '${typesImport}';`];
  if (request.body?.kind === "multipart") lines.push(openAsBlobImport);
  lines.push("", "const client = createClient<paths>({", `  baseUrl: ${jsSyntax.string(request.origin)},`);
  if (headers.length > 0) lines.push(`  headers: { ${headers.join(", ")} },`);
  lines.push("});", "");
  if (request.body?.kind === "multipart") lines.push(...formDataLines(request), "");

  const result = request.printsBody ? "{ data, error }" : "{ response }";
  const call = `await client.${request.method.toUpperCase()}(${jsSyntax.string(request.pathTemplate)}`;
  if (options.length === 0) lines.push(`const ${result} = ${call});`);
  else lines.push(`const ${result} = ${call}, {`, ...options.map((option) => `  ${option}`), "});");
  lines.push(request.printsBody ? "console.log(error ?? data);" : "console.log(response.status);");
  return lines.join("\n") + "\n";
}
