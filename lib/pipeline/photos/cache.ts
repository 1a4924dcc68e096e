/**
 * The photo cache, outside the published site (default `.cache/photos/`):
 *
 * - `objects/<key>/`: the encoded files of one original with one set of settings and one
 *   focus, plus `record.json` describing them. The key is a hash of the original's
 *   sha256, the settings hash and the focus, so a renamed photo reuses its files.
 *   Objects are written to a temporary folder and renamed into place, so a crash never
 *   leaves a half-written object.
 * - `index.json`: size and mtime of each original with its sha256, so an unchanged file
 *   is not re-hashed. It is private to the cache: mtimes never reach the manifest.
 * - `manifest.json`: the published manifest (see manifest.ts), deterministic.
 */
import { createHash } from "node:crypto";
import { createReadStream, type Dirent, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  CROP_NAMES,
  photoEntrySchema,
  photoMetaSchema,
  placeholderSchema,
  renditionSchema,
} from "../../contract/photo-manifest.ts";
import { stableStringify } from "./manifest.ts";
import type { Focus } from "./settings.ts";

const OBJECTS = "objects";
const INDEX_FILE = "index.json";
const RECORD_FILE = "record.json";

const cachedFileSchema = renditionSchema.omit({ path: true }).extend({
  /** File name inside the object folder, e.g. `1200.3f9a2c1b.webp`. */
  file: z.string().regex(/^[a-z0-9x]+\.[0-9a-f]{8}\.(?:avif|webp|jpg)$/),
});

/** What an object folder holds: a manifest entry without `src`, with file names for paths. */
export const photoRecordSchema = photoEntrySchema
  .omit({ src: true, renditions: true, crops: true, meta: true, placeholder: true })
  .extend({
    meta: photoMetaSchema,
    renditions: z.array(cachedFileSchema).min(1),
    crops: z.object(
      Object.fromEntries(CROP_NAMES.map((name) => [name, cachedFileSchema])) as Record<
        (typeof CROP_NAMES)[number],
        typeof cachedFileSchema
      >,
    ),
    placeholder: placeholderSchema,
  })
  .strict();

export type CachedFile = z.infer<typeof cachedFileSchema>;
export type PhotoRecord = z.infer<typeof photoRecordSchema>;

