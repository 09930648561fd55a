// Writes a JSON value as a literal of each sample language (objects, lists, strings, null), short
// values on one line and longer ones over several lines with trailing commas.

export interface LiteralSyntax {
  string(text: string): string;
  /** The key part of an object entry, separator included: `'title': `, `title: `, `'title' => `. */
  key(name: string): string;
  null: string;
  true: string;
  false: string;
  objectOpen: string;
  objectClose: string;
  emptyObject: string;
  arrayOpen: string;
  arrayClose: string;
  /** Spaces per indentation level. */
  indent: number;
  /** Write one-line objects as `{ a: 1 }` rather than `{a: 1}`. */
  padInlineObjects?: boolean;
}

const oneLineLimit = 72;

/** The parts most languages share: `null`, `true`, `false`, `{...}` maps and `[...]` lists. */
export const braceSyntax = {
  null: "null",
  true: "true",
  false: "false",
  objectOpen: "{",
  objectClose: "}",
  emptyObject: "{}",
  arrayOpen: "[",
  arrayClose: "]",
} satisfies Partial<LiteralSyntax>;

/** Escapes characters that a quoted literal cannot hold as they are; `extra` adds language-specific ones. */
export function escapeText(text: string, quote: string, extra: Record<string, string> = {}, unicode = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`): string {
  const table: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", [quote]: `\\${quote}`, ...extra };
  return [...text].map((char) => table[char] ?? (char.charCodeAt(0) < 0x20 || char === "\u2028" || char === "\u2029" ? unicode(char.codePointAt(0)!) : char)).join("");
}

/** True when the text holds a character that a plain single-quoted literal would carry literally (newlines, tabs, ...). */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u001f\u2028\u2029]/.test(text);
}

export function literal(value: unknown, syntax: LiteralSyntax, depth = 0): string {
  if (value === null || value === undefined) return syntax.null;
  if (typeof value === "boolean") return value ? syntax.true : syntax.false;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return syntax.string(value);
  const isArray = Array.isArray(value);
  const entries = isArray ? (value as unknown[]).map((item) => ["", item] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return isArray ? syntax.arrayOpen + syntax.arrayClose : syntax.emptyObject;
  const [open, close] = isArray ? [syntax.arrayOpen, syntax.arrayClose] : [syntax.objectOpen, syntax.objectClose];
  const render = (nextDepth: number) => entries.map(([key, item]) => (isArray ? "" : syntax.key(key)) + literal(item, syntax, nextDepth));

  const inline = render(depth);
  const innerSpace = !isArray && syntax.padInlineObjects ? " " : "";
  const oneLine = `${open}${innerSpace}${inline.join(", ")}${innerSpace}${close}`;
  if (!oneLine.includes("\n") && oneLine.length + depth * syntax.indent <= oneLineLimit) return oneLine;
  const pad = " ".repeat((depth + 1) * syntax.indent);
  return `${open}\n${render(depth + 1)
    .map((line) => `${pad}${line},`)
    .join("\n")}\n${" ".repeat(depth * syntax.indent)}${close}`;
}

/** Indents every line but the first by `spaces`, for literals placed inside an indented call. */
export function indentTail(text: string, spaces: number): string {
  return text.replaceAll("\n", `\n${" ".repeat(spaces)}`);
}
