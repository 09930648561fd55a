import { braceSyntax, escapeText, hasControlCharacters, literal, type LiteralSyntax } from "../literals";
import { sampleUrl, type SampleRequest } from "../request";

/** Single quotes when they can hold the text; double quotes (with `#` escaped) for newlines and the like. */
function rubyString(text: string): string {
  if (!hasControlCharacters(text)) return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `"${escapeText(text, '"', { "#": "\\#" }, (code) => `\\u{${code.toString(16)}}`)}"`;
}

const rubySyntax: LiteralSyntax = {
  string: rubyString,
  // Symbol keys where Ruby allows them (`title: 'billing'`), as in the Ndoto docs; JSON turns them into strings.
  key: (name) => (/^[a-z_][A-Za-z0-9_]*$/.test(name) ? `${name}: ` : `${rubyString(name)} => `),
  ...braceSyntax,
  null: "nil",
  indent: 2,
  padInlineObjects: true,
};

const requestClasses: Record<string, string> = { get: "Get", post: "Post", put: "Put", patch: "Patch", delete: "Delete", head: "Head", options: "Options", trace: "Trace" };

export function rubySample(request: SampleRequest): string {
  const lines = ["require 'net/http'"];
  if (request.printsBody || request.body?.kind === "json") lines.push("require 'json'");
  lines.push("", `uri = URI(${rubyString(sampleUrl(request))})`);
  const newRequest = `Net::HTTP::${requestClasses[request.method]}.new(uri`;
  lines.push(request.body?.kind === "json" ? `req = ${newRequest}, 'Content-Type' => 'application/json')` : `req = ${newRequest})`);
  for (const [name, value] of request.headers) lines.push(`req[${rubyString(name)}] = ${rubyString(value)}`);
  if (request.body?.kind === "json") lines.push(`req.body = JSON.dump(${literal(request.body.value, rubySyntax)})`);
  if (request.body?.kind === "multipart") {
    // set_form with 'multipart/form-data' streams the fields; an open File is uploaded as a file.
    const fields = request.body.fields.map((field) =>
      field.kind === "file" ? `[${rubyString(field.name)}, File.open(${rubyString(field.fileName)}), { content_type: ${rubyString(field.contentType)} }],` : `[${rubyString(field.name)}, ${rubyString(field.value)}],`,
    );
    lines.push("req.set_form([", ...fields.map((field) => `  ${field}`), "], 'multipart/form-data')");
  }
  lines.push("", "res = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }");
  lines.push(request.printsBody ? "puts JSON.parse(res.body)" : "puts res.code");
  return lines.join("\n") + "\n";
}
