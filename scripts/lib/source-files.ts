// Maps a place in the bundled document back to the hand-written file under openapi/ that holds it,
// following the layout rules in CONTRIBUTING.md (one file per path, one file per component).

/** The source file for a JSON path into the bundle, e.g. ["components","schemas","Label","properties"]. */
export function sourceFileFor(segments: readonly (string | number)[]): string {
  const [section, key, name] = segments.map(String);
  if (section === "paths" && key) return `openapi/paths/${key.replace(/^\//, "").replaceAll("/", "_")}.yaml`;
  if (section === "webhooks" && key) return `openapi/webhooks/${key}.yaml`;
  if (section === "components" && key && name && key !== "securitySchemes") return `openapi/components/${key}/${name}.yaml`;
  return "openapi/openapi.yaml";
}

/** JSON pointer segments ("#/paths/~1api~1v1~1profile/get") as plain keys. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#?\/?/, "")
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      const unescaped = segment.replaceAll("~1", "/").replaceAll("~0", "~");
      try {
        return decodeURIComponent(unescaped);
      } catch {
        return unescaped;
      }
    });
}

/** The value at a JSON pointer, or undefined when the document has nothing there. */
export function atPointer(document: unknown, pointer: string): unknown {
  let value: any = document;
  for (const segment of pointerSegments(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[segment];
  }
  return value;
}
