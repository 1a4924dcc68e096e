/**
 * libvips keeps one error buffer per process: a photo that fails while others encode can be
 * reported with their reason, or "Unknown error". The pipeline tries every failure again
 * alone and quotes that run. These runs put 3 broken photos among 37 good ones, at several
 * concurrencies, and check each line word for word and that exactly the 3 were retried.
 */
import { describe, expect, it, onTestFinished } from "vitest";
import { formatPhotoProblem, processPhotos } from "../../lib/pipeline/photos/index.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { createSandbox } from "./helpers.ts";

const GOOD = 37;

async function goodPhotos(): Promise<Buffer[]> {
  return Promise.all(
    Array.from({ length: GOOD }, (_, index) => makeTestPhoto({ width: 160, height: 120, seed: index + 1 })),
  );
}

const EXPECTED_LINES = [
  "assets/photos/2025/broken-empty.jpg: is empty (0 bytes) — copy the photo again from the agency feed",
  "assets/photos/2025/broken-text.jpg: is not a readable image (Input buffer contains unsupported image format) — export the photo again as JPEG from the agency feed",
  "assets/photos/2025/broken-truncated.jpg: is truncated or corrupt (VipsJpeg: premature end of JPEG image) — export the photo again from the agency feed",
];

describe("processPhotos with broken photos among many", () => {
  const photos = goodPhotos();

  it.each([
    [2, false],
    [4, false],
    [8, false],
    [2, true],
  ])(
    "at concurrency %i (encoding in a child process: %s), names each broken photo with its own reason",
    async (concurrency, encodeInChild) => {
      const box = createSandbox();
      onTestFinished(() => box.remove());
      const good = await photos;
      // Broken photos sort among the good ones, so they fail while others are encoding.
      good.forEach((data, index) => {
        box.addFile(`2025/photo-${String(index).padStart(2, "0")}.jpg`, data);
      });
      const whole = await makeTestPhoto({ width: 320, height: 240, seed: 99 });
      box.addFile("2025/broken-truncated.jpg", whole.subarray(0, Math.floor(whole.length / 2)));
      box.addFile("2025/broken-text.jpg", "this is not a photo");
      box.addFile("2025/broken-empty.jpg", Buffer.alloc(0));

      const result = await processPhotos({ ...box, concurrency, encodeInChild });
      expect(result.problems.map(formatPhotoProblem)).toEqual(EXPECTED_LINES);
      expect(result.retried).toBe(3);
      expect(Object.keys(result.manifest.photos)).toHaveLength(GOOD);
    },
  );

  it("at concurrency 1 every photo is already alone, so nothing is retried", async () => {
    const box = createSandbox();
    onTestFinished(() => box.remove());
    const good = await photos;
    box.addFile("2025/photo-00.jpg", good[0] ?? Buffer.alloc(0));
    const whole = await makeTestPhoto({ width: 320, height: 240, seed: 99 });
    box.addFile("2025/broken-truncated.jpg", whole.subarray(0, Math.floor(whole.length / 2)));
    box.addFile("2025/broken-text.jpg", "this is not a photo");
    box.addFile("2025/broken-empty.jpg", Buffer.alloc(0));

    const result = await processPhotos({ ...box, concurrency: 1 });
    expect(result.problems.map(formatPhotoProblem)).toEqual(EXPECTED_LINES);
    expect(result.retried).toBe(0);
  });
});
