/**
 * The photo pipeline: every original under `photosDir` becomes renditions, crops and a
 * placeholder in the cache, then a manifest, then files in `outputDir`.
 *
 * 1. Find: list the originals, hash each (or trust the hash index when size, mtime, ctime
 *    and inode match), and look for a finished cache object. Nothing changed → no sharp at all.
 * 2. Encode: the rest, a few photos at a time, with progress. Problems are collected.
 * 3. Publish, only when there are no problems (and `publish` is not false): put the files
 *    in `outputDir` (publish.ts: linked from the live site when unchanged since it was
 *    published, else copied from a checked cache object, never linked to the cache),
 *    delete renditions there that no photo has any more, then write the manifest. With
 *    problems, `outputDir` and the manifest are left exactly as they were.
 *
 * Between 1 and 2, every cache object a publication would copy is checked (size and hash);
 * a damaged one is removed and its photo encoded again.
 */

import { existsSync, statSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { PhotoEntry, PhotoManifest } from "../../contract/photo-manifest.ts";
import { PAGE_PATHS } from "../../contract/urls.ts";
import { mapPool } from "../../shared/map-pool.ts";
import { compareCodePoints } from "../../shared/text.ts";
import {
  type HashIndex,
  hashBuffer,
  hashFile,
  listObjects,
  listOutput,
  objectDir,
  objectKey,
  type PhotoRecord,
  pruneOutput,
  readIndex,
  readRecord,
  removeUnusedObjects,
  writeIfChanged,
  writeIndex,
} from "./cache.ts";
import { encodeBatch } from "./encode-batch.ts";
import { encodeInChildProcess } from "./encode-process.ts";
import { listOriginals } from "./list-originals.ts";
import { MANIFEST_FILE, stableStringify } from "./manifest.ts";
import { ACCEPTED_EXTENSIONS, errorReason, messages, type PhotoProblem } from "./problems.ts";
import { isLiveCopyIntact, isSoundObject, type PlannedFile, publishFiles } from "./publish.ts";
import { DEFAULT_FOCUS, DEFAULT_SETTINGS, type Focus, type PhotoSettings, settingsHash } from "./settings.ts";

export interface ProcessOptions {
  /** Folder of originals, e.g. `assets/photos`. */
  photosDir: string;
  /** Folder the site serves as `publicPath`, e.g. `_site/photos`. */
  outputDir: string;
  /**
   * The live site's photos when `outputDir` is a new (staged) folder: its files that are
   * unchanged since a build published them are linked, not copied. Default `outputDir`.
   */
  liveDir?: string;
  /** Cache folder outside the site, e.g. `.cache/photos`. */
  cacheDir: string;
  /** URL path of `outputDir`; default `/photos/`. */
  publicPath?: string;
  /** Largest original accepted, in pixels (width × height); default 100 megapixels; 0 for no limit. */
  limitInputPixels?: number;
  /** Called with (0, n) before encoding n photos and after each one. Not called when nothing changed. */
  onProgress?: (done: number, total: number) => void;
  /** Photos encoded at once; default 2. */
  concurrency?: number;
  /** Issue files that use each photo, by src (`{ "2025/x.jpg": ["src/issues/2025/a.md"] }`), for problem lines. */
  usedBy?: Readonly<Record<string, readonly string[]>>;
  /** Crop focus by src; `attention` when absent. */
  focus?: Readonly<Record<string, Focus>>;
  /** How problems name the photos folder; default `assets/photos`. */
  displayDir?: string;
  /** Encoder settings; the defaults are the site's. */
  settings?: PhotoSettings;
  /**
   * false: do everything but write the manifest and `outputDir` (the caller has other
   * problems to report and must leave the output as it was). Default true.
   */
  publish?: boolean;
  /**
   * Encode in a child process, so libvips's memory is given back when it exits (the build
   * does; tests and scripts that encode a few photos need not). Default false.
   */
  encodeInChild?: boolean;
}

/**
 * Where the cache lives unless DATELINE_PHOTO_CACHE says otherwise: inside node_modules,
 * because Netlify keeps node_modules between builds (and so keeps the renditions).
 */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.DATELINE_PHOTO_CACHE ?? "node_modules/.cache/dateline-photos";
}

const defaults = {
  publicPath: PAGE_PATHS.photos,
  limitInputPixels: 100_000_000,
  concurrency: 2,
  displayDir: "assets/photos",
} satisfies Partial<ProcessOptions>;

export interface ProcessResult {
  /** Every photo that could be processed, by src (also when there are problems). */
  manifest: PhotoManifest;
  problems: PhotoProblem[];
  /** sharp instances used this run (metadata reads, resizes, encodes); 0 when nothing changed. */
  encoded: number;
  /** Photos taken from the cache, and photos encoded this run. */
  reused: number;
  made: number;
  /** Photos that failed in the concurrent pass and were tried again alone (see step 2). */
  retried: number;
}

