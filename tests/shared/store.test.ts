/**
 * The JSON store's folder is its own or nothing: it claims an empty or new folder (or one of its
 * old layout), refuses any other with one line naming the setting, and prunes only what it wrote.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { hashFile, JsonStore, STORE_MARKER, sha256, stampFile, storeFolder } from "../../lib/shared/store.ts";

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
