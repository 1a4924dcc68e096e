/**
 * The photo manifest on disk: written by the pipeline, read back and checked against its
 * schema (lib/contract/photo-manifest.ts) on read.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type PhotoManifest, photoManifestSchema } from "../../contract/photo-manifest.ts";

export const MANIFEST_FILE = "manifest.json";

/** A manifest with no photos. */
export function emptyManifest(): PhotoManifest {
  return { version: 1, photos: {} };
}

/**
 * Reads and checks `<cacheDir>/manifest.json`. A missing manifest is an empty one; a
 * damaged one is an error that says how to recover.
 *
 * @example
 * const manifest = readManifest(".cache/photos");
 * manifest.photos["2025/istanbul-consulate-placeholder.jpg"]?.renditions.length // 15
 */
export function readManifest(cacheDir: string): PhotoManifest {
  const file = path.join(cacheDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyManifest();
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const result = photoManifestSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`${file} is not a valid photo manifest — delete ${cacheDir} and run npm run photos`);
  }
  return result.data;
}

/**
 * JSON with object keys sorted at every level and a final newline, so the same data is
 * always the same bytes.
 *
 * @example
 * stableStringify({ b: 1, a: [{ d: 2, c: 3 }] }) // '{\n  "a": [\n    {\n      "c": 3, …'
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(value, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}
