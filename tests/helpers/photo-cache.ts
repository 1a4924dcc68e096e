/**
 * One warm photo cache for the whole test run. Every fixture site starts from a copy of it,
 * so a test pays for sharp only when it brings a photo of its own.
 *
 * It lives in this checkout's `.cache/` (git-ignored), not at a fixed path in the temporary
 * folder: two checkouts testing at once never write into each other's cache, even when one
 * of them reuses the other's node_modules through a symlink.
 */
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { processPhotos } from "../../lib/pipeline/photos/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const WARM_PHOTO_CACHE = path.join(root, ".cache/test-photo-cache");
const WARM_PHOTO_OUTPUT = path.join(root, ".cache/test-photo-output");

/** Processes the repository's photos into the shared cache (fast when already warm). */
export async function warmPhotoCache(): Promise<void> {
  const { problems } = await processPhotos({
    photosDir: path.join(root, "assets/photos"),
    outputDir: WARM_PHOTO_OUTPUT,
    cacheDir: WARM_PHOTO_CACHE,
  });
  if (problems.length > 0) throw new Error(`sample photos have problems: ${JSON.stringify(problems)}`);
}

/** Copies the warm cache into a fixture project; returns the cache folder to build with. */
export function seedPhotoCache(projectDir: string): string {
  const cacheDir = path.join(projectDir, ".cache/photos");
  if (existsSync(WARM_PHOTO_CACHE)) cpSync(WARM_PHOTO_CACHE, cacheDir, { recursive: true });
  return cacheDir;
}
