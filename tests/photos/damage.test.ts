/**
 * Damaged scan data: bytes flipped or zeroed in the middle of a JPEG's entropy-coded scan,
 * the file length unchanged. libjpeg decodes such a file and paints what it cannot read
 * grey, so `failOn: "error"` publishes it; the desk must reject it. Wire JPEGs with
 * harmless warnings must still pass.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it, onTestFinished } from "vitest";
import { checkScanData } from "../../lib/pipeline/photos/damage.ts";
import {
  formatPhotoProblem,
  headerGaps,
  processPhotos,
  scanDamage,
} from "../../lib/pipeline/photos/index.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { createSandbox } from "./helpers.ts";

const FIX = "ask the agency for the file again or re-export it";

/** Offset of the first scan's entropy-coded data (after the SOS header). */
function scanStart(jpeg: Buffer): number {
  for (let at = 2; at < jpeg.length; ) {
    const length = jpeg.readUInt16BE(at + 2);
    if (jpeg[at + 1] === 0xda) return at + 2 + length;
    at += 2 + length;
  }
  throw new Error("no scan");
}

/** The same bytes with `count` of them, from the middle of the scan on, set to `value`. */
function damage(jpeg: Buffer, count: number, value: number): Buffer {
  const copy = Buffer.from(jpeg);
  const middle = Math.floor((scanStart(jpeg) + jpeg.length - 2) / 2);
  copy.fill(value, middle, middle + count);
  return copy;
}

/** A JPEG with `insert` placed before the first segment whose marker is `marker`. */
function insertBefore(jpeg: Buffer, marker: number, insert: Buffer): Buffer {
  for (let at = 2; at < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
    if (jpeg[at + 1] === marker) return Buffer.concat([jpeg.subarray(0, at), insert, jpeg.subarray(at)]);
  }
  throw new Error(`no marker 0x${marker.toString(16)}`);
}

/** The damage check on its own, at the photo's stored size. */
async function check(data: Buffer, alone: boolean): Promise<string | undefined> {
  const { width, height } = await sharp(data).metadata();
  return checkScanData(data, { width, height, limitInputPixels: 0, alone });
}

const baseline = () => makeTestPhoto({ width: 320, height: 240, seed: 1 });
const progressive = async () =>
  sharp(await baseline())
    .jpeg({ quality: 90, progressive: true })
    .toBuffer();

/** Wire-style JPEGs whose warnings say nothing about the pixels. */
async function harmless(): Promise<Record<string, Buffer>> {
  const good = await baseline();
  const adobe = Buffer.concat([Buffer.from("Adobe"), Buffer.from([0, 100, 0, 0, 0, 0, 7])]);
  const adobeSegment = Buffer.concat([Buffer.from([0xff, 0xee, 0, adobe.length + 2]), adobe]);
  const oddSos = Buffer.from(good);
  oddSos[scanStart(good) - 2] = 0x3e; // Se 62 instead of 63: "Invalid SOS parameters for sequential JPEG"
  return {
    "2025/padded-header.jpg": insertBefore(good, 0xdb, Buffer.alloc(3)),
    "2025/odd-sos.jpg": oddSos,
    "2025/adobe-transform.jpg": Buffer.concat([good.subarray(0, 2), adobeSegment, good.subarray(2)]),
  };
}

describe("photos with damaged scan data", () => {
  it.each([
    [
      "bytes set to 0xFF",
      () => baseline().then((jpeg) => damage(jpeg, 256, 0xff)),
      "premature end of data segment",
    ],
    ["bytes zeroed", () => baseline().then((jpeg) => damage(jpeg, 1024, 0)), "premature end of data segment"],
    [
      "bytes zeroed in a progressive scan",
      () => progressive().then((jpeg) => damage(jpeg, 64, 0)),
      "bad Huffman code",
    ],
    [
      "a progressive scan cut short",
      () => progressive().then((jpeg) => damage(jpeg, 1024, 0)),
      "24 extraneous bytes before marker 0xc4",
    ],
  ])("are rejected with libjpeg's reason: %s", async (_, make, reason) => {
    const box = createSandbox();
    onTestFinished(() => box.remove());
    const damaged = await make();
    // Why the desk needs its own check: sharp decodes it with failOn "error".
    await expect(sharp(damaged, { failOn: "error" }).stats()).resolves.toBeDefined();
    box.addFile("2025/damaged.jpg", damaged);
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150, seed: 2 });

    const result = await processPhotos(box);
    expect(result.problems.map(formatPhotoProblem)).toEqual([
      `assets/photos/2025/damaged.jpg: is damaged (Corrupt JPEG data: ${reason}) — ${FIX}`,
    ]);
    expect(Object.keys(result.manifest.photos)).toEqual(["2025/good.jpg"]);
  });

  it("a truncated PNG gets its own reason", async () => {
    const box = createSandbox();
    onTestFinished(() => box.remove());
    const png = await makeTestPhoto({ width: 240, height: 180, seed: 5, format: "png" });
    box.addFile("2025/cut.png", png.subarray(0, Math.floor(png.length / 2)));
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150, seed: 2 });
    const { problems } = await processPhotos(box);
    expect(problems.map(formatPhotoProblem)).toEqual([
      "assets/photos/2025/cut.png: is truncated or corrupt (vipspng: libpng read error) — export the photo again from the agency feed",
    ]);
  });
});

