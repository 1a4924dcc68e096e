/**
 * Putting renditions into the site so that no published file shares an inode with the cache.
 * A cache object can be damaged (a full disk, a hand, another tool); a published file must
 * change only when a build publishes it.
 *
 * - A file the live site already serves, unchanged since the build that published it (its
 *   stamp: size, device, inode and mtime), is hard-linked into the new site: no bytes move.
 * - Every other file is copied from its cache object, which is checked first: its size must be
 *   the record's and its sha256 must start with the hash in its name. A bad object is a miss,
 *   and its photo is encoded again.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { mapPool } from "../../shared/map-pool.ts";
import { type FileStamp, stampFile } from "../../shared/store.ts";
import { compareCodePoints } from "../../shared/text.ts";

/** One file of a photo as the site publishes it. */
export interface PlannedFile {
  /** Path under the output folder, `/`-separated, e.g. `2025/x-1200.3f9a2c1b.webp`. */
  to: string;
  /** The cache object's file it is copied from when the live site cannot lend it. */
  object: string;
  /** Its size, from the cache record. */
  bytes: number;
}

/** `1200.3f9a2c1b.webp` → `3f9a2c1b`: renditions are named by the start of their sha256. */
function hashInName(file: string): string | undefined {
  return /\.([0-9a-f]{8})\.[a-z]+$/.exec(path.basename(file))?.[1];
}

/** True when the cache object holds exactly the bytes its record and name promise. */
export async function isSoundObject(file: string, bytes: number): Promise<boolean> {
  try {
    const data = await readFile(file);
    if (data.length !== bytes) return false;
    return createHash("sha256").update(data).digest("hex").slice(0, 8) === hashInName(file);
  } catch {
    return false;
  }
}

/** True when the live site's copy of `to` is the very file a build published and stamped. */
export function isLiveCopyIntact(
  liveDir: string | undefined,
  to: string,
  stamps: Readonly<Record<string, FileStamp>>,
): boolean {
  if (liveDir === undefined || !Object.hasOwn(stamps, to)) return false;
  return stampFile(path.join(liveDir, to)) === stamps[to];
}

export interface PublishOptions {
  /** The folder being filled (the staged site's photos, or the served site's in the dev server). */
  outputDir: string;
  /** The live site's photos, whose stamped files are linked rather than copied; may be `outputDir`. */
  liveDir: string | undefined;
  /** Stamps of the files the last build published, by `to`. */
  stamps: Readonly<Record<string, FileStamp>>;
  /** Files `outputDir` holds already (from `listOutput`). */
  present: ReadonlySet<string>;
}

/**
 * Puts each file at `outputDir/to`, linked from the live site when its stamp holds and copied
 * from the cache otherwise (the caller checked those objects). Returns the stamps of what was
 * published, for the next build.
 */
export async function publishFiles(
  files: readonly PlannedFile[],
  options: PublishOptions,
): Promise<Record<string, FileStamp>> {
  const { outputDir, liveDir, stamps, present } = options;
  const sameFolder = liveDir !== undefined && path.resolve(liveDir) === path.resolve(outputDir);
  const published: Record<string, FileStamp> = {};
  await mapPool(files, 64, async (file) => {
    const target = path.join(outputDir, file.to);
    const intact = isLiveCopyIntact(liveDir, file.to, stamps);
    if (present.has(file.to)) {
      if (sameFolder && intact) {
        published[file.to] = stamps[file.to] as FileStamp;
        return;
      }
      // Unstamped (an older build's link to the cache) or changed since: replace it.
      await unlink(target);
    }
    if (intact && !sameFolder && liveDir !== undefined) {
      try {
        await link(path.join(liveDir, file.to), target);
      } catch {
        await copyFile(path.join(liveDir, file.to), target);
      }
    } else {
      // A clone where the file system can (its own blocks from the first write), else a copy.
      await copyFile(file.object, target, constants.COPYFILE_FICLONE);
    }
    const stamp = stampFile(target);
    if (stamp !== undefined) published[file.to] = stamp;
  });
  return Object.fromEntries(Object.entries(published).sort(([a], [b]) => compareCodePoints(a, b)));
}
