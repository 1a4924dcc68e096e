/**
 * The JSON store's folder is its own or nothing: it claims an empty or new folder (or one of its
 * old layout), refuses any other with one line naming the setting, and prunes only what it wrote.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  codeHash,
  hashFile,
  JsonStore,
  STORE_MARKER,
  sha256,
  stampFile,
  storeFolder,
} from "../../lib/shared/store.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-store-"));
  made.push(dir);
  return dir;
}

function write(file: string, text = "x"): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const FINGERPRINT = "a".repeat(64);
const OLD_FINGERPRINT = "b".repeat(32);
const KEY = "c".repeat(64);
const WEEKS_AGO = new Date(Date.now() - 30 * 24 * 3600 * 1000);

describe("storeFolder", () => {
  it.each([
    [undefined, "/default"],
    ["", "/default"],
    ["off", false],
    ["/elsewhere", "/elsewhere"],
  ])("DATELINE_X_CACHE=%s is %s", (setting, expected) => {
    expect(storeFolder("DATELINE_X_CACHE", "/default", { DATELINE_X_CACHE: setting })).toBe(expected);
  });
});

describe("a store's folder", () => {
  it.each([
    ["a new folder", (root: string) => path.join(root, "new", "cache")],
    ["an empty folder", (root: string) => root],
    [
      "a cache of the old layout (fingerprint folders, no marker)",
      (root: string) => {
        write(path.join(root, OLD_FINGERPRINT, "cc", `${KEY}.json`));
        return root;
      },
    ],
  ])("claims %s and marks it as its own", async (_name, folderOf) => {
    const folder = folderOf(tempDir());
    const store = new JsonStore(folder, FINGERPRINT, "DATELINE_CHECK_CACHE");
    store.write(KEY, { ok: true });
    await store.finish();
    expect(existsSync(path.join(folder, STORE_MARKER))).toBe(true);
    expect(
      new JsonStore(folder, FINGERPRINT, "DATELINE_CHECK_CACHE").read(KEY, z.object({ ok: z.boolean() })),
    ).toEqual({ ok: true });
  });

  it("refuses a folder holding anything else, in one line naming the setting, and touches nothing", () => {
    const root = tempDir();
    write(path.join(root, ".git", "HEAD"), "ref: refs/heads/main\n");
    write(path.join(root, "src", "issues", "2025", "talks.md"), "---\ntitle: T\n---\n");
    write(path.join(root, "_data", "site.ts"));
    write(path.join(root, "assets", "logo.png"));
    const before = readdirSync(root, { recursive: true }).sort();
    expect(() => new JsonStore(root, FINGERPRINT, "DATELINE_CHECK_CACHE")).toThrow(
      `DATELINE_CHECK_CACHE: ${root} is not a Dateline cache folder (it holds .git, _data, assets, … and no .dateline-store) — set DATELINE_CHECK_CACHE to an empty or new folder; nothing in it was touched`,
    );
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
  });

  it("prunes an unused fingerprint of its own, and never a folder or file it did not write", async () => {
    const root = tempDir();
    write(path.join(root, OLD_FINGERPRINT, "cc", `${KEY}.json`));
    const store = new JsonStore(root, FINGERPRINT, "DATELINE_EMAIL_CACHE");
    // Someone's notes dropped into the cache folder later, and an old fingerprint unused for weeks.
    write(path.join(root, "notes", "keep.txt"));
    write(path.join(root, FINGERPRINT, "zz", "keep.txt"));
    utimesSync(path.join(root, OLD_FINGERPRINT), WEEKS_AGO, WEEKS_AGO);
    utimesSync(path.join(root, "notes"), WEEKS_AGO, WEEKS_AGO);
    store.write(KEY, { ok: true });
    await store.finish();
    expect(existsSync(path.join(root, OLD_FINGERPRINT))).toBe(false);
    expect(existsSync(path.join(root, "notes", "keep.txt"))).toBe(true);
    expect(existsSync(path.join(root, FINGERPRINT, "zz", "keep.txt"))).toBe(true);
  });
});

describe("JsonStore's entries", () => {
  const keyOf = (n: number) => sha256(String(n));
  const entriesIn = (root: string) =>
    readdirSync(path.join(root, FINGERPRINT), { recursive: true }).filter((name) =>
      String(name).endsWith(".json"),
    ).length;
  const schema = z.object({ n: z.number() });

  async function run(root: string, reads: number[], writes: number[], live = 0): Promise<void> {
    const store = new JsonStore(root, FINGERPRINT, "DATELINE_CHECK_CACHE");
    for (const n of reads) expect(store.read(keyOf(n), schema), `entry ${n}`).toEqual({ n });
    for (const n of writes) store.write(keyOf(n), { n });
    store.expectLive(live);
    await store.finish();
  }
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

  it("keeps unused entries until they outnumber the used ones (twice the used, plus 100), then removes them", async () => {
    const root = tempDir();
    await run(root, [], range(0, 300));
    expect(entriesIn(root)).toBe(300);
    // 300 entries, 100 used: within 2 × 100 + 100, so nothing goes.
    await run(root, range(0, 100), []);
    expect(entriesIn(root)).toBe(300);
    // 10 used: the 290 others go.
    await run(root, range(0, 10), []);
    expect(entriesIn(root)).toBe(10);
  });

  it("counts what a later run writes, so the bound holds without listing the folder every run", async () => {
    const root = tempDir();
    await run(root, [], range(0, 10));
    // Each run reads 10 and writes 30 new ones: the store grows until the bound (2 × 40 + 100 = 180) is passed.
    const counts: number[] = [];
    for (let round = 1; round <= 6; round += 1) {
      await run(root, range(0, 10), range(round * 100, round * 100 + 30));
      counts.push(entriesIn(root));
    }
    // Unused entries stay while within the bound; the run that passes it removes them.
    expect(counts).toEqual([40, 70, 100, 130, 160, 40]);
  });

  it("keeps the entries its owner says are live, though the run read none of them", async () => {
    const root = tempDir();
    await run(root, [], range(0, 300));
    // 300 editions live, none read (every email file came from the output store): nothing goes.
    await run(root, [], [], 300);
    expect(entriesIn(root)).toBe(300);
    // 40 live: within 2 × 40 + 100 no more; the unused ones go.
    await run(root, range(0, 5), [], 40);
    expect(entriesIn(root)).toBe(5);
  });

  it("lists the folder again when its count is missing or unreadable", async () => {
    const root = tempDir();
    await run(root, [], range(0, 300));
    writeFileSync(path.join(root, FINGERPRINT, "last-used"), "not a number\n");
    await run(root, range(0, 10), []);
    expect(entriesIn(root)).toBe(10);
  });
});

describe("codeHash", () => {
  it.each([
    ["a module in the folder", "render.ts", { recursive: false }, true],
    ["a module in a folder under it, read recursively", "contract/caption.ts", { recursive: true }, true],
    ["a module in a folder under it, read flat", "contract/caption.ts", { recursive: false }, false],
    ["a file that is not code", "notes.md", { recursive: true }, false],
  ])("changes with an edit to %s: %s", (_case, file, options, changes) => {
    const dir = tempDir();
    for (const name of ["render.ts", "contract/caption.ts", "notes.md"]) write(path.join(dir, name), "one");
    const before = codeHash(dir, options);
    write(path.join(dir, file), "two");
    expect(codeHash(dir, options) !== before).toBe(changes);
  });
});

describe("hashFile", () => {
  // A known hash that is not the file's: returned only while the file keeps its stamp.
  const KNOWN = "d".repeat(64);
  it.each([
    ["no known hash", () => undefined, "real"],
    ["the stamp it had", (file: string) => stampFile(file), "known"],
    ["an older stamp (rewritten since)", () => "5:1:2:3", "real"],
  ] as const)("with %s, gives the %s hash", (_case, stampOf, expected) => {
    const file = path.join(tempDir(), "index.html");
    write(file, "<p>Istanbul</p>");
    const stamp = stampOf(file);
    const known = stamp === undefined ? undefined : new Map([[file, { hash: KNOWN, stamp }]]);
    expect(hashFile(file, known)).toBe(expected === "known" ? KNOWN : sha256("<p>Istanbul</p>"));
  });

  it("reads the file again once it is written in place", () => {
    const file = path.join(tempDir(), "index.html");
    write(file, "<p>Istanbul</p>");
    const known = new Map([[file, { hash: KNOWN, stamp: stampFile(file) as string }]]);
    write(file, "<p>Ankara!</p>");
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(hashFile(file, known)).toBe(sha256("<p>Ankara!</p>"));
  });
});
