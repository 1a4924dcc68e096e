import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it, onTestFinished } from "vitest";
import { describePhotoProblem } from "../../lib/eleventy/photos.ts";
import {
  formatPhotoProblem,
  PhotoError,
  type PhotoProblem,
  processPhotos,
} from "../../lib/pipeline/photos/index.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { createSandbox, type PhotoSandbox, snapshot } from "./helpers.ts";

const EXPORT = "export it as JPEG (PNG, WebP, TIFF and AVIF are accepted too)";

/** A sandbox of this test's own, removed when the test ends. */
function sandbox(): PhotoSandbox {
  const box = createSandbox();
  onTestFinished(() => box.remove());
  return box;
}

/** Every kind of unusable original, beside two good photos; returns the names of the bad ones. */
async function addBadPhotos(box: PhotoSandbox): Promise<string[]> {
  const whole = await makeTestPhoto({ width: 240, height: 180, seed: 3 });
  box.addFile("2025/truncated.jpg", whole.subarray(0, Math.floor(whole.length / 2)));
  const png = await makeTestPhoto({ width: 240, height: 180, seed: 5, format: "png" });
  box.addFile("2025/truncated.png", png.subarray(0, Math.floor(png.length / 2)));
  box.addFile("2025/empty.jpg", Buffer.alloc(0));
  box.addFile("2025/notes.txt", "caption ideas");
  box.addFile("2025/text.jpg", "this is not a photo");
  const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#808080" } })
    .gif()
    .toBuffer();
  box.addFile("2025/animation.gif", gif);
  box.addFile("2025/renamed-gif.jpg", gif);
  await box.addPhoto("2025/huge.jpg", { width: 300, height: 200, seed: 4 });
  return [
    "animation.gif",
    "empty.jpg",
    "huge.jpg",
    "notes.txt",
    "renamed-gif.jpg",
    "text.jpg",
    "truncated.jpg",
    "truncated.png",
  ];
}

const BAD_PHOTO_LINES = [
  `assets/photos/2025/animation.gif: .gif is not a photo format the site accepts — ${EXPORT}`,
  "assets/photos/2025/empty.jpg: is empty (0 bytes) — copy the photo again from the agency feed",
  "assets/photos/2025/huge.jpg: is 300×200 px (60,000 pixels), over the limit of 50,000 pixels — resize it to at most 273×182 px",
  `assets/photos/2025/notes.txt: .txt is not a photo format the site accepts — ${EXPORT}`,
  `assets/photos/2025/renamed-gif.jpg: is a GIF image inside a .jpg file, which the site does not accept — ${EXPORT}`,
  "assets/photos/2025/text.jpg: is not a readable image (Input buffer contains unsupported image format) — export the photo again as JPEG from the agency feed",
  "assets/photos/2025/truncated.jpg: is truncated or corrupt (VipsJpeg: premature end of JPEG image) — export the photo again from the agency feed",
  "assets/photos/2025/truncated.png: is truncated or corrupt (vipspng: libpng read error) — export the photo again from the agency feed",
];

