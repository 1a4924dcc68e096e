/**
 * The search store: what Pagefind wrote, kept between builds under the key of what it was made
 * from, so a build writes again only what changed.
 *
 * - A **fragment** (`pagefind/fragment/<name>.pf_fragment`, the gzipped record a result shows) is
 *   kept under its page's key: the page's path, the sha256 of its HTML bytes and the fingerprint
 *   of the indexer (Pagefind's version, the platform, our configuration). The same key is the same
 *   fragment, so a build puts an unchanged page's fragment in place before Pagefind writes, and
 *   Pagefind, which never rewrites a file named by its content's hash, does not compress it again.
 * - A **bundle** (every file of one `pagefind/<id>/`, bundles.ts) is kept under the key of its
 *   pages' keys, in order: a build takes each bundle whose pages are all unchanged and indexes
 *   only the others. The bundles of the last few builds are kept.
 *
 * Objects are content-addressed (`objects/<aa>/<sha256>`), written under a temporary name and
 * renamed, and shared between entries; `index.json` maps each key to its objects, with the time a
 * build last used it. A missing, truncated or damaged object is a miss (its hash is checked before
 * each use), and so is an index that does not parse. Entries no build used for two weeks go, and
 * past the limit the least recently used go first. The store deletes only names it makes, in a
 * folder it claimed (the `.dateline-store` marker); a store that cannot be read or written only
 * costs time.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  claimStoreFolder,
  packageVersion,
  removeUnreferencedObjects,
  sha256,
  storeFolder,
} from "../shared/store.ts";
import type { Fragment } from "./pagefind-files.ts";

/** `node_modules/.cache/dateline-search` of this project: Netlify's cache plugin keeps it. */
const DEFAULT_SEARCH_CACHE_DIR = path.resolve(
  import.meta.dirname,
  "../../node_modules/.cache/dateline-search",
);
const SEARCH_CACHE_VARIABLE = "DATELINE_SEARCH_CACHE";
/** Fragments are a few KB and a bundle a few MB per 1,000 issues: room for many versions. */
const DEFAULT_LIMIT_BYTES = 512 * 1024 * 1024;
/**
 * Builds whose bundles are kept: the last few (a revert, or a preview next to production, takes
 * one back). A site has one bundle per year or quarter (bundles.ts), all kept for each build.
 */
const BUNDLE_BUILDS_KEPT = 3;
/** An entry no build has used for this long is removed. */
const UNUSED_MS = 14 * 24 * 3600 * 1000;

const INDEX_FILE = "index.json";
const OBJECTS = "objects";
/** What the store makes in its folder: anything else there means the folder is not a store. */
const OWN_NAME = /^(?:objects|index\.json|index\.json\.\d+-[0-9a-f]{8}\.tmp)$/;
const OBJECT_NAME = /^[0-9a-f]{64}$/;
/** A fragment's file name as Pagefind makes it: `<language>_<hash>.pf_fragment`. */
const FRAGMENT_NAME = /^[A-Za-z0-9-]+_[0-9a-f]{7,}\.pf_fragment$/;
/** A file of a bundle, relative to `pagefind/`: plain names only, none starting with a dot. */
const BUNDLE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const FORMAT = 1;

const objectFields = {
  /** The sha256 of the file's bytes, and their number. */
  object: z.string().regex(OBJECT_NAME),
  size: z.number().int().nonnegative(),
};
const fragmentSchema = z.object({
  /** The fragment's file name in `pagefind/fragment/`, and the URL it holds. */
  name: z.string().regex(FRAGMENT_NAME),
  url: z.string(),
  ...objectFields,
  /** When a build last used it, in milliseconds since 1970 (the wall clock). */
  used: z.number(),
});
const bundleSchema = z.object({
  files: z.array(z.object({ path: z.string().regex(BUNDLE_PATH), ...objectFields })),
  used: z.number(),
});
type FragmentEntry = z.infer<typeof fragmentSchema>;
type BundleEntry = z.infer<typeof bundleSchema>;
const indexSchema = z.object({
  format: z.literal(FORMAT),
  fragments: z.record(z.string(), fragmentSchema),
  bundles: z.record(z.string(), bundleSchema),
});
interface Index {
  fragments: Map<string, FragmentEntry>;
  bundles: Map<string, BundleEntry>;
}

/** A stored file ready to be put in place: its path in the store, and its bytes. */
export interface StoredFile {
  object: string;
  bytes: Buffer;
}

/** A file of a bundle: its path under `pagefind/` (with `/`) and its bytes. */
export interface BundleFile {
  path: string;
  bytes: Buffer;
}

/** The store's folder from the environment: `DATELINE_SEARCH_CACHE`, else the default; false when `off`. */
export function searchCacheDir(env: Record<string, string | undefined> = process.env): string | false {
  return storeFolder(SEARCH_CACHE_VARIABLE, DEFAULT_SEARCH_CACHE_DIR, env);
}

