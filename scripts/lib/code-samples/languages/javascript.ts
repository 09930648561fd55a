import { braceSyntax, escapeText, indentTail, literal, type LiteralSyntax } from "../literals";
import { sampleUrl, type SampleRequest } from "../request";

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JavaScript and TypeScript literals, single-quoted as in the Ndoto docs. */
export const jsSyntax: LiteralSyntax = {
  string: (text) => `'${escapeText(text, "'")}'`,
  key: (name) => `${identifier.test(name) ? name : jsSyntax.string(name)}: `,
  ...braceSyntax,
  indent: 2,
  padInlineObjects: true,
};

export const jsLiteral = (value: unknown) => literal(value, jsSyntax);

/** The FormData-building lines shared by the JavaScript and TypeScript samples. */
export function formDataLines(request: SampleRequest): string[] {
  if (request.body?.kind !== "multipart") return [];
  const lines = ["const form = new FormData();"];
  for (const field of request.body.fields) {
    const name = jsSyntax.string(field.name);
    if (field.kind === "file") {
      const file = jsSyntax.string(field.fileName);
      lines.push(`form.append(${name}, await openAsBlob(${file}, { type: ${jsSyntax.string(field.contentType)} }), ${file});`);
    } else lines.push(`form.append(${name}, ${jsSyntax.string(field.value)});`);
  }
  return lines;
}

export const openAsBlobImport = "import { openAsBlob } from 'node:fs'; // in a browser, append the File from an <input type=\"file\">";

export function javascriptSample(request: SampleRequest): string {
  const headers = request.headers.map(([name, value]) => `${jsSyntax.string(name)}: ${jsSyntax.string(value)}`);
  if (request.body?.kind === "json") headers.push(`'Content-Type': 'application/json'`);
  const options: string[] = [];
  if (request.method !== "get") options.push(`method: '${request.method.toUpperCase()}',`);
  if (headers.length > 0) {
    options.push(headers.length === 1 ? `headers: { ${headers[0]} },` : `headers: {\n${headers.map((h) => `      ${h},`).join("\n")}\n    },`);
  }
  if (request.body?.kind === "json") options.push(`body: JSON.stringify(${indentTail(jsLiteral(request.body.value), 4)}),`);
  if (request.body?.kind === "multipart") options.push("body: form,");

  const lines: string[] = [];
  if (request.body?.kind === "multipart") lines.push(openAsBlobImport, "", ...formDataLines(request), "");
  lines.push("const response = await fetch(", `  ${jsSyntax.string(sampleUrl(request))},`);
  if (options.length > 0) lines.push("  {", ...options.map((option) => `    ${option}`), "  }");
  lines.push(");");
  if (request.printsBody) lines.push("const data = await response.json();", "console.log(data);");
  else lines.push("console.log(response.status);");
  return lines.join("\n") + "\n";
}
