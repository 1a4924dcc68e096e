/**
 * The search store gives a fragment or a bundle back only whole, keeps what two builds at once
 * kept, stays within its bound, deletes only what it made, and takes its folder from
 * DATELINE_SEARCH_CACHE.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  bundleKey,
  fragmentKey,
  indexerFingerprint,
  SearchStore,
  searchCacheDir,
} from "../../lib/search/search-store.ts";
import { sha256 } from "../../lib/shared/store.ts";

/** Writes over a store object, which the store keeps read-only (as a writer's account sees it). */
function overwrite(file: string, bytes: string | Buffer): void {
  chmodSync(file, 0o644);
  writeFileSync(file, bytes);
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-search-store-"));
  made.push(dir);
  return path.join(dir, "search");
}

const fragment = (name: string, text: string) => ({
  name: `en-gb_${name}.pf_fragment`,
  url: `/2025/04/${name}/`,
  bytes: Buffer.from(text),
});

function objectOf(root: string, bytes: Buffer): string {
  const hash = sha256(bytes);
  return path.join(root, "objects", hash.slice(0, 2), hash);
}

describe("keeping and taking a fragment", () => {
  it("gives back what was kept, in a later build", () => {
    const root = storeDir();
    const kept = fragment("a1b2c3d", "gzip bytes of alpha");
    const store = new SearchStore(root);
    store.keep("key-a", kept);
    store.finish();
    expect(new SearchStore(root).take("key-a")).toMatchObject(kept);
    expect(new SearchStore(root).take("key-b")).toBeUndefined();
  });

  it.each([
    ["truncated", (object: string) => overwrite(object, "gzip")],
    ["changed at the same size", (object: string) => overwrite(object, "gzip bytes of ALPHA")],
    ["missing", (object: string) => rmSync(object)],
  ])("reads an object that is %s as a miss", (_name, damage) => {
    const root = storeDir();
    const kept = fragment("a1b2c3d", "gzip bytes of alpha");
    const store = new SearchStore(root);
    store.keep("key-a", kept);
    store.finish();
    damage(objectOf(root, kept.bytes));
    expect(new SearchStore(root).take("key-a")).toBeUndefined();
  });

  it("reads a damaged or foreign index as empty, and a name Pagefind would not make is never kept", () => {
    const root = storeDir();
    const store = new SearchStore(root);
    store.keep("key-a", fragment("a1b2c3d", "alpha"));
    store.keep("key-b", { ...fragment("b", "bravo"), name: "../../escape.pf_fragment" });
    store.finish();
    expect(new SearchStore(root).take("key-b")).toBeUndefined();
    for (const text of [
      "{",
      '{"format":2,"fragments":{},"bundles":{}}',
      '{"format":1,"fragments":{"key-a":{"name":"x"}},"bundles":{}}',
    ]) {
      writeFileSync(path.join(root, "index.json"), text);
      expect(new SearchStore(root).take("key-a")).toBeUndefined();
    }
  });

  it("keeps both builds' entries when two finish at once", () => {
    const root = storeDir();
    const first = new SearchStore(root);
    const second = new SearchStore(root);
    first.keep("key-a", fragment("a1b2c3d", "alpha"));
    second.keep("key-b", fragment("b1b2c3d", "bravo"));
    first.finish();
    second.finish();
    const later = new SearchStore(root);
    expect(later.take("key-a")?.url).toBe("/2025/04/a1b2c3d/");
    expect(later.take("key-b")?.url).toBe("/2025/04/b1b2c3d/");
  });
});

