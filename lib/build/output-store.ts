/**
 * The output store: every page, email file and listing the build renders, kept between builds
 * under the key of what it shows (lib/eleventy/output-plan.ts makes the keys). A build renders
 * only the outputs whose key is new and takes the rest from here, so its cost follows what changed.
 *
 * The store is content-addressed: `objects/<aa>/<sha256>` holds each distinct file once, and
 * `index.json` maps each key to its object with the time a build last used it. An object is
 * never written in place: it is linked or written under a temporary name, renamed, and made
 * read-only, so a published file that shares its inode can only change with a new build. A
 * missing, truncated or damaged object reads as a miss (its hash is checked before each use),
 * and a build killed mid-write leaves, at worst, a temporary file the next build removes.
 *
 * The store is bounded: entries no build used for two weeks go, and past `limitBytes` the least
 * recently used go first. It deletes only names it makes, in a folder it claimed (the marker).
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { z } from "zod";
import { BuildError } from "../shared/problems.ts";
import {
  claimStoreFolder,
  type KnownHash,
  removeUnreferencedObjects,
  sha256,
  stampFile,
} from "../shared/store.ts";

/** `node_modules/.cache/dateline-outputs` of this project: Netlify's cache plugin keeps it. */
const DEFAULT_OUTPUT_CACHE_DIR = path.resolve(
  import.meta.dirname,
  "../../node_modules/.cache/dateline-outputs",
);
const OUTPUT_CACHE_VARIABLE = "DATELINE_OUTPUT_CACHE";
/** The size bound unless `DATELINE_OUTPUT_CACHE_MB` sets another: several versions of a 4,000-issue site. */
const DEFAULT_LIMIT_MB = 2048;
/** An entry no build has used for this long is removed. */
const UNUSED_MS = 14 * 24 * 3600 * 1000;

const INDEX_FILE = "index.json";
const OBJECTS = "objects";
/** What the store makes in its folder: anything else there means the folder is not a store. */
const OWN_NAME = /^(?:objects|index\.json|index\.json\.\d+-[0-9a-f]{8}\.tmp)$/;
const OBJECT_NAME = /^[0-9a-f]{64}$/;
const FORMAT = 1;

const entrySchema = z.object({
  /** The object's sha256. */
  o: z.string().regex(OBJECT_NAME),
  /** Its size in bytes. */
  s: z.number().int().nonnegative(),
  /** When a build last used it, in milliseconds since 1970 (the wall clock, not SOURCE_DATE_EPOCH). */
  u: z.number(),
  /**
   * The object's stamp (size, device, inode, modification time) when its bytes were last hashed: while they
   * stay the same the object is taken without reading it (any write in place changes them).
   */
  t: z.string().optional(),
});
type Entry = z.infer<typeof entrySchema>;
const indexSchema = z.object({ format: z.literal(FORMAT), entries: z.record(z.string(), entrySchema) });

/** The store's folder and bound from the environment; `false` when `DATELINE_OUTPUT_CACHE=off`. A bad bound is refused. */
export function outputStoreSettings(env: Record<string, string | undefined> = process.env): {
  root: string | false;
  limitBytes: number;
} {
  const dir = env[OUTPUT_CACHE_VARIABLE];
  const root = dir === "off" ? false : dir === undefined || dir === "" ? DEFAULT_OUTPUT_CACHE_DIR : dir;
  const setting = env.DATELINE_OUTPUT_CACHE_MB;
  const megabytes = setting === undefined || setting === "" ? DEFAULT_LIMIT_MB : Number(setting);
  if (!Number.isInteger(megabytes) || megabytes < 1)
    throw new BuildError(
      `DATELINE_OUTPUT_CACHE_MB: "${setting}" is not a whole number of megabytes — set it to one such as ${DEFAULT_LIMIT_MB}, or leave it unset`,
    );
  return { root, limitBytes: megabytes * 1024 * 1024 };
}

function temporaryName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
}

export class OutputStore {
  private readonly entries: Map<string, Entry>;
  /** Entries this build took or kept: written back by `finish`. */
  private readonly used = new Map<string, Entry>();
  /** Each file this build took or kept, with its hash: the checks need not read it again. */
  private readonly placedFiles = new Map<string, KnownHash>();
  /** Folders made for taken files: an issue's page and email files share one. */
  private readonly madeFolders = new Set<string>();
  private readonly now = Date.now();

  constructor(
    private readonly root: string | false,
    private readonly limitBytes = outputStoreSettings().limitBytes,
  ) {
    if (root !== false) claimStoreFolder(root, OUTPUT_CACHE_VARIABLE, OWN_NAME);
    this.entries = root === false ? new Map() : readIndex(root);
  }

  private objectFile(hash: string): string {
    if (this.root === false) throw new Error("the output store is off");
    return path.join(this.root, OBJECTS, hash.slice(0, 2), hash);
  }

