/**
 * A warm run must do no sharp work at all. Besides the pipeline's own `encoded` counter,
 * this file wraps the sharp module itself and counts every call to it, so work done
 * outside the counter would show too. Counts, never wall-clock time.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ count: 0 }));

vi.mock("sharp", async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...args: unknown[]) => unknown }).default;
  const counted = Object.assign((...args: unknown[]) => {
    calls.count += 1;
    return real(...args);
  }, real);
  return { default: counted };
});

// The suite shares modules between the files of a worker (isolate: false in vitest.config.ts):
// the pipeline is loaded afresh here, so it imports the counted sharp, not one already loaded.
vi.resetModules();
const { processPhotos } = await import("../../lib/pipeline/photos/index.ts");
const { createSandbox } = await import("./helpers.ts");

describe("a warm run", () => {
  const box = createSandbox();
  beforeAll(async () => {
    await box.addPhoto("2025/a.jpg", { width: 500, height: 300, iptc: { credit: "AP" } });
    await box.addPhoto("2025/b.jpg", { width: 160, height: 120, seed: 2 });
  });
  afterAll(() => box.remove());

  it("calls sharp zero times when nothing changed, also into a fresh output folder", async () => {
    const cold = await processPhotos(box);
    expect(cold.encoded).toBeGreaterThan(0);
    expect(calls.count).toBeGreaterThanOrEqual(cold.encoded);

    calls.count = 0;
    const warm = await processPhotos(box);
    expect([warm.encoded, calls.count]).toEqual([0, 0]);

    rmSync(box.outputDir, { recursive: true });
    const fresh = await processPhotos({ ...box, outputDir: path.join(box.root, "_site.staging/photos") });
    expect([fresh.encoded, calls.count, fresh.reused]).toEqual([0, 0, 2]);
  });

  it("calls sharp for the one photo that changed", async () => {
    await box.addPhoto("2025/b.jpg", { width: 160, height: 120, seed: 3 });
    calls.count = 0;
    const run = await processPhotos(box);
    expect([run.made, run.reused]).toEqual([1, 1]);
    expect(calls.count).toBe(run.encoded);
    expect(run.encoded).toBeGreaterThan(0);
  });
});
