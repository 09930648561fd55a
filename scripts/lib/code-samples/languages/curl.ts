import { indentTail } from "../literals";
import { sampleUrl, type SampleRequest } from "../request";

/** Single-quotes a word for the shell. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlSample(request: SampleRequest): string {
  const lines = [`curl${request.method === "get" ? "" : ` -X ${request.method.toUpperCase()}`} ${shellQuote(sampleUrl(request))}`];
  for (const [name, value] of request.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body?.kind === "json") {
    lines.push(`-H ${shellQuote("Content-Type: application/json")}`);
    lines.push(`--data ${indentTail(shellQuote(JSON.stringify(request.body.value, null, 2)), 2)}`);
  } else if (request.body?.kind === "multipart") {
    // -F reads `@file` and `<file` as uploads; --form-string sends such text as it is.
    for (const field of request.body.fields) {
      if (field.kind === "file") lines.push(`-F ${shellQuote(`${field.name}=@${field.fileName};type=${field.contentType}`)}`);
      else lines.push(`${/^[@<]/.test(field.value) ? "--form-string" : "-F"} ${shellQuote(`${field.name}=${field.value}`)}`);
    }
  }
  return lines.join(" \\\n  ") + "\n";
}
