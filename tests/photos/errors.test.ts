import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatPhotoProblem,
  makeTestPhoto,
  PhotoError,
  type ProcessResult,
  processPhotos,
} from "../../lib/photos/index.ts";
import { createSandbox, type PhotoSandbox, snapshot } from "./helpers.ts";

const EXPORT = "export it as JPEG (PNG, WebP, TIFF and AVIF are accepted too)";

describe("processPhotos with unusable originals", () => {
  let box: PhotoSandbox;
  let result: ProcessResult;
  let outputBefore: Record<string, Buffer>;
  let manifestBefore: Buffer;

  beforeAll(async () => {
    box = createSandbox();
    // A first, good run publishes one photo.
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150, iptc: { credit: "AP" } });
    const first = await processPhotos({ ...box, limitInputPixels: 50_000 });
    expect(first.problems).toEqual([]);
    writeFileSync(path.join(box.outputDir, "keep-me.txt"), "not ours");
    outputBefore = snapshot(box.outputDir);
    manifestBefore = readFileSync(path.join(box.cacheDir, "manifest.json"));

    // Then a new good photo arrives with every kind of bad one.
    await box.addPhoto("2025/new-good.jpg", { width: 220, height: 150, seed: 2 });
    const whole = await makeTestPhoto({ width: 240, height: 180, seed: 3 });
    box.addFile("2025/truncated.jpg", whole.subarray(0, Math.floor(whole.length / 2)));
    box.addFile("2025/notes.txt", "caption ideas");
    box.addFile("2025/text.jpg", "this is not a photo");
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#808080" } })
      .gif()
      .toBuffer();
    box.addFile("2025/animation.gif", gif);
    box.addFile("2025/renamed-gif.jpg", gif);
    await box.addPhoto("2025/huge.jpg", { width: 300, height: 200, seed: 4 });
    result = await processPhotos({ ...box, limitInputPixels: 50_000 });
  });
  afterAll(() => box.remove());

  it("reports every problem in one run, each naming the photo and the fix", () => {
    expect(result.problems.map(formatPhotoProblem)).toEqual([
      `assets/photos/2025/animation.gif: .gif is not a photo format the site accepts — ${EXPORT}`,
      "assets/photos/2025/huge.jpg: is 300×200 px (60,000 pixels), over the limit of 50,000 pixels — resize it to at most 273×182 px",
      `assets/photos/2025/notes.txt: .txt is not a photo format the site accepts — ${EXPORT}`,
      `assets/photos/2025/renamed-gif.jpg: is a GIF image inside a .jpg file, which the site does not accept — ${EXPORT}`,
      "assets/photos/2025/text.jpg: is not a readable image (Input buffer contains unsupported image format) — export the photo again as JPEG from the agency feed",
      "assets/photos/2025/truncated.jpg: is truncated or corrupt (VipsJpeg: premature end of JPEG image) — export the photo again from the agency feed",
    ]);
  });

  it("still describes the good photos, for checks that run after it", () => {
    expect(Object.keys(result.manifest.photos)).toEqual(["2025/good.jpg", "2025/new-good.jpg"]);
  });

  it("leaves the output folder and the published manifest exactly as they were", () => {
    expect(snapshot(box.outputDir)).toEqual(outputBefore);
    expect(readFileSync(path.join(box.cacheDir, "manifest.json")).equals(manifestBefore)).toBe(true);
  });

  it("publishes once the problems are fixed, keeping files that are not renditions", async () => {
    for (const name of ["animation.gif", "notes.txt", "text.jpg", "renamed-gif.jpg", "truncated.jpg"]) {
      rmSync(path.join(box.photosDir, "2025", name));
    }
    const clean = await processPhotos({ ...box, limitInputPixels: 0 }); // 0: no limit
    expect(clean.problems).toEqual([]);
    expect(Object.keys(clean.manifest.photos)).toEqual([
      "2025/good.jpg",
      "2025/huge.jpg",
      "2025/new-good.jpg",
    ]);
    expect(existsSync(path.join(box.outputDir, "keep-me.txt"))).toBe(true);
  });

  it("names the photos folder as the caller asks", async () => {
    const other = createSandbox();
    try {
      other.addFile("2025/x.bmp", "BM");
      const run = await processPhotos({ ...other, displayDir: "content/photos/" });
      expect(run.problems[0]?.photo).toBe("content/photos/2025/x.bmp");
    } finally {
      other.remove();
    }
  });

  it("has an error class that lists every problem", () => {
    const error = new PhotoError(result.problems.slice(0, 2));
    expect(error.message).toBe(
      `2 problems in the photos:\n${result.problems.slice(0, 2).map(formatPhotoProblem).join("\n")}`,
    );
  });
});

describe("processPhotos with publish: false", () => {
  it("encodes into the cache but writes neither the manifest nor the output", async () => {
    const box = createSandbox();
    try {
      await box.addPhoto("2025/a.jpg", { width: 120, height: 80 });
      const run = await processPhotos({ ...box, publish: false });
      expect(Object.keys(run.manifest.photos)).toEqual(["2025/a.jpg"]);
      expect(existsSync(box.outputDir)).toBe(false);
      expect(existsSync(path.join(box.cacheDir, "manifest.json"))).toBe(false);
      const published = await processPhotos(box);
      expect(published.encoded).toBe(0);
      expect(existsSync(path.join(box.cacheDir, "manifest.json"))).toBe(true);
      expect(Object.keys(snapshot(box.outputDir))).toHaveLength(7);
    } finally {
      box.remove();
    }
  });
});
