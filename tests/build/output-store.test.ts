/**
 * The output store keeps each rendered file once, by content, and gives it back only whole:
 * a damaged, truncated or missing object is a miss, a killed write leaves a usable store, two
 * builds at once keep both their entries, and the store stays within its bound.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { OutputStore, outputStoreSettings } from "../../lib/build/output-store.ts";
import { sha256, stampFile } from "../../lib/shared/store.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) {
    // Objects are read-only; their folders are not, so removal works.
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-outputs-"));
  made.push(dir);
  return dir;
}

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const KEY = "k".repeat(8);
const PAGE = "<!DOCTYPE html><title>Who led the delegations</title>";

/** A store holding PAGE under KEY, as a finished build leaves it; returns the store's folder and the object. */
function storedPage(): { root: string; object: string; staged: string } {
  const dir = tempDir();
  const root = path.join(dir, "store");
  const staged = write(path.join(dir, "site-1", "2025", "04", "who", "index.html"), PAGE);
  const store = new OutputStore(root);
  store.keep(KEY, staged);
  store.finish();
  return { root, object: path.join(root, "objects", sha256(PAGE).slice(0, 2), sha256(PAGE)), staged };
}

describe("taking an output", () => {
  it("gives back the kept file as a read-only hard link to its object", () => {
    const { root, object } = storedPage();
    const target = path.join(path.dirname(root), "site-2", "2025", "04", "who", "index.html");
    expect(new OutputStore(root).take(KEY, target)).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(PAGE);
    expect(statSync(target).ino).toBe(statSync(object).ino);
    expect(statSync(object).mode & 0o222).toBe(0);
  });

  it.each([
    ["truncated", (object: string) => writeFileSync(object, PAGE.slice(0, 10))],
    ["damaged at the same size", (object: string) => writeFileSync(object, PAGE.replace("Who", "Why"))],
    ["missing", (object: string) => rmSync(object)],
  ])("reads an object that is %s as a miss, and writes nothing", (_name, damage) => {
    const { root, object } = storedPage();
    chmodSync(object, 0o644);
    damage(object);
    const target = path.join(path.dirname(root), "site-2", "index.html");
    expect(new OutputStore(root).take(KEY, target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it("takes a whole object copied to a new place (a restored cache) after hashing it once", () => {
    const { root } = storedPage();
    const copy = path.join(path.dirname(root), "restored");
    cpSync(root, copy, { recursive: true });
    const store = new OutputStore(copy);
    expect(store.take(KEY, path.join(path.dirname(root), "site-2", "index.html"))).toBe(true);
    store.finish();
    // The index now holds the copy's stamp, so the next build takes it without reading it.
    const stamp = JSON.parse(readFileSync(path.join(copy, "index.json"), "utf8")).entries[KEY].t;
    const object = path.join(copy, "objects", sha256(PAGE).slice(0, 2), sha256(PAGE));
    const { size, dev, ino, mtimeNs } = statSync(object, { bigint: true });
    expect(stamp).toBe(`${size}:${dev}:${ino}:${mtimeNs}`);
  });

  it("reads a damaged index as an empty store", () => {
    const { root } = storedPage();
    writeFileSync(path.join(root, "index.json"), '{"format":1,"entries":{"k');
    expect(new OutputStore(root).take(KEY, path.join(root, "..", "x.html"))).toBe(false);
  });

  it("misses a key it never stored", () => {
    const { root } = storedPage();
    expect(new OutputStore(root).take("other", path.join(root, "..", "x.html"))).toBe(false);
  });
});

describe("what the store placed", () => {
  it("lists each file it took or kept with its sha256 and its stamp, for the checks", () => {
    const { root, staged } = storedPage();
    const next = path.join(path.dirname(path.dirname(staged)), "..", "..", "site-2", "index.html");
    const rendered = write(path.join(path.dirname(next), "about", "index.html"), "<p>About</p>");
    const store = new OutputStore(root);
    expect(store.take(KEY, next)).toBe(true);
    store.keep("about", rendered);
    expect([...store.placed()]).toEqual([
      [next, { hash: sha256(PAGE), stamp: stampFile(next) }],
      [rendered, { hash: sha256("<p>About</p>"), stamp: stampFile(rendered) }],
    ]);
  });
});

describe("writing the store", () => {
  it("ignores a temporary file a killed build left, and removes it once stale", () => {
    const { root, object } = storedPage();
    const temporary = `${object}.4242-0badf00d.tmp`;
    write(temporary, PAGE.slice(0, 5));
    const target = path.join(path.dirname(root), "site-2", "index.html");
    const store = new OutputStore(root);
    expect(store.take(KEY, target)).toBe(true);
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(temporary, hoursAgo, hoursAgo);
    store.finish();
    expect(existsSync(temporary)).toBe(false);
    expect(existsSync(object)).toBe(true);
  });

  it("keeps both builds' entries when two finish at once", () => {
    const dir = tempDir();
    const root = path.join(dir, "store");
    const first = new OutputStore(root);
    const second = new OutputStore(root);
    first.keep("first", write(path.join(dir, "a", "index.html"), "one"));
    second.keep("second", write(path.join(dir, "b", "index.html"), "two"));
    first.finish();
    second.finish();
    const reader = new OutputStore(root);
    expect(reader.take("first", path.join(dir, "c", "1.html"))).toBe(true);
    expect(reader.take("second", path.join(dir, "c", "2.html"))).toBe(true);
  });

  it("refuses a folder that is not a store, naming the setting, and touches nothing", () => {
    const root = tempDir();
    write(path.join(root, "src", "issues", "2025", "talks.md"), "---\n");
    expect(() => new OutputStore(root)).toThrow(
      `DATELINE_OUTPUT_CACHE: ${root} is not a Dateline cache folder (it holds src and no .dateline-store) — set DATELINE_OUTPUT_CACHE to an empty or new folder; nothing in it was touched`,
    );
    expect(readdirSync(root)).toEqual(["src"]);
  });
});

describe("the store's bound", () => {
  it("removes entries no build used for two weeks, and their objects", () => {
    const { root, object } = storedPage();
    const index = JSON.parse(readFileSync(path.join(root, "index.json"), "utf8"));
    index.entries[KEY].u = Date.now() - 15 * 24 * 3600 * 1000;
    writeFileSync(path.join(root, "index.json"), JSON.stringify(index));
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(object, hoursAgo, hoursAgo);
    expect(new OutputStore(root).finish()).toEqual({ entries: 0, bytes: 0, removed: 1 });
    expect(existsSync(object)).toBe(false);
  });

  it("past its size, removes the least recently used first, never what this build used", () => {
    const dir = tempDir();
    const root = path.join(dir, "store");
    const older = new OutputStore(root, 10);
    older.keep("old", write(path.join(dir, "a", "index.html"), "0123456789"));
    older.finish();
    const index = JSON.parse(readFileSync(path.join(root, "index.json"), "utf8"));
    index.entries.old.u -= 1000;
    writeFileSync(path.join(root, "index.json"), JSON.stringify(index));
    const newer = new OutputStore(root, 10);
    newer.keep("new", write(path.join(dir, "b", "index.html"), "abcdefghij"));
    expect(newer.finish()).toEqual({ entries: 1, bytes: 10, removed: 1 });
    expect(new OutputStore(root).take("new", path.join(dir, "c", "index.html"))).toBe(true);
  });
});

describe("outputStoreSettings", () => {
  it.each([
    [{}, "node_modules/.cache/dateline-outputs", 2048],
    [{ DATELINE_OUTPUT_CACHE: "/srv/outputs", DATELINE_OUTPUT_CACHE_MB: "512" }, "/srv/outputs", 512],
    [{ DATELINE_OUTPUT_CACHE: "off" }, false, 2048],
  ])("%j", (env, root, megabytes) => {
    const settings = outputStoreSettings(env);
    if (typeof root === "string" && !root.startsWith("/")) expect(settings.root).toContain(root);
    else expect(settings.root).toBe(root);
    expect(settings.limitBytes).toBe(megabytes * 1024 * 1024);
  });

  it.each(["abc", "-1", "1.5", "0"])("refuses a bound of %j in one line", (value) => {
    expect(() => outputStoreSettings({ DATELINE_OUTPUT_CACHE_MB: value })).toThrow(
      `DATELINE_OUTPUT_CACHE_MB: "${value}" is not a whole number of megabytes — set it to one such as 2048, or leave it unset`,
    );
  });
});