/**
 * What every output depends on besides the pages: the Pagefind binary that wrote it and the
 * configuration it ran with. Another version or setting is another key, never a stale entry.
 */
export function indexerFingerprint(config: unknown): string {
  return sha256(
    JSON.stringify({
      format: FORMAT,
      pagefind: packageVersion("pagefind"),
      platform: `${process.platform}-${process.arch}`,
      config,
    }),
  );
}

/** The key of a page's fragment: the indexer, the page's path in the site (with `/`) and its bytes. */
export function fragmentKey(fingerprint: string, file: string, html: Buffer): string {
  return sha256(`fragment\0${fingerprint}\0${file}\0${sha256(html)}`);
}

/** The key of a whole bundle: its pages' keys, in the order they were indexed. */
export function bundleKey(pageKeys: readonly string[]): string {
  return sha256(`bundle\0${pageKeys.join("\n")}`);
}

function temporaryName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
}

export class SearchStore {
  private readonly index: Index;
  /** Entries this build took or kept: written back by `finish`. */
  private readonly used: Index = { fragments: new Map(), bundles: new Map() };
  private readonly now = Date.now();

  constructor(
    private readonly root: string | false,
    private readonly limitBytes = DEFAULT_LIMIT_BYTES,
  ) {
    if (root !== false) claimStoreFolder(root, SEARCH_CACHE_VARIABLE, OWN_NAME);
    this.index = root === false ? { fragments: new Map(), bundles: new Map() } : readIndex(root);
  }

  private objectFile(hash: string): string {
    if (this.root === false) throw new Error("the search store is off");
    return path.join(this.root, OBJECTS, hash.slice(0, 2), hash);
  }