const indexSchema = z.object({
  version: z.literal(3),
  files: z.record(
    z.string(),
    z.object({
      size: z.number(),
      mtimeMs: z.number(),
      /** ctime and inode: a file replaced or rewritten keeps neither, even when it keeps size and mtime. */
      ctimeMs: z.number(),
      ino: z.number(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  records: z.record(z.string(), photoRecordSchema),
  /** Stamps of the files the last publication put in the site, by path (publish.ts). */
  stamps: z.record(z.string(), z.string()).optional(),
  /** Fingerprint of the last run's manifest, and of the last published one. */
  fingerprint: z.string().optional(),
  published: z.string().optional(),
});

/**
 * The private index: each original's size, times, inode and sha256 (to skip re-hashing), and the
 * records of the objects in use (to skip reading one record.json per photo).
 */
export type CacheIndex = Omit<z.infer<typeof indexSchema>, "version">;
export type HashIndex = CacheIndex["files"];

/** The cache key of an original with given settings and focus. */
export function objectKey(hash: string, settingsHash: string, focus: Focus): string {
  const variant = createHash("sha256").update(`${settingsHash}\0${focus}`).digest("hex").slice(0, 12);
  return `${hash.slice(0, 32)}-${variant}`;
}

export function objectDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, OBJECTS, key);
}

/** sha256 of a file, streamed so a large original is never held in memory for hashing. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function hashBuffer(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The private index, or an empty one when missing or unreadable (it is only a shortcut). */
export async function readIndex(cacheDir: string): Promise<CacheIndex> {
  try {
    const result = indexSchema.safeParse(JSON.parse(await readFile(path.join(cacheDir, INDEX_FILE), "utf8")));
    if (result.success) {
      const { version: _, ...index } = result.data;
      return index;
    }
  } catch {
    // missing or damaged: start afresh
  }
  return { files: {}, records: {} };
}

export async function writeIndex(cacheDir: string, index: CacheIndex): Promise<void> {
  await writeAtomically(path.join(cacheDir, INDEX_FILE), `${JSON.stringify({ version: 3, ...index })}\n`);
}

/** Writes a text file unless it already holds exactly `text`. */
export async function writeIfChanged(file: string, text: string): Promise<void> {
  try {
    if ((await readFile(file, "utf8")) === text) return;
  } catch {
    // missing: write it
  }
  await writeAtomically(file, text);
}

/** Keys of the complete objects in the cache (one directory read). */
export async function listObjects(cacheDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(path.join(cacheDir, OBJECTS));
    return new Set(names.filter((name) => !name.includes(".tmp-")));
  } catch {
    return new Set();
  }
}

/** The record of a complete object, or `undefined` when it is missing or damaged. */
export function readRecord(cacheDir: string, key: string): PhotoRecord | undefined {
  try {
    const text = readFileSync(path.join(objectDir(cacheDir, key), RECORD_FILE), "utf8");
    const result = photoRecordSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an object's files and record into a temporary folder, then renames it into place. */
export async function writeObject(
  cacheDir: string,
  key: string,
  record: PhotoRecord,
  files: ReadonlyArray<{ name: string; data: Uint8Array }>,
): Promise<void> {
  const final = objectDir(cacheDir, key);
  const temporary = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await mkdir(temporary, { recursive: true });
  try {
    await Promise.all(files.map((file) => writeFile(path.join(temporary, file.name), file.data)));
    await writeFile(path.join(temporary, RECORD_FILE), stableStringify(record));
    // Two originals with the same bytes share one object: if the other finished first, keep it.
    if (readRecord(cacheDir, key)) return;
    await rm(final, { recursive: true, force: true }); // a damaged object
    try {
      await rename(temporary, final);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!((code === "ENOTEMPTY" || code === "EEXIST") && readRecord(cacheDir, key))) throw error;
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Removes objects (and leftover temporary folders) whose keys are not in `keep`. Returns how many. */
export async function removeUnusedObjects(cacheDir: string, keep: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(path.join(cacheDir, OBJECTS));
  } catch {
    return 0;
  }
  const unused = names.filter((name) => !keep.has(name));
  await Promise.all(
    unused.map((name) => rm(path.join(cacheDir, OBJECTS, name), { recursive: true, force: true })),
  );
  return unused.filter((name) => !name.includes(".tmp-")).length;
}

/** Writes a file through a temporary name and a rename, so readers never see half of it. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Output file names the pipeline makes: `<slug>-<width|crop>.<hash8>.<ext>`. */
const OUTPUT_NAME = /-(?:\d+|og|16x9|4x3|1x1)\.[0-9a-f]{8}\.(?:avif|webp|jpg)$/;

/** Files in `outputDir` (relative, `/`-separated) whose names look like renditions. */
export async function listOutput(outputDir: string): Promise<string[]> {
  const root = path.resolve(outputDir);
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !OUTPUT_NAME.test(entry.name)) continue;
    // parentPath is absolute (root) or relative, as given: compare resolved paths.
    const folder = path.relative(root, path.resolve(entry.parentPath)).split(path.sep).join("/");
    files.push(folder ? `${folder}/${entry.name}` : entry.name);
  }
  return files;
}
/**
 * Deletes the `existing` renditions (from `listOutput`) that are not `expected`:
 * renditions of deleted or changed photos. Other files are never touched.
 */
export async function pruneOutput(
  outputDir: string,
  existing: readonly string[],
  expected: ReadonlySet<string>,
): Promise<number> {
  const stale = existing.filter((relative) => !expected.has(relative));
  await Promise.all(stale.map((relative) => unlink(path.join(outputDir, relative))));
  return stale.length;
}