describe("processPhotos with unusable originals", () => {
  it("reports every problem in one run, each naming the photo, its own reason and the fix", async () => {
    const box = sandbox();
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150, iptc: { credit: "AP" } });
    await addBadPhotos(box);
    const result = await processPhotos({ ...box, limitInputPixels: 50_000 });
    expect(result.problems.map(formatPhotoProblem)).toEqual(BAD_PHOTO_LINES);
  });

  it("still describes the good photos, for checks that run after it", async () => {
    const box = sandbox();
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150 });
    await box.addPhoto("2025/new-good.jpg", { width: 220, height: 150, seed: 2 });
    await addBadPhotos(box);
    const result = await processPhotos({ ...box, limitInputPixels: 50_000 });
    expect(Object.keys(result.manifest.photos)).toEqual(["2025/good.jpg", "2025/new-good.jpg"]);
  });

  it("leaves the output folder and the published manifest exactly as they were", async () => {
    const box = sandbox();
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150 });
    const first = await processPhotos(box);
    expect(first.problems).toEqual([]);
    writeFileSync(path.join(box.outputDir, "keep-me.txt"), "not ours");
    const outputBefore = snapshot(box.outputDir);
    const manifestBefore = readFileSync(path.join(box.cacheDir, "manifest.json"));

    await box.addPhoto("2025/new-good.jpg", { width: 220, height: 150, seed: 2 });
    await addBadPhotos(box);
    const bad = await processPhotos({ ...box, limitInputPixels: 50_000 });
    expect(bad.problems).toHaveLength(BAD_PHOTO_LINES.length);
    expect(snapshot(box.outputDir)).toEqual(outputBefore);
    expect(readFileSync(path.join(box.cacheDir, "manifest.json")).equals(manifestBefore)).toBe(true);
  });

  it("publishes once the problems are fixed, keeping files that are not renditions", async () => {
    const box = sandbox();
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150 });
    await processPhotos(box);
    writeFileSync(path.join(box.outputDir, "keep-me.txt"), "not ours");
    const bad = await addBadPhotos(box);
    expect((await processPhotos({ ...box, limitInputPixels: 50_000 })).problems).toHaveLength(bad.length);

    for (const name of bad.filter((name) => name !== "huge.jpg"))
      rmSync(path.join(box.photosDir, "2025", name));
    const clean = await processPhotos({ ...box, limitInputPixels: 0 }); // 0: no limit
    expect(clean.problems).toEqual([]);
    expect(Object.keys(clean.manifest.photos)).toEqual(["2025/good.jpg", "2025/huge.jpg"]);
    expect(existsSync(path.join(box.outputDir, "keep-me.txt"))).toBe(true);
  });

  it("names the photos folder as the caller asks", async () => {
    const box = sandbox();
    box.addFile("2025/x.bmp", "BM");
    const run = await processPhotos({ ...box, displayDir: "content/photos/" });
    expect(run.problems[0]?.photo).toBe("content/photos/2025/x.bmp");
  });

  it("names the issues that use a bad photo, in its own line and in the build's report", async () => {
    const box = sandbox();
    box.addFile("2025/text.jpg", "this is not a photo");
    box.addFile("2025/notes.txt", "caption ideas");
    const usedBy = { "2025/text.jpg": ["src/issues/2025/a.md", "src/issues/2025/b.md"] };
    const { problems } = await processPhotos({ ...box, usedBy });
    expect(problems.map(formatPhotoProblem)).toEqual([
      `assets/photos/2025/notes.txt: .txt is not a photo format the site accepts — ${EXPORT}`,
      "assets/photos/2025/text.jpg: used by src/issues/2025/a.md, src/issues/2025/b.md: is not a readable image (Input buffer contains unsupported image format) — export the photo again as JPEG from the agency feed",
    ]);
    expect(problems.map(describePhotoProblem)[1]).toEqual({
      file: "assets/photos/2025/text.jpg",
      field: "used by src/issues/2025/a.md, src/issues/2025/b.md",
      message:
        "is not a readable image (Input buffer contains unsupported image format) — export the photo again as JPEG from the agency feed",
    });
  });

  it("has an error class that lists every problem", () => {
    const problems: PhotoProblem[] = [
      {
        photo: "assets/photos/2025/a.gif",
        message: `.gif is not a photo format the site accepts — ${EXPORT}`,
      },
      {
        photo: "assets/photos/2025/b.jpg",
        message: "is empty (0 bytes) — copy the photo again from the agency feed",
      },
    ];
    expect(new PhotoError(problems).message).toBe(
      [
        "2 problems in the photos:",
        `assets/photos/2025/a.gif: .gif is not a photo format the site accepts — ${EXPORT}`,
        "assets/photos/2025/b.jpg: is empty (0 bytes) — copy the photo again from the agency feed",
      ].join("\n"),
    );
  });
});

describe("processPhotos with publish: false", () => {
  it("encodes into the cache but writes neither the manifest nor the output", async () => {
    const box = sandbox();
    await box.addPhoto("2025/a.jpg", { width: 120, height: 80 });
    const run = await processPhotos({ ...box, publish: false });
    expect(Object.keys(run.manifest.photos)).toEqual(["2025/a.jpg"]);
    expect(existsSync(box.outputDir)).toBe(false);
    expect(existsSync(path.join(box.cacheDir, "manifest.json"))).toBe(false);
    const published = await processPhotos(box);
    expect(published.encoded).toBe(0);
    expect(existsSync(path.join(box.cacheDir, "manifest.json"))).toBe(true);
    expect(Object.keys(snapshot(box.outputDir))).toHaveLength(7);
  });
});
