/**
 * A store of JSON entries (the site checks' facts, the email editions): one small file per entry,
 * named by the hash of what it was made from, in a folder named by the fingerprint of everything
 * else it depends on (code and package versions, configuration). A changed input is a new name, so
 * an entry is never stale; it is only ever valid or unused.
 *
 * Each file is `<sha256 of the payload>\n<payload JSON>`, written to a temporary name and renamed,
 * so a build killed mid-write leaves either the old state or a whole entry. An entry that is
 * missing, truncated, corrupt or of another shape reads as a miss: that file is checked cold.
 * Every failure to read or write the cache only costs time.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { BuildError } from "./problems.ts";

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** What identifies one state of one file: a write, a truncation or a replacement changes it. */
export type FileStamp = string;

/** The stamp of `file` (size, device, inode, mtime), or `undefined` when it is not a readable file. */
export function stampFile(file: string): FileStamp | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    if (!stat.isFile()) return undefined;
    return `${stat.size}:${stat.dev}:${stat.ino}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** A file's sha256 as a stage that wrote or placed it knew it, with the file's stamp then. */
export interface KnownHash {
  hash: string;
  stamp: FileStamp;
}

/**
 * The sha256 of `file`: the known one while the file keeps the stamp it had then (no read),
 * else hashed from its bytes. Lets the checks skip reading the thousands of files the build
 * took from the output store.
 */
export function hashFile(file: string, known?: ReadonlyMap<string, KnownHash>): string {
  const entry = known?.get(file);
  if (entry !== undefined && stampFile(file) === entry.stamp) return entry.hash;
  return sha256(readFileSync(file));
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A store's folder from its setting: the default when `variable` is unset or empty, false for
 * `off` (no store), else the folder it names.
 * @example storeFolder("DATELINE_VIEW_CACHE", "/p/node_modules/.cache/dateline-views", { DATELINE_VIEW_CACHE: "off" }) // false
 */
export function storeFolder(
  variable: string,
  defaultDir: string,
  env: Record<string, string | undefined> = process.env,
): string | false {
  const setting = env[variable];
  if (setting === "off") return false;
  return setting === undefined || setting === "" ? defaultDir : setting;
}

/** The installed version of a package, for cache fingerprints ("?" when it cannot be read). */
export function packageVersion(name: string): string {
  try {
    const json: unknown = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8"),
    );
    return typeof json === "object" && json !== null && "version" in json ? String(json.version) : "?";
  } catch {
    return "?";
  }
}

/**
 * The hash of a folder's code: any edit to a module in `dir` (or, `recursive`, in a folder
 * under it) is a new fingerprint.
 */
export function codeHash(dir: string, { recursive = false } = {}): string {
  const hash = readdirSync(dir, { recursive })
    .map(String)
    .filter((name) => /\.(?:ts|mjs|js)$/.test(name))
    .sort()
    .map((name) => `${name}\0${sha256(readFileSync(path.join(dir, name)))}`)
    .join("\n");
  return sha256(hash);
}

/** Unused fingerprints (another config, older code) are removed after this long. */
const STALE_FINGERPRINT_MS = 7 * 24 * 3600 * 1000;
/** A temporary file this old was left by a killed process. */
const STALE_TEMP_MS = 10 * 60 * 1000;
const USED_MARKER = "last-used";
/**
 * The file that says a folder is a store's own: written when the store claims an empty (or
 * new) folder, or one that holds nothing but its own fingerprint folders. A store deletes
 * nothing in a folder without it, and refuses a folder that holds anything else.
 */
export const STORE_MARKER = ".dateline-store";
/** A fingerprint folder's name: sha256 hex, whole or cut to 32. */
const FINGERPRINT_NAME = /^(?:[0-9a-f]{32}|[0-9a-f]{64})$/;
/** An entry's shard folder and file names. */
const SHARD_NAME = /^[0-9a-f]{2}$/;
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;
const TEMP_NAME = /^[0-9a-f]{64}\.json\.\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Makes `root` this store's folder, or refuses it with one line naming `variable`, the setting
 * that chose it: a folder that holds other things (a checkout, a home folder) is never a cache,
 * so a mistyped setting can never lead the store to prune a writer's files. `ownName` matches
 * the names the store itself makes.
 */
export function claimStoreFolder(root: string, variable: string, ownName: RegExp = FINGERPRINT_NAME): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    // Missing (made on first write) or unreadable (every read then misses): nothing to protect.
    names = [];
  }
  if (names.includes(STORE_MARKER)) return;
  const foreign = names.filter((name) => !ownName.test(name)).sort();
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
    throw new BuildError(
      `${variable}: ${root} is not a Dateline cache folder (it holds ${shown} and no ${STORE_MARKER}) — set ${variable} to an empty or new folder; nothing in it was touched`,
    );
  }
  try {
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, STORE_MARKER), "A Dateline cache folder: safe to delete.\n");
  } catch {
    // A read-only place: the store then only misses.
  }
}

export class JsonStore {
  private readonly folder: string | undefined;
  private readonly used = new Set<string>();
  private readonly writes: Promise<void>[] = [];
  /** Entries its owner knows are live though this run may not read them (see `expectLive`). */
  private live = 0;

  /**
   * `variable` names the setting that chose `root` (e.g. `DATELINE_CHECK_CACHE`), for the
   * refusal when `root` is not a cache folder (see `claimStoreFolder`).
   */
  constructor(
    private readonly root: string | false,
    private readonly fingerprint: string,
    variable: string,
  ) {
    if (root !== false) claimStoreFolder(root, variable);
    this.folder = root === false ? undefined : path.join(root, fingerprint);
  }

  private fileFor(key: string): string | undefined {
    return this.folder && path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /** The entry under `key` if it is whole and has the schema's shape. */
  read<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const file = this.fileFor(key);
    if (file === undefined) return undefined;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    const newline = text.indexOf("\n");
    const payload = text.slice(newline + 1);
    if (newline !== 64 || sha256(payload) !== text.slice(0, newline)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return undefined;
    this.used.add(key);
    return parsed.data;
  }

  /**
   * Says that about `count` entries are live even if this run reads none of them: the email
   * editions of an archive whose email files all came from the output store, say. Tidying
   * then waits until the folder outgrows them, as it waits for the entries a run reads.
   */
  expectLive(count: number): void {
    this.live = Math.max(this.live, count);
  }

  /** Entries past this many go (all but the used ones): twice the live ones, plus 100. */
  private bound(): number {
    return 2 * Math.max(this.used.size, this.live) + 100;
  }

  /** Marks an entry this run relied on without reading it, so tidying keeps it. */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Stores the entry atomically (temporary file, then rename). Never throws. */
  write(key: string, value: unknown): void {
    const file = this.fileFor(key);
    if (file === undefined) return;
    this.used.add(key);
    const payload = JSON.stringify(value);
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    this.writes.push(
      mkdir(path.dirname(file), { recursive: true })
        .then(() => writeFile(temporary, `${sha256(payload)}\n${payload}`))
        .then(() => rename(temporary, file))
        .catch(() => {
          // A read-only or full disk: the next run checks this file cold.
          try {
            rmSync(temporary, { force: true });
          } catch {
            // Not even a folder to remove it from (the cache path runs through a file).
          }
        }),
    );
  }

  /**
   * Waits for the writes, then tidies: entries this run did not use go once they outnumber the
   * used or live ones (an archive's pages change slowly; a folder of dead entries only costs disk), and
   * other fingerprints go once unused for a week.
   */
  async finish(): Promise<void> {
    await Promise.all(this.writes);
    if (this.folder === undefined || this.root === false) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      const marker = path.join(this.folder, USED_MARKER);
      const now = new Date();
      // The marker holds how many entries the last walk left. Only writes add entries, so while
      // that count plus this run's writes is within the bound, the walk (every shard's listing,
      // half a second at 1,000 issues) could remove nothing and is skipped.
      const counted = Number.parseInt(readMarker(marker), 10);
      const bound = this.bound();
      const entries =
        Number.isSafeInteger(counted) && counted + this.writes.length <= bound
          ? counted + this.writes.length
          : this.pruneEntries(now.getTime());
      writeFileSync(marker, `${entries}\n`);
      utimesSync(marker, now, now);
      this.pruneFingerprints(this.root, now.getTime());
    } catch {
      // Tidying is best effort.
    }
  }

  /** Removes what this run did not use once it outnumbers what it did; returns how many entries are left. */
  private pruneEntries(now: number): number {
    if (this.folder === undefined) return 0;
    const entries: { file: string; key: string }[] = [];
    // Only names this store writes are ever removed; anything else in the folder is left alone.
    for (const shard of readdirSync(this.folder, { withFileTypes: true })) {
      if (!shard.isDirectory() || !SHARD_NAME.test(shard.name)) continue;
      const dir = path.join(this.folder, shard.name);
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (TEMP_NAME.test(name)) {
          if (now - statSync(file).mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
        } else if (ENTRY_NAME.test(name)) entries.push({ file, key: name.replace(/\.json$/, "") });
      }
    }
    if (entries.length <= this.bound()) return entries.length;
    let left = 0;
    for (const entry of entries) {
      if (this.used.has(entry.key)) left += 1;
      else rmSync(entry.file, { force: true });
    }
    return left;
  }

  private pruneFingerprints(root: string, now: number): void {
    // A folder without the marker was never claimed (see claimStoreFolder): nothing in it is ours to delete.
    if (!existsSync(path.join(root, STORE_MARKER))) return;
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === this.fingerprint || !FINGERPRINT_NAME.test(entry.name))
        continue;
      const dir = path.join(root, entry.name);
      let lastUsed: number;
      try {
        lastUsed = statSync(path.join(dir, USED_MARKER)).mtimeMs;
      } catch {
        lastUsed = statSync(dir).mtimeMs;
      }
      if (now - lastUsed > STALE_FINGERPRINT_MS) rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A marker file's text, or "" when there is none yet. */
function readMarker(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** A content-addressed object's file name (its sha256), and one being written under a temporary name. */
const OBJECT_NAME = /^[0-9a-f]{64}$/;
const OBJECT_TEMP_NAME = /^[0-9a-f]{64}\.\d+-[0-9a-f]{8}\.tmp$/;
/** An unreferenced object or temporary file younger than this may be a concurrent build's. */
const STALE_OBJECT_MS = 60 * 60 * 1000;

/**
 * Removes the objects under `objectsDir` (`<aa>/<sha256>`) that no entry names, and stale
 * temporary files, once old enough that no concurrent build is adding them. The output store and
 * the search store share it; only names a store makes are ever removed.
 */
export function removeUnreferencedObjects(
  objectsDir: string,
  referenced: ReadonlySet<string>,
  now: number,
): void {
  let shards: string[];
  try {
    shards = readdirSync(objectsDir);
  } catch {
    return;
  }
  for (const shard of shards) {
    if (!SHARD_NAME.test(shard)) continue;
    const dir = path.join(objectsDir, shard);
    for (const name of readdirSync(dir)) {
      if (!(OBJECT_NAME.test(name) && !referenced.has(name)) && !OBJECT_TEMP_NAME.test(name)) continue;
      const file = path.join(dir, name);
      try {
        if (now - statSync(file).mtimeMs > STALE_OBJECT_MS) rmSync(file, { force: true });
      } catch {
        // Gone already (a concurrent build tidied it).
      }
    }
  }
}
