import { braceSyntax, escapeText, indentTail, literal, type LiteralSyntax } from "../literals";
import { sampleUrl, type SampleRequest } from "../request";

const pythonSyntax: LiteralSyntax = {
  string: (text) => `'${escapeText(text, "'")}'`,
  key: (name) => `${pythonSyntax.string(name)}: `,
  ...braceSyntax,
  null: "None",
  true: "True",
  false: "False",
  indent: 4,
};

const pyLiteral = (value: unknown) => indentTail(literal(value, pythonSyntax), 4);

export function pythonSample(request: SampleRequest): string {
  const url = request.origin + request.path;
  const args = [pythonSyntax.string(request.query.length > 0 ? url : sampleUrl(request))];
  if (request.headers.length > 0) args.push(`headers=${pyLiteral(Object.fromEntries(request.headers))}`);
  if (request.query.length > 0) args.push(`params=${pyLiteral(Object.fromEntries(request.query))}`);
  const lines = ["import requests", ""];
  if (request.body?.kind === "json") args.push(`json=${pyLiteral(request.body.value)}`);
  if (request.body?.kind === "multipart") {
    // requests sends a multipart body when given `files`; text fields go along as (None, value).
    const parts = request.body.fields.map((field) =>
      field.kind === "file"
        ? `(${pythonSyntax.string(field.name)}, (${pythonSyntax.string(field.fileName)}, open(${pythonSyntax.string(field.fileName)}, 'rb'), ${pythonSyntax.string(field.contentType)})),`
        : `(${pythonSyntax.string(field.name)}, (None, ${pythonSyntax.string(field.value)})),`,
    );
    lines.push("files = [", ...parts.map((part) => `    ${part}`), "]", "");
    args.push("files=files");
  }
  lines.push(`response = requests.${request.method}(`, ...args.map((arg) => `    ${arg},`), ")");
  lines.push(request.printsBody ? "print(response.json())" : "print(response.status_code)");
  return lines.join("\n") + "\n";
}
