// Code samples for every operation of the bundled document, attached as `x-codeSamples` (read by
// the Redoc docs page). scripts/generate.ts calls addCodeSamples after bundling, so the samples
// in generated/ always match the spec; test/docs/code-samples.test.ts runs them against the mock.
import type { OpenApiDocument } from "../../../src/validation/openapi-validator";
import { httpMethods, SampleError, sampleRequests, type SampleRequest } from "./request";
import { curlSample } from "./languages/curl";
import { javascriptSample } from "./languages/javascript";
import { typescriptSample } from "./languages/typescript";
import { pythonSample } from "./languages/python";
import { phpSample } from "./languages/php";
import { dartSample } from "./languages/dart";
import { rubySample } from "./languages/ruby";

export interface SampleLanguage {
  /** The `lang` of the x-codeSamples entry; redocly.yaml lists the same names so Redoc shows them. */
  lang: string;
  write(request: SampleRequest): string;
}

/** The languages, in the order of the docs' language menu. */
export const sampleLanguages: SampleLanguage[] = [
  { lang: "curl", write: curlSample },
  { lang: "JavaScript", write: javascriptSample },
  { lang: "TypeScript", write: typescriptSample },
  { lang: "Python", write: pythonSample },
  { lang: "PHP", write: phpSample },
  { lang: "Dart", write: dartSample },
  { lang: "Ruby", write: rubySample },
];

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** Labels say which body a sample sends when an operation accepts more than one media type. */
function label(lang: string, request: SampleRequest, index: number): string {
  return index === 0 ? lang : `${lang} (${request.mediaType})`;
}

/** The samples of one operation: every language, for each request media type the operation accepts. */
export function codeSamplesFor(document: OpenApiDocument, path: string, method: (typeof httpMethods)[number]): CodeSample[] {
  return sampleRequests(document, path, method).flatMap((request, index) =>
    sampleLanguages.map(({ lang, write }) => {
      try {
        return { lang, label: label(lang, request, index), source: write(request) };
      } catch (error) {
        if (error instanceof SampleError) throw new SampleError(`${method.toUpperCase()} ${path}: ${error.message}`);
        throw error;
      }
    }),
  );
}

/** Returns a copy of the document with `x-codeSamples` on every operation (existing ones are replaced). */
export function addCodeSamples(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  for (const [path, item] of Object.entries(copy.paths ?? {})) {
    for (const method of httpMethods) {
      if (item[method]) item[method]["x-codeSamples"] = codeSamplesFor(document, path, method);
    }
  }
  return copy;
}

export { SampleError };
