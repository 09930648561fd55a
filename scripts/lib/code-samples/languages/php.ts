import { escapeText, hasControlCharacters, indentTail, literal, type LiteralSyntax } from "../literals";
import { SampleError, sampleUrl, type SampleRequest } from "../request";

/** Single quotes when they can hold the text; double quotes (with `$` escaped) for newlines and the like. */
function phpString(text: string): string {
  if (!hasControlCharacters(text)) return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `"${escapeText(text, '"', { $: "\\$" }, (code) => `\\u{${code.toString(16)}}`)}"`;
}

const phpSyntax: LiteralSyntax = {
  string: phpString,
  key: (name) => `${phpString(name)} => `,
  null: "null",
  true: "true",
  false: "false",
  objectOpen: "[",
  objectClose: "]",
  // json_encode writes [] for an empty array; an empty object must be an object.
  emptyObject: "(object) []",
  arrayOpen: "[",
  arrayClose: "]",
  indent: 4,
};

export function phpSample(request: SampleRequest): string {
  const options: Array<[string, string]> = [["CURLOPT_RETURNTRANSFER", "true"]];
  const method = request.method.toUpperCase();
  if (method === "POST") options.push(["CURLOPT_POST", "true"]);
  else if (method !== "GET") options.push(["CURLOPT_CUSTOMREQUEST", phpString(method)]);
  if (request.body?.kind === "json") options.push(["CURLOPT_POSTFIELDS", `json_encode(${indentTail(literal(request.body.value, phpSyntax), 4)})`]);
  // An array as CURLOPT_POSTFIELDS makes curl send multipart/form-data; CURLFile uploads a file.
  if (request.body?.kind === "multipart") options.push(["CURLOPT_POSTFIELDS", "$form"]);
  const headers = request.headers.map(([name, value]) => phpString(`${name}: ${value}`));
  if (request.body?.kind === "json") headers.push("'Content-Type: application/json'");
  if (headers.length > 0) options.push(["CURLOPT_HTTPHEADER", headers.length === 1 ? `[${headers[0]}]` : `[\n        ${headers.join(",\n        ")},\n    ]`]);

  const width = Math.max(...options.map(([name]) => name.length));
  const lines = ["<?php"];
  if (request.body?.kind === "multipart") lines.push(...multipartLines(request));
  lines.push(`$ch = curl_init(${phpString(sampleUrl(request))});`, "curl_setopt_array($ch, [");
  lines.push(...options.map(([name, value]) => `    ${name.padEnd(width)} => ${value},`), "]);");
  if (request.printsBody) lines.push("$response = json_decode(curl_exec($ch), true);", "print_r($response);");
  else lines.push("curl_exec($ch);", "echo curl_getinfo($ch, CURLINFO_HTTP_CODE), PHP_EOL;");
  return lines.join("\n") + "\n";
}

/** The form as a PHP array. Its keys are unique, so a field sent twice cannot be written this way. */
function multipartLines(request: SampleRequest): string[] {
  if (request.body?.kind !== "multipart") return [];
  const names = request.body.fields.map((field) => field.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new SampleError(`the PHP sample cannot send the form field ${repeated} twice: give the multipart example one value per field`);
  const entries = request.body.fields.map((field) => {
    const value = field.kind === "file" ? `new CURLFile(${phpString(field.fileName)}, ${phpString(field.contentType)})` : phpString(field.value);
    return `    ${phpString(field.name)} => ${value},`;
  });
  return ["$form = [", ...entries, "];"];
}
