import { braceSyntax, escapeText, indentTail, literal, type LiteralSyntax } from "../literals";
import { sampleUrl, type SampleRequest } from "../request";

const dartSyntax: LiteralSyntax = {
  string: (text) => `'${escapeText(text, "'", { $: "\\$" }, (code) => `\\u{${code.toString(16)}}`)}'`,
  key: (name) => `${dartSyntax.string(name)}: `,
  ...braceSyntax,
  indent: 2,
};

/** A complete Dart program (package:http), since Dart has no top-level await. */
export function dartSample(request: SampleRequest): string {
  const url = `Uri.parse(${dartSyntax.string(sampleUrl(request))})`;
  const usesJson = request.printsBody || request.body?.kind === "json";
  const lines = [...(usesJson ? ["import 'dart:convert';", ""] : []), "import 'package:http/http.dart' as http;", "", "Future<void> main() async {"];

  let usesMediaType = false;
  if (request.body?.kind === "multipart") {
    lines.push(`  final request = http.MultipartRequest('${request.method.toUpperCase()}', ${url});`);
    for (const [name, value] of request.headers) lines.push(`  request.headers[${dartSyntax.string(name)}] = ${dartSyntax.string(value)};`);
    for (const field of request.body.fields) {
      if (field.kind === "file") {
        const [type, subtype] = field.contentType.split("/");
        usesMediaType = true;
        lines.push(
          `  request.files.add(await http.MultipartFile.fromPath(${dartSyntax.string(field.name)}, ${dartSyntax.string(field.fileName)}, contentType: MediaType(${dartSyntax.string(type)}, ${dartSyntax.string(subtype)})));`,
        );
      }
      else lines.push(`  request.fields[${dartSyntax.string(field.name)}] = ${dartSyntax.string(field.value)};`);
    }
    lines.push("  final response = await http.Response.fromStream(await request.send());");
  } else {
    const headers = request.headers.map(([name, value]) => `${dartSyntax.string(name)}: ${dartSyntax.string(value)}`);
    if (request.body?.kind === "json") headers.push("'Content-Type': 'application/json'");
    const args = [url];
    if (headers.length > 0) args.push(headers.length === 1 ? `headers: {${headers[0]}}` : `headers: {\n${headers.map((h) => `      ${h},`).join("\n")}\n    }`);
    if (request.body?.kind === "json") args.push(`body: jsonEncode(${indentTail(literal(request.body.value, dartSyntax), 4)})`);
    // package:http has helpers for the common methods; others go through a plain Request.
    if (["get", "post", "put", "patch", "delete", "head"].includes(request.method)) {
      lines.push(`  final response = await http.${request.method}(`, ...args.map((arg) => `    ${arg},`), "  );");
    } else {
      lines.push(`  final request = http.Request('${request.method.toUpperCase()}', ${url});`);
      for (const [name, value] of request.headers) lines.push(`  request.headers[${dartSyntax.string(name)}] = ${dartSyntax.string(value)};`);
      lines.push("  final response = await http.Response.fromStream(await request.send());");
    }
  }
  lines.push(request.printsBody ? "  print(jsonDecode(response.body));" : "  print(response.statusCode);", "}");
  // MediaType comes from package:http_parser, which package:http depends on.
  if (usesMediaType) lines.splice(lines.indexOf("import 'package:http/http.dart' as http;") + 1, 0, "import 'package:http_parser/http_parser.dart';");
  return lines.join("\n") + "\n";
}
