import { mkdtemp, rename, rm, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A fresh temporary directory, removed again by the returned cleanup function. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `ndoto-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Moves a finished file into place in one step, so readers never see a half-written file. */
export async function moveIntoPlace(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    // rename() cannot cross file systems (e.g. /tmp on tmpfs); copy next to the target, then rename.
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const { copyFile } = await import("node:fs/promises");
    const staged = `${to}.partial`;
    await copyFile(from, staged);
    await rename(staged, to);
  }
}

/** Writes a file next to its target first, then renames it into place, so readers never see it half-written. */
export async function writeFileAtomic(to: string, content: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const staged = `${to}.${process.pid}.partial`;
  try {
    await writeFile(staged, content);
    await rename(staged, to);
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
  }
}