  /** The object `hash` when it is whole (`size` bytes hashing to its name), else undefined. */
  private whole(hash: string, size: number): StoredFile | undefined {
    if (this.root === false) return undefined;
    const object = this.objectFile(hash);
    try {
      const bytes = readFileSync(object);
      return bytes.length === size && sha256(bytes) === hash ? { object, bytes } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes `bytes` as their object unless it is there whole; returns the hash. Throws on a write failure. */
  private writeObject(bytes: Buffer): string {
    const hash = sha256(bytes);
    const object = this.objectFile(hash);
    if (!isWhole(object, bytes.length)) {
      mkdirSync(path.dirname(object), { recursive: true });
      const temporary = temporaryName(object);
      try {
        // Read-only: a placed copy in the published site shares this inode, and must never change.
        writeFileSync(temporary, bytes, { mode: 0o444 });
        renameSync(temporary, object);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
    }
    return hash;
  }

  /** The fragment stored under `key` when its object is whole, else undefined (a miss). */
  take(key: string): (Fragment & StoredFile) | undefined {
    const entry = this.index.fragments.get(key);
    const stored = entry && this.whole(entry.object, entry.size);
    if (!entry || !stored) return undefined;
    this.used.fragments.set(key, { ...entry, used: this.now });
    return { name: entry.name, url: entry.url, ...stored };
  }

  /** Marks the fragment under `key` as used (its page is in a bundle this build took). */
  touch(key: string): void {
    const entry = this.index.fragments.get(key);
    if (entry) this.used.fragments.set(key, { ...entry, used: this.now });
  }

  /** Keeps a page's fragment under `key`. Never throws: a store that cannot write only misses. */
  keep(key: string, fragment: Fragment): void {
    if (this.root === false || !FRAGMENT_NAME.test(fragment.name)) return;
    const taken = this.used.fragments.get(key);
    if (
      taken?.name === fragment.name &&
      taken.url === fragment.url &&
      taken.object === sha256(fragment.bytes)
    )
      return;
    try {
      const object = this.writeObject(fragment.bytes);
      const { name, url } = fragment;
      this.used.fragments.set(key, { name, url, object, size: fragment.bytes.length, used: this.now });
    } catch {
      // A full or read-only disk: the next build compresses this fragment again.
    }
  }

  /** Every file of the bundle stored under `key` when all its objects are whole, else undefined. */
  takeBundle(key: string): (StoredFile & { path: string })[] | undefined {
    const entry = this.index.bundles.get(key);
    if (!entry) return undefined;
    const files: (StoredFile & { path: string })[] = [];
    for (const file of entry.files) {
      const stored = this.whole(file.object, file.size);
      if (!stored) return undefined;
      files.push({ path: file.path, ...stored });
    }
    this.used.bundles.set(key, { ...entry, used: this.now });
    return files;
  }

  /** Keeps a whole bundle under `key`. Never throws. */
  keepBundle(key: string, files: readonly BundleFile[]): void {
    if (this.root === false || !files.every((file) => BUNDLE_PATH.test(file.path))) return;
    try {
      const entries = files.map((file) => ({
        path: file.path,
        object: this.writeObject(file.bytes),
        size: file.bytes.length,
      }));
      this.used.bundles.set(key, { files: entries, used: this.now });
    } catch {
      // A full or read-only disk: the next build with these pages runs the index again.
    }
  }

  /** Writes the index (merged with any a concurrent build wrote) and prunes to the bound. */
  finish(): void {
    if (this.root === false) return;
    const root = this.root;
    const merged = readIndex(root);
    // Later than every use on record, even within one millisecond of the last build: "most
    // recently used" must not depend on the clock's resolution.
    const stamp = Math.max(this.now, newestUse(merged) + 1);
    for (const [key, entry] of this.used.fragments) merged.fragments.set(key, { ...entry, used: stamp });
    for (const [key, entry] of this.used.bundles) merged.bundles.set(key, { ...entry, used: stamp });
    prune(merged, stamp, this.limitBytes, this.used);
    try {
      mkdirSync(root, { recursive: true });
      const file = path.join(root, INDEX_FILE);
      const temporary = temporaryName(file);
      const index = {
        format: FORMAT,
        fragments: Object.fromEntries(merged.fragments),
        bundles: Object.fromEntries(merged.bundles),
      };
      writeFileSync(temporary, JSON.stringify(index));
      renameSync(temporary, file);
      removeUnreferencedObjects(path.join(root, OBJECTS), referencedObjects(merged), this.now);
    } catch {
      // Best effort: a store that cannot be tidied only costs disk.
    }
  }
}

function isWhole(object: string, size: number): boolean {
  try {
    return statSync(object).size === size;
  } catch {
    return false;
  }
}

function readIndex(root: string): Index {
  try {
    const parsed = indexSchema.safeParse(JSON.parse(readFileSync(path.join(root, INDEX_FILE), "utf8")));
    if (parsed.success)
      return {
        fragments: new Map(Object.entries(parsed.data.fragments)),
        bundles: new Map(Object.entries(parsed.data.bundles)),
      };
  } catch {
    // Missing or damaged: every key is a miss.
  }
  return { fragments: new Map(), bundles: new Map() };
}

function referencedObjects(index: Index): Set<string> {
  return new Set([
    ...[...index.fragments.values()].map((entry) => entry.object),
    ...[...index.bundles.values()].flatMap((entry) => entry.files.map((file) => file.object)),
  ]);
}

/** The latest use any entry records, or 0. */
function newestUse(index: Index): number {
  let newest = 0;
  for (const entry of [...index.fragments.values(), ...index.bundles.values()])
    newest = Math.max(newest, entry.used);
  return newest;
}

/**
 * Drops entries unused for two weeks and bundles past the most recent few, then the least
 * recently used entries until the distinct objects fit in `limitBytes`; what this build used
 * is always kept.
 */
function prune(index: Index, now: number, limitBytes: number, keep: Index): void {
  for (const kind of ["fragments", "bundles"] as const) {
    const entries: Map<string, { used: number }> = index[kind];
    for (const [key, entry] of entries)
      if (!keep[kind].has(key) && now - entry.used > UNUSED_MS) entries.delete(key);
  }
  // Each build stamps what it used with a time of its own (finish), so a stamp is a build.
  const recentBuilds = new Set(
    [...new Set([...index.bundles.values()].map((entry) => entry.used))]
      .sort((a, b) => b - a)
      .slice(0, BUNDLE_BUILDS_KEPT),
  );
  for (const [key, entry] of index.bundles)
    if (!keep.bundles.has(key) && !recentBuilds.has(entry.used)) index.bundles.delete(key);

  const sizes = new Map<string, number>();
  const count = new Map<string, number>();
  const objectsOf = (kind: "fragments" | "bundles", key: string): { object: string; size: number }[] =>
    kind === "fragments"
      ? [index.fragments.get(key)].filter((entry) => entry !== undefined)
      : (index.bundles.get(key)?.files ?? []);
  const all = [
    ...[...index.fragments].map(([key, entry]) => ({ kind: "fragments" as const, key, used: entry.used })),
    ...[...index.bundles].map(([key, entry]) => ({ kind: "bundles" as const, key, used: entry.used })),
  ];
  for (const { kind, key } of all)
    for (const { object, size } of objectsOf(kind, key)) {
      sizes.set(object, size);
      count.set(object, (count.get(object) ?? 0) + 1);
    }
  let total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  for (const { kind, key } of all
    .filter((entry) => !keep[entry.kind].has(entry.key))
    .sort((a, b) => a.used - b.used)) {
    if (total <= limitBytes) break;
    for (const { object } of objectsOf(kind, key)) {
      const left = (count.get(object) ?? 1) - 1;
      count.set(object, left);
      if (left === 0) total -= sizes.get(object) ?? 0;
    }
    index[kind].delete(key);
  }
}