interface Found {
  src: string;
  file: string;
  focus: Focus;
  key: string;
  record?: PhotoRecord;
}

/**
 * Runs the pipeline. See the module comment for the steps and guarantees.
 *
 * @example
 * const { manifest, problems } = await processPhotos({
 *   photosDir: "assets/photos",
 *   outputDir: "_site/photos",
 *   cacheDir: ".cache/photos",
 *   onProgress: createProgressReporter(),
 * });
 * if (problems.length > 0) throw new PhotoError(problems);
 */
export async function processPhotos(options: ProcessOptions): Promise<ProcessResult> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const publicPath = (options.publicPath ?? defaults.publicPath).replace(/\/*$/, "/");
  const limitInputPixels = options.limitInputPixels ?? defaults.limitInputPixels;
  const displayDir = (options.displayDir ?? defaults.displayDir).replace(/\/+$/, "");
  const variant = settingsHash(settings);
  const problems: PhotoProblem[] = [];
  const report = (src: string, message: string) => {
    const usedBy = Object.hasOwn(options.usedBy ?? {}, src) ? options.usedBy?.[src] : undefined;
    problems.push({ photo: `${displayDir}/${src}`, message, ...(usedBy?.length ? { usedBy } : {}) });
  };
  let encoded = 0;

  // 1. Find.
  const oldIndex = await readIndex(options.cacheDir);
  const objects = await listObjects(options.cacheDir);
  const index: HashIndex = {};
  const listing = await listOriginals(options.photosDir);
  for (const link of listing.badLinks) report(link.src, link.message(displayDir));
  const sources = listing.sources;
  const found = await mapPool(sources, 16, async (src): Promise<Found | undefined> => {
    const extension = path.extname(src).toLowerCase();
    if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
      report(src, messages.unsupportedExtension(extension));
      return undefined;
    }
    const file = path.join(options.photosDir, src);
    try {
      // Sync stat: on a warm run this is most of the work, and a thread-pool round trip
      // per photo costs more than the system call.
      const { size, mtimeMs, ctimeMs, ino } = statSync(file);
      const known = oldIndex.files[src];
      // The hash is trusted only while the file is the very same one: a photo replaced by another
      // of the same size and mtime (cp -p, touch -r, an unpacked archive) has a new ctime or inode.
      const same =
        known?.size === size && known.mtimeMs === mtimeMs && known.ctimeMs === ctimeMs && known.ino === ino;
      const hash = same && known ? known.hash : await hashFile(file);
      index[src] = { size, mtimeMs, ctimeMs, ino, hash };
      const focus = options.focus?.[src] ?? DEFAULT_FOCUS;
      const key = objectKey(hash, variant, focus);
      const record = objects.has(key)
        ? (oldIndex.records[key] ?? readRecord(options.cacheDir, key))
        : undefined;
      return { src, file, focus, key, ...(record ? { record } : {}) };
    } catch (error) {
      report(src, messages.notReadable(errorReason(error)));
      return undefined;
    }
  });

  // 1b. Check the cache objects this publication would copy; a damaged one is a miss.
  const liveDir = options.liveDir ?? options.outputDir;
  const stamps = oldIndex.stamps ?? {};
  await mapPool(found, 16, async (item) => {
    if (!item?.record) return;
    const { key, record, src } = item;
    const copied = plannedFiles({ key, record }, options.cacheDir, outputPrefix(src)).filter(
      (file) => !isLiveCopyIntact(liveDir, file.to, stamps),
    );
    for (const file of copied) {
      if (await isSoundObject(file.object, file.bytes)) continue;
      delete item.record;
      await rm(objectDir(options.cacheDir, item.key), { recursive: true, force: true });
      return;
    }
  });

  // 2. Encode what the cache does not have (encode-batch.ts), here or in a child process.
  const todo = found.filter((item): item is Found => item !== undefined && item.record === undefined);
  let retried = 0;
  if (todo.length > 0) {
    const encode = options.encodeInChild ? encodeInChildProcess : encodeBatch;
    const batch = await encode(
      todo.map(({ src, file, focus }) => ({ src, file, focus })),
      {
        settings,
        limitInputPixels,
        cacheDir: options.cacheDir,
        concurrency: options.concurrency ?? defaults.concurrency,
      },
      options.onProgress,
    );
    encoded += batch.encoded;
    retried = batch.retried;
    batch.outcomes.forEach((outcome, position) => {
      const item = todo[position] as Found;
      if (outcome.file) index[item.src] = outcome.file;
      if (outcome.key) item.key = outcome.key;
      if (outcome.record) item.record = outcome.record;
      if (outcome.message !== undefined) report(item.src, outcome.message);
    });
  }

  const ready = found
    .filter((item): item is Found & { record: PhotoRecord } => item?.record !== undefined)
    .sort((a, b) => compareCodePoints(a.src, b.src));
  const prefixes = new Map(ready.map((item) => [item.src, outputPrefix(item.src)]));
  const manifest: PhotoManifest = {
    version: 1,
    photos: Object.fromEntries(
      ready.map((item) => [item.src, toEntry(item.src, item.record, publicPath, prefixes.get(item.src))]),
    ),
  };
  await removeUnusedObjects(options.cacheDir, new Set(ready.map((item) => item.key)));
  problems.sort((a, b) => compareCodePoints(a.photo, b.photo));
  const made = countMade(ready, todo);
  const result = {
    manifest,
    problems,
    encoded,
    reused: ready.length - made,
    made,
    retried,
  };
  const publish = problems.length === 0 && options.publish !== false;

  // 3. Publish: the files first, so a failure leaves the old manifest in place.
  let publishedStamps = oldIndex.stamps;
  if (publish) {
    const files = ready.flatMap((item) =>
      plannedFiles(item, options.cacheDir, prefixes.get(item.src) ?? outputPrefix(item.src)),
    );
    const existing = await listOutput(options.outputDir);
    await ensureDirs(
      options.outputDir,
      files.map((file) => path.posix.dirname(file.to)),
    );
    publishedStamps = await publishFiles(files, {
      outputDir: options.outputDir,
      liveDir,
      stamps,
      present: new Set(existing),
    });
    await pruneOutput(options.outputDir, existing, new Set(files.map((file) => file.to)));
  }

  // The manifest is a function of (publicPath, settings, src → key): when that is what was
  // published last time, skip serialising and comparing megabytes of JSON.
  const fingerprint = hashBuffer(
    Buffer.from(JSON.stringify([publicPath, variant, ready.map((item) => [item.src, item.key])])),
  );
  const manifestFile = path.join(options.cacheDir, MANIFEST_FILE);
  const published = publish ? fingerprint : oldIndex.published;
  if (publish && (fingerprint !== oldIndex.published || !existsSync(manifestFile))) {
    await writeIfChanged(manifestFile, stableStringify(manifest));
  }
  if (
    fingerprint !== oldIndex.fingerprint ||
    published !== oldIndex.published ||
    !sameStamps(publishedStamps, oldIndex.stamps) ||
    filesChanged(index, oldIndex.files)
  ) {
    await writeIndex(options.cacheDir, {
      files: sortRecord(index),
      records: sortRecord(Object.fromEntries(ready.map((item) => [item.key, item.record]))),
      ...(publishedStamps ? { stamps: publishedStamps } : {}),
      fingerprint,
      ...(published ? { published } : {}),
    });
  }
  return result;
}

/** The files one photo publishes, each with the cache object it comes from. */
function plannedFiles(
  item: { key: string; record: PhotoRecord },
  cacheDir: string,
  prefix: string,
): PlannedFile[] {
  const from = objectDir(cacheDir, item.key);
  return [...item.record.renditions, ...Object.values(item.record.crops)].map((cached) => ({
    to: `${prefix}${cached.file}`,
    object: `${from}/${cached.file}`,
    bytes: cached.bytes,
  }));
}

function sameStamps(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

function countMade(ready: readonly Found[], todo: readonly Found[]): number {
  const made = new Set(todo.map((item) => item.src));
  return ready.filter((item) => made.has(item.src)).length;
}

/** `2025/Istanbul Consulate.JPG` → `2025/istanbul-consulate-`. */
function outputPrefix(src: string): string {
  const parts = src.split("/");
  const base = parts.pop() ?? src;
  return `${[...parts.map(slug), slug(base.replace(/\.[^.]+$/, ""))].join("/")}-`;
}

/** A manifest entry from a cache record: file names become site paths under `publicPath`. */
function toEntry(
  src: string,
  record: PhotoRecord,
  publicPath: string,
  prefix = outputPrefix(src),
): PhotoEntry {
  const url = (file: string) => `${publicPath}${prefix}${file}`;
  const { renditions, crops, ...rest } = record;
  return {
    src,
    ...rest,
    renditions: renditions.map(({ file, ...rendition }) => ({ ...rendition, path: url(file) })),
    crops: Object.fromEntries(
      Object.entries(crops).map(([name, { file, ...crop }]) => [name, { ...crop, path: url(file) }]),
    ) as PhotoEntry["crops"],
  };
}

function filesChanged(files: HashIndex, old: HashIndex): boolean {
  const sources = Object.keys(files);
  if (sources.length !== Object.keys(old).length) return true;
  return sources.some((src) => {
    const now = files[src];
    const before = old[src];
    return (
      !now ||
      !before ||
      now.size !== before.size ||
      now.mtimeMs !== before.mtimeMs ||
      now.ctimeMs !== before.ctimeMs ||
      now.ino !== before.ino ||
      now.hash !== before.hash
    );
  });
}

function slug(text: string): string {
  const clean = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return clean || "photo";
}

async function ensureDirs(root: string, dirs: readonly string[]): Promise<void> {
  for (const dir of [...new Set(dirs)].sort()) await mkdir(path.join(root, dir), { recursive: true });
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareCodePoints(a, b)));
}