describe("photos with harmless warnings", () => {
  it("libvips warns about each of them, so failOn: warning alone would reject them", async () => {
    for (const [src, data] of Object.entries(await harmless())) {
      const reason = await sharp(data, { failOn: "warning" })
        .stats()
        .then(
          () => "no warning",
          (error: Error) => error.message.split("\n")[0],
        );
      expect({ src, reason }).toEqual({
        src,
        reason: {
          "2025/padded-header.jpg": "VipsJpeg: Corrupt JPEG data: 3 extraneous bytes before marker 0xdb",
          "2025/odd-sos.jpg": "VipsJpeg: Invalid SOS parameters for sequential JPEG",
          "2025/adobe-transform.jpg": "VipsJpeg: Unknown Adobe color transform code 7",
        }[src],
      });
    }
  });

  it("are published, after a look at each alone", async () => {
    const box = createSandbox();
    onTestFinished(() => box.remove());
    const photos = await harmless();
    for (const [src, data] of Object.entries(photos)) box.addFile(src, data);
    const result = await processPhotos(box);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.manifest.photos).sort()).toEqual(Object.keys(photos).sort());
    expect(result.retried).toBe(3);
  });

  it("with company, every photo with a warning is sent to the solo look, every time", async () => {
    // libvips' one error buffer: when another operation clears it, sharp's stats() and
    // metadata() report a failed decode as success. The check must not let one through.
    const photos = [...Object.values(await harmless()), damage(await baseline(), 256, 0xff)];
    for (let round = 0; round < 30; round++) {
      const results = await Promise.all(photos.map((data) => check(Buffer.from(data), false)));
      expect(results.filter((result) => result === undefined)).toEqual([]);
    }
  });

  it("header padding does not hide damage further on", async () => {
    const padded = insertBefore(damage(await baseline(), 256, 0xff), 0xdb, Buffer.alloc(3));
    expect(await check(padded, true)).toBe(
      `is damaged (Corrupt JPEG data: premature end of data segment) — ${FIX}`,
    );
  });

  it("the sample photos in assets/photos decode without a single warning", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    for (const src of ["2025/istanbul-consulate-placeholder.jpg", "site/dateline-card.jpg"]) {
      const data = readFileSync(path.join(root, "assets/photos", src));
      await expect(sharp(data, { failOn: "warning" }).stats()).resolves.toBeDefined();
      expect(await check(data, true)).toBeUndefined();
    }
  });
});

describe("scanDamage", () => {
  it("tells damage from padding between header segments", async () => {
    const padded = insertBefore(await baseline(), 0xdb, Buffer.alloc(3));
    expect(headerGaps(padded)).toEqual([{ bytes: 3, marker: 0xdb }]);
    expect(scanDamage(["VipsJpeg: Corrupt JPEG data: 3 extraneous bytes before marker 0xdb"], padded)).toBe(
      undefined,
    );
    expect(scanDamage(["VipsJpeg: Corrupt JPEG data: 3 extraneous bytes before marker 0xc4"], padded)).toBe(
      "Corrupt JPEG data: 3 extraneous bytes before marker 0xc4",
    );
    expect(scanDamage(["VipsJpeg: Invalid SOS parameters for sequential JPEG"], padded)).toBe(undefined);
    expect(scanDamage(["VipsJpeg: Corrupt JPEG data: bad Huffman code\n"], padded)).toBe(
      "Corrupt JPEG data: bad Huffman code",
    );
  });
});
