// Where things live, resolved from this file so scripts work from any working directory.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const specRoot = path.join(projectRoot, "openapi/openapi.yaml");
export const generatedDir = path.join(projectRoot, "generated");
export const bundledYaml = path.join(generatedDir, "openapi.yaml");
export const bundledJson = path.join(generatedDir, "openapi.json");
export const generatedTypes = path.join(generatedDir, "openapi-types.ts");
export const docsDir = path.join(projectRoot, "dist/docs");
export const docsPage = path.join(docsDir, "index.html");
export const docsTemplate = path.join(projectRoot, "docs/template.hbs");
/** Screenshots and other files tests leave for people to look at (git-ignored). */
export const testArtifactsDir = path.join(projectRoot, "test-artifacts");

/** A binary installed by npm into this project (never looked up on PATH or through npx). */
export function localBin(name: string): string {
  return path.join(projectRoot, "node_modules/.bin", name);
}
export const postmanCollection = path.join(generatedDir, "postman_collection.json");
/** Released descriptions, one folder per version: releases/<version>/openapi.json (the breaking-change baseline). */
export const releasesDir = path.join(projectRoot, "releases");
export const changelogFile = path.join(projectRoot, "CHANGELOG.md");

/** A path for messages: relative to the project when inside it, else as given. */
export function shownPath(file: string): string {
  return file.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, file) : file;
}