describe("keeping and taking a bundle", () => {
  const files = [
    { path: "pagefind.js", bytes: Buffer.from("engine") },
    { path: "fragment/en-gb_a1b2c3d.pf_fragment", bytes: Buffer.from("alpha") },
    { path: "index/en-gb_1234567.pf_index", bytes: Buffer.from("words") },
  ];

  it("gives back every file, sharing objects with the fragments", () => {
    const root = storeDir();
    const store = new SearchStore(root);
    store.keep("key-a", fragment("a1b2c3d", "alpha"));
    store.keepBundle("bundle-1", files);
    store.finish();
    const taken = new SearchStore(root).takeBundle("bundle-1");
    expect(taken?.map((file) => [file.path, file.bytes.toString()])).toEqual(
      files.map((file) => [file.path, file.bytes.toString()]),
    );
    expect(
      readdirSync(path.join(root, "objects"), { recursive: true }).filter((name) => String(name).length > 2),
    ).toHaveLength(3);
  });

  it("is a miss when any of its files is damaged or missing, and keeps no path that leaves the folder", () => {
    const root = storeDir();
    const store = new SearchStore(root);
    store.keepBundle("bundle-1", files);
    store.keepBundle("bundle-2", [...files, { path: "../escape.js", bytes: Buffer.from("x") }]);
    store.keepBundle("bundle-3", [{ path: ".hidden", bytes: Buffer.from("x") }]);
    store.finish();
    expect(new SearchStore(root).takeBundle("bundle-2")).toBeUndefined();
    expect(new SearchStore(root).takeBundle("bundle-3")).toBeUndefined();
    overwrite(objectOf(root, Buffer.from("words")), "wordz");
    expect(new SearchStore(root).takeBundle("bundle-1")).toBeUndefined();
  });

  it("keeps the three most recently used bundles, even when every build runs in the same millisecond", () => {
    // CI once ran all four within one tick of the clock; recency must not depend on its resolution.
    const clock = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 0, 1));
    onTestFinished(() => clock.mockRestore());
    const root = storeDir();
    for (const n of [1, 2, 3, 4]) {
      const store = new SearchStore(root);
      store.keepBundle(`bundle-${n}`, [{ path: "pagefind.js", bytes: Buffer.from(`engine ${n}`) }]);
      store.finish();
    }
    const later = new SearchStore(root);
    expect([1, 2, 3, 4].map((n) => later.takeBundle(`bundle-${n}`) !== undefined)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});

describe("bundles of one build", () => {
  it("keeps every bundle the last three builds used, however many each used", () => {
    const root = storeDir();
    for (const build of [1, 2, 3, 4]) {
      const store = new SearchStore(root);
      for (const year of [2023, 2024, 2025])
        store.keepBundle(`build-${build}-${year}`, [
          { path: "pagefind.js", bytes: Buffer.from(`${build} ${year}`) },
        ]);
      store.finish();
    }
    const later = new SearchStore(root);
    const kept = (build: number) =>
      [2023, 2024, 2025].map((year) => later.takeBundle(`build-${build}-${year}`) !== undefined);
    expect([1, 2, 3, 4].map(kept)).toEqual([
      [false, false, false],
      [true, true, true],
      [true, true, true],
      [true, true, true],
    ]);
  });
});

describe("the store's bound", () => {
  /** Ages the index's entries (and the objects' files) by `days`. */
  function age(root: string, days: number): void {
    const file = path.join(root, "index.json");
    const index = JSON.parse(readFileSync(file, "utf8")) as {
      fragments: Record<string, { used: number }>;
      bundles: Record<string, { used: number }>;
    };
    for (const entry of [...Object.values(index.fragments), ...Object.values(index.bundles)])
      entry.used -= days * 86_400_000;
    writeFileSync(file, JSON.stringify(index));
    const past = new Date(Date.now() - days * 86_400_000);
    for (const entry of readdirSync(path.join(root, "objects"), { recursive: true, withFileTypes: true }))
      if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }

  it("drops entries no build used for two weeks, and their objects", () => {
    const root = storeDir();
    const old = fragment("a1b2c3d", "alpha");
    const store = new SearchStore(root);
    store.keep("key-a", old);
    store.finish();
    age(root, 15);
    const next = new SearchStore(root);
    next.keep("key-b", fragment("b1b2c3d", "bravo"));
    next.finish();
    expect(new SearchStore(root).take("key-a")).toBeUndefined();
    expect(existsSync(objectOf(root, old.bytes))).toBe(false);
    expect(new SearchStore(root).take("key-b")).toBeDefined();
  });

  it("past its limit, drops the least recently used first, never what this build used", () => {
    const root = storeDir();
    const store = new SearchStore(root, 10);
    store.keep("key-a", fragment("a1b2c3d", "alpha!"));
    store.finish();
    age(root, 1);
    const next = new SearchStore(root, 10);
    next.keep("key-b", fragment("b1b2c3d", "bravo!"));
    next.finish();
    const later = new SearchStore(root, 10);
    expect(later.take("key-a")).toBeUndefined();
    expect(later.take("key-b")).toBeDefined();
  });

  it("leaves an object no entry names alone for an hour: a concurrent build may be adding it", () => {
    const root = storeDir();
    const store = new SearchStore(root);
    store.keep("key-a", fragment("a1b2c3d", "alpha"));
    const stray = path.join(root, "objects", "ab", "ab".repeat(32));
    mkdirSync(path.dirname(stray), { recursive: true });
    writeFileSync(stray, "being written by another build");
    store.finish();
    expect(existsSync(stray)).toBe(true);
  });
});

describe("the store's folder", () => {
  it("is DATELINE_SEARCH_CACHE, off for none, else node_modules/.cache/dateline-search", () => {
    expect(searchCacheDir({})).toBe(
      path.resolve(import.meta.dirname, "../../node_modules/.cache/dateline-search"),
    );
    expect(searchCacheDir({ DATELINE_SEARCH_CACHE: "" })).toBe(searchCacheDir({}));
    expect(searchCacheDir({ DATELINE_SEARCH_CACHE: "/srv/search" })).toBe("/srv/search");
    expect(searchCacheDir({ DATELINE_SEARCH_CACHE: "off" })).toBe(false);
  });

  it("is claimed with the marker, and a folder holding anything else is refused untouched", () => {
    const root = storeDir();
    new SearchStore(root).finish();
    expect(readdirSync(root).sort()).toEqual([".dateline-store", "index.json"]);
    const foreign = storeDir();
    mkdirSync(foreign, { recursive: true });
    writeFileSync(path.join(foreign, "src"), "");
    expect(() => new SearchStore(foreign)).toThrow(
      `DATELINE_SEARCH_CACHE: ${foreign} is not a Dateline cache folder (it holds src and no .dateline-store) — set DATELINE_SEARCH_CACHE to an empty or new folder; nothing in it was touched`,
    );
    expect(readdirSync(foreign)).toEqual(["src"]);
  });

  it("with none, takes nothing and writes nothing", () => {
    const store = new SearchStore(false);
    store.keep("key-a", fragment("a1b2c3d", "alpha"));
    store.finish();
    expect(store.take("key-a")).toBeUndefined();
  });
});

describe("the keys", () => {
  it("of a bundle changes with its pages and their order", () => {
    expect(bundleKey(["a", "b"])).toBe(bundleKey(["a", "b"]));
    expect(bundleKey(["a", "b"])).not.toBe(bundleKey(["b", "a"]));
    expect(bundleKey(["a", "b"])).not.toBe(bundleKey(["a"]));
  });

  it("of a fragment changes with the page's path, its bytes and the indexer", () => {
    const indexer = indexerFingerprint({});
    const key = fragmentKey(indexer, "2025/04/a/index.html", Buffer.from("<p>a</p>"));
    expect(fragmentKey(indexer, "2025/04/a/index.html", Buffer.from("<p>a</p>"))).toBe(key);
    expect(fragmentKey(indexer, "2025/04/b/index.html", Buffer.from("<p>a</p>"))).not.toBe(key);
    expect(fragmentKey(indexer, "2025/04/a/index.html", Buffer.from("<p>b</p>"))).not.toBe(key);
    expect(
      fragmentKey(
        indexerFingerprint({ forceLanguage: "en" }),
        "2025/04/a/index.html",
        Buffer.from("<p>a</p>"),
      ),
    ).not.toBe(key);
  });
});
