/**
 * Published renditions never share an inode with the cache: damage to a cache object cannot
 * reach the live site, and a damaged object is encoded again rather than published.
 * Real sharp on generated JPEGs; the stamps and checks are table-driven below.
 */
import { createHash } from "node:crypto";
import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processPhotos } from "../../../lib/pipeline/photos/index.ts";
import { isLiveCopyIntact, isSoundObject } from "../../../lib/pipeline/photos/publish.ts";
import { stampFile } from "../../../lib/shared/store.ts";
import { createSandbox, snapshot } from "../../photos/helpers.ts";

/** Every file under `dir` by absolute path. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

const inodes = (files: string[]) => new Set(files.map((file) => statSync(file).ino));
const renditionsIn = (dir: string) => filesUnder(dir).filter((file) => /\.(?:avif|webp|jpg)$/.test(file));
const sha8 = (data: Buffer) => createHash("sha256").update(data).digest("hex").slice(0, 8);

describe("publishing renditions", () => {
  const box = createSandbox("dateline-publish-");
  const objects = () => renditionsIn(path.join(box.cacheDir, "objects"));
  beforeAll(async () => {
    await box.addPhoto("2025/embassy.jpg", { width: 640, height: 400, iptc: { credit: "AP" } });
  });
  afterAll(() => box.remove());

  it("shares no inode between a published file and the cache", async () => {
    const run = await processPhotos(box);
    expect(run.problems).toEqual([]);
    const published = renditionsIn(box.outputDir);
    expect(published.length).toBeGreaterThan(4);
    expect([...inodes(published)].filter((ino) => inodes(objects()).has(ino))).toEqual([]);
  });

  it("keeps the live site whole when a cache object is truncated, and re-encodes it for a new site", async () => {
    const live = snapshot(box.outputDir);
    const victim = objects()[0] as string;
    truncateSync(victim, 10);
    expect(snapshot(box.outputDir)).toEqual(live);

    // A staged build beside the live site links the live files and needs no cache object.
    const staged = path.join(box.root, "_site.staging-1/photos");
    const linked = await processPhotos({ ...box, outputDir: staged, liveDir: box.outputDir });
    expect([linked.problems, linked.encoded]).toEqual([[], 0]);
    expect(snapshot(staged)).toEqual(live);
    expect(inodes(renditionsIn(staged))).toEqual(inodes(renditionsIn(box.outputDir)));

    // A new site with no live one copies from the cache: the damaged object is a miss.
    const fresh = path.join(box.root, "fresh/photos");
    const rebuilt = await processPhotos({ ...box, outputDir: fresh, liveDir: fresh });
    expect(rebuilt.problems).toEqual([]);
    expect(rebuilt.made).toBe(1);
    expect(snapshot(fresh)).toEqual(live);
    expect(statSync(victim).size).toBeGreaterThan(10);
  });

  it("replaces a live file changed since it was published, rather than linking it", async () => {
    const live = snapshot(box.outputDir);
    const [first] = renditionsIn(box.outputDir);
    writeFileSync(first as string, "not a photo");
    const staged = path.join(box.root, "_site.staging-2/photos");
    const run = await processPhotos({ ...box, outputDir: staged, liveDir: box.outputDir });
    expect([run.problems, run.encoded]).toEqual([[], 0]);
    expect(snapshot(staged)).toEqual(live);
    expect(statSync(path.join(staged, path.relative(box.outputDir, first as string))).ino).not.toBe(
      statSync(first as string).ino,
    );
  });

  it("replaces an older build's hard link to the cache in the served folder", async () => {
    const [published] = renditionsIn(box.outputDir);
    const name = path.basename(published as string).replace(/^.*-(?=[^-]+$)/, "");
    const object = objects().find((file) => path.basename(file) === name) as string;
    const before = readFileSync(object);
    // What builds before this fix left: the served file is the cache object's inode.
    rmSync(published as string);
    linkSync(object, published as string);
    const run = await processPhotos(box);
    expect(run.problems).toEqual([]);
    expect(statSync(published as string).ino).not.toBe(statSync(object).ino);
    expect(readFileSync(published as string)).toEqual(before);
  });
});

describe("isSoundObject", () => {
  const box = createSandbox("dateline-sound-");
  afterAll(() => box.remove());
  const data = Buffer.from("rendition bytes");
  const named = (label: string, hash: string) => path.join(box.root, `${label}.${hash}.webp`);

  it.each([
    { label: "whole, with its hash in its name", bytes: data, size: data.length, sound: true },
    { label: "truncated", bytes: data.subarray(0, 4), size: data.length, sound: false },
    {
      label: "the right size with other bytes",
      bytes: Buffer.from("rendition BYTES"),
      size: data.length,
      sound: false,
    },
    { label: "smaller than its record says", bytes: data, size: data.length + 1, sound: false },
  ])("$label → sound: $sound", async ({ label, bytes, size, sound }) => {
    const file = named(label.replace(/\W+/g, "-"), sha8(data));
    writeFileSync(file, bytes);
    expect(await isSoundObject(file, size)).toBe(sound);
  });

  it("a missing object is not sound", async () => {
    expect(await isSoundObject(named("missing", sha8(data)), data.length)).toBe(false);
  });
});

describe("stampFile and isLiveCopyIntact", () => {
  const box = createSandbox("dateline-stamp-");
  afterAll(() => box.remove());

  it("a stamp names size, device, inode and mtime, and changes with a write", () => {
    const file = path.join(box.root, "a.webp");
    writeFileSync(file, "one");
    const stamp = stampFile(file) as string;
    const { size, dev, ino } = statSync(file, { bigint: true });
    expect(stamp.startsWith(`${size}:${dev}:${ino}:`)).toBe(true);
    writeFileSync(file, "two");
    expect(stampFile(file)).not.toBe(stamp);
    expect(stampFile(path.join(box.root, "missing.webp"))).toBeUndefined();
    expect(stampFile(box.root)).toBeUndefined();
  });

  it.each<{ label: string; live: boolean; stamps: Record<string, string> | "current"; intact: boolean }>([
    { label: "no live folder", live: false, stamps: { "a.webp": "x" }, intact: false },
    { label: "no stamp for the file", live: true, stamps: {}, intact: false },
    { label: "a stamp of another state", live: true, stamps: { "a.webp": "3:1:1:1" }, intact: false },
    { label: "the stamp the file has", live: true, stamps: "current", intact: true },
  ])("$label → intact: $intact", ({ live, stamps, intact }) => {
    const dir = path.join(box.root, "live");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "a.webp"), "bytes");
    const known = stamps === "current" ? { "a.webp": stampFile(path.join(dir, "a.webp")) as string } : stamps;
    expect(isLiveCopyIntact(live ? dir : undefined, "a.webp", known)).toBe(intact);
  });
});
