import { describe, expect, it } from "vitest";
import { cropSize, DEFAULT_SETTINGS, planWidths, settingsHash } from "../../lib/pipeline/photos/settings.ts";

describe("planWidths", () => {
  it.each([
    [6000, [480, 800, 1200, 1600, 2400]],
    [2400, [480, 800, 1200, 1600, 2400]],
    [2000, [480, 800, 1200, 1600, 2000]],
    [1700, [480, 800, 1200, 1600]],
    [1300, [480, 800, 1200]],
    [1440, [480, 800, 1200, 1440]],
    [1200, [480, 800, 1200]],
    [600, [480, 600]],
    [500, [480]],
    [480, [480]],
    [300, [300]],
  ])("gives a %i px original the widths %j, never wider than the original", (width, expected) => {
    expect(planWidths(width)).toEqual(expected);
    expect(Math.max(...planWidths(width))).toBeLessThanOrEqual(width);
  });
});

describe("cropSize", () => {
  it("keeps the spec size when the original is large enough", () => {
    expect(cropSize(3000, 2000, { width: 1600, height: 1200 })).toEqual({ width: 1600, height: 1200 });
  });

  it("shrinks a crop with its aspect ratio when the original is too small, never upscaling", () => {
    expect(cropSize(800, 600, { width: 1600, height: 900 })).toEqual({ width: 800, height: 450 });
    expect(cropSize(100, 200, { width: 1200, height: 1200 })).toEqual({ width: 100, height: 100 });
  });
});

describe("settingsHash", () => {
  it("changes when any setting changes", () => {
    const changed = { ...DEFAULT_SETTINGS, avif: { ...DEFAULT_SETTINGS.avif, quality: 60 } };
    expect(settingsHash(DEFAULT_SETTINGS)).toBe(settingsHash({ ...DEFAULT_SETTINGS }));
    expect(settingsHash(changed)).not.toBe(settingsHash(DEFAULT_SETTINGS));
  });
});