  /**
   * The entry stored under `key` when its object is whole, else undefined (a miss). An object
   * whose stamp changed since it was last hashed is read and hashed again.
   */
  private verified(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.root === false) return undefined;
    const object = this.objectFile(entry.o);
    const stamp = stampFile(object);
    if (stamp === undefined || !stamp.startsWith(`${entry.s}:`)) return undefined;
    if (entry.t === stamp) return entry;
    try {
      const bytes = readFileSync(object);
      if (bytes.length !== entry.s || sha256(bytes) !== entry.o) return undefined;
    } catch {
      return undefined;
    }
    const checked = { ...entry, t: stamp };
    this.entries.set(key, checked);
    return checked;
  }

  /** The hash of the output stored under `key`, if any: what DATELINE_VERIFY_OUTPUTS compares. */
  storedHash(key: string): string | undefined {
    return this.verified(key)?.o;
  }

  /**
   * Puts the output stored under `key` at `file` (a hard link, or a copy across file systems);
   * false on a miss, when the output must be rendered.
   */
  take(key: string, file: string): boolean {
    const entry = this.verified(key);
    if (!entry) return false;
    const object = this.objectFile(entry.o);
    try {
      const folder = path.dirname(file);
      if (!this.madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.madeFolders.add(folder);
      }
      try {
        linkSync(object, file);
        // The same inode: the file's stamp is the object's, checked just now.
        if (entry.t !== undefined) this.placedFiles.set(file, { hash: entry.o, stamp: entry.t });
      } catch {
        copyFileSync(object, file);
        this.recordPlaced(file, entry.o);
      }
    } catch {
      rmSync(file, { force: true });
      return false;
    }
    this.used.set(key, { ...entry, u: this.now });
    return true;
  }

  /** Keeps `file`, just rendered, under `key`. Never throws: a store that cannot write only misses. */
  keep(key: string, file: string): void {
    if (this.root === false) return;
    try {
      const bytes = readFileSync(file);
      const hash = sha256(bytes);
      const object = this.objectFile(hash);
      if (!isWhole(object, bytes.length)) {
        mkdirSync(path.dirname(object), { recursive: true });
        const temporary = temporaryName(object);
        try {
          linkSync(file, temporary);
        } catch {
          writeFileSync(temporary, bytes);
        }
        // Read-only: the object, and the staged file sharing its inode, are never written again.
        chmodSync(temporary, 0o444);
        renameSync(temporary, object);
      }
      const stamp = stampFile(object);
      this.used.set(key, { o: hash, s: bytes.length, u: this.now, ...(stamp ? { t: stamp } : {}) });
      this.recordPlaced(file, hash);
    } catch {
      // A full or read-only disk: the next build renders this output again.
    }
  }

  private recordPlaced(file: string, hash: string): void {
    const stamp = stampFile(file);
    if (stamp !== undefined) this.placedFiles.set(file, { hash, stamp });
  }

  /** The files this build took or kept (absolute paths), each with its sha256 and its stamp then. */
  placed(): ReadonlyMap<string, KnownHash> {
    return this.placedFiles;
  }

  /** Writes the index (merged with any a concurrent build wrote) and prunes to the bound. */
  finish(): { entries: number; bytes: number; removed: number } {
    if (this.root === false) return { entries: 0, bytes: 0, removed: 0 };
    const root = this.root;
    const merged = readIndex(root);
    for (const [key, entry] of this.used) merged.set(key, entry);
    const removed = pruneEntries(merged, this.now, this.limitBytes, new Set(this.used.keys()));
    try {
      mkdirSync(root, { recursive: true });
      const file = path.join(root, INDEX_FILE);
      const temporary = temporaryName(file);
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(merged) }));
      renameSync(temporary, file);
      removeUnreferencedObjects(
        path.join(root, OBJECTS),
        new Set([...merged.values()].map((entry) => entry.o)),
        this.now,
      );
    } catch {
      // Best effort: a store that cannot be tidied only costs disk.
    }
    let bytes = 0;
    for (const entry of new Map([...merged.values()].map((entry) => [entry.o, entry.s])).values())
      bytes += entry;
    return { entries: merged.size, bytes, removed };
  }
}

function isWhole(object: string, size: number): boolean {
  try {
    return statSync(object).size === size;
  } catch {
    return false;
  }
}

function readIndex(root: string): Map<string, Entry> {
  try {
    const parsed = indexSchema.safeParse(JSON.parse(readFileSync(path.join(root, INDEX_FILE), "utf8")));
    return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Drops entries unused for two weeks, then the least recently used until the distinct objects
 * fit in `limitBytes`; what this build used is always kept. Returns how many went.
 */
function pruneEntries(
  entries: Map<string, Entry>,
  now: number,
  limitBytes: number,
  keep: Set<string>,
): number {
  let removed = 0;
  for (const [key, entry] of entries) {
    if (!keep.has(key) && now - entry.u > UNUSED_MS) {
      entries.delete(key);
      removed += 1;
    }
  }
  // Entries share objects: an object's bytes count once, and go when its last entry goes.
  const references = new Map<string, number>();
  let total = 0;
  for (const entry of entries.values()) {
    const count = references.get(entry.o) ?? 0;
    if (count === 0) total += entry.s;
    references.set(entry.o, count + 1);
  }
  if (total <= limitBytes) return removed;
  const oldestFirst = [...entries].filter(([key]) => !keep.has(key)).sort((a, b) => a[1].u - b[1].u);
  for (const [key, entry] of oldestFirst) {
    if (total <= limitBytes) break;
    entries.delete(key);
    removed += 1;
    const count = (references.get(entry.o) ?? 1) - 1;
    references.set(entry.o, count);
    if (count === 0) total -= entry.s;
  }
  return removed;
}
