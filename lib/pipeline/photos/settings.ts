/**
 * What the photo pipeline makes from each original: widths, formats and encoder settings,
 * the social crops, and the placeholder. One `settings` object drives both the pipeline
 * and the benchmark's plain-sharp floor, and its hash is part of every cache key, so a
 * change here re-encodes every photo on the next run.
 */

import { createHash } from "node:crypto";
import sharp from "sharp";
import { DEFAULT_FOCUS, type Focus, focusSchema } from "../../contract/focus-values.ts";
import type { CropName, PhotoFormat } from "../../contract/photo-manifest.ts";

export { DEFAULT_FOCUS, type Focus, focusSchema };

export interface CropSpec {
  width: number;
  height: number;
}

export interface PhotoSettings {
  /** Rendition widths, ascending. */
  widths: readonly number[];
  /**
   * A photo narrower than the widest step also gets a rendition at its own width when
   * it is at least this much wider than the largest step it reaches (600 px → 480 and
   * 600; 1300 px → 480, 800 and 1200, since 1300 adds little over 1200).
   */
  ownWidthMinGain: number;
  avif: { quality: number; effort: number; chromaSubsampling: "4:2:0" | "4:4:4" };
  webp: { quality: number; effort: number };
  jpeg: { quality: number; mozjpeg: true; progressive: true };
  crops: Readonly<Record<CropName, CropSpec>>;
  /** Width of the blurred placeholder image, px. */
  placeholderWidth: number;
  placeholderQuality: number;
  /**
   * libvips threads per image (`sharp.concurrency`). Fixed, not the core count: the AVIF
   * encoder's output depends on its thread count, and output must be byte-identical on
   * every machine.
   */
  vipsThreads: number;
  /** `failOn` for decoding originals: "error" rejects truncated and corrupt files. */
  failOn: "truncated" | "error";
}

/**
 * AVIF: quality 50, effort 1, 4:2:0. Measured on 2 cores (3000×2000 sources, 1200 px
 * out): effort 2 took 2–4× as long as effort 1 for files within ±1 % of the size and
 * PSNR within 0.05 dB; effort 0 was ~6 % larger on a real photo for little time saved;
 * effort 4 (the default) took ~20× as long. 4:2:0 chroma (sharp defaults to 4:4:4) is
 * ~6 % smaller and faster, and invisible on photos. WebP q75 and mozjpeg q80 are the
 * usual web settings; AVIF q50 is smaller than both at similar visual quality.
 */
export const DEFAULT_SETTINGS = {
  widths: [480, 800, 1200, 1600, 2400],
  ownWidthMinGain: 1.2,
  avif: { quality: 50, effort: 1, chromaSubsampling: "4:2:0" },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true, progressive: true },
  crops: {
    og: { width: 1200, height: 630 },
    "16x9": { width: 1600, height: 900 },
    "4x3": { width: 1600, height: 1200 },
    "1x1": { width: 1200, height: 1200 },
  },
  placeholderWidth: 20,
  placeholderQuality: 50,
  vipsThreads: 2,
  failOn: "error",
} as const satisfies PhotoSettings;

/** Bump when the pipeline's output changes in a way the settings do not show. */
// 2: damaged JPEG scan data is rejected, so photos cached before must be checked again.
// 3: the digital source type and licence addresses are read, and written into the renditions.
const PIPELINE_VERSION = 3;

/**
 * A short hash of everything that shapes the output files: the settings, the pipeline
 * version and the libvips version (a new encoder makes different bytes).
 *
 * @example
 * settingsHash(DEFAULT_SETTINGS) // "5d1c0a9e27b4"
 */
export function settingsHash(settings: PhotoSettings): string {
  const text = JSON.stringify({ settings, version: PIPELINE_VERSION, vips: sharp.versions.vips });
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/**
 * The rendition widths for an original `width` px wide: every step that fits, plus the
 * original's own width when it is below the widest step and gains enough over the last
 * step that fits; an original narrower than the first step gets one rendition at its
 * own width. Never wider than the original.
 *
 * @example
 * planWidths(3000) // [480, 800, 1200, 1600, 2400]
 * planWidths(600)  // [480, 600]
 * planWidths(1300) // [480, 800, 1200]
 * planWidths(300)  // [300]
 */
export function planWidths(width: number, settings: PhotoSettings = DEFAULT_SETTINGS): number[] {
  const fitting = settings.widths.filter((step) => step <= width);
  const largest = fitting.at(-1);
  if (largest === undefined) return [width];
  const widest = settings.widths.at(-1) ?? largest;
  if (width < widest && width >= largest * settings.ownWidthMinGain) return [...fitting, width];
  return fitting;
}

/**
 * The size of a crop from a `width`×`height` original: the spec's size, or smaller with
 * the same aspect ratio when the original is too small (crops are never upscaled).
 *
 * @example
 * cropSize(3000, 2000, { width: 1600, height: 1200 }) // { width: 1600, height: 1200 }
 * cropSize(800, 600, { width: 1600, height: 900 })    // { width: 800, height: 450 }
 */
export function cropSize(width: number, height: number, spec: CropSpec): CropSpec {
  const scale = Math.min(1, width / spec.width, height / spec.height);
  return {
    width: Math.max(1, Math.round(spec.width * scale)),
    height: Math.max(1, Math.round(spec.height * scale)),
  };
}

/** sharp's `position` for a focus: a gravity, or the attention strategy. */
export function focusPosition(focus: Focus): string | number {
  switch (focus) {
    case "center":
      return "centre";
    case "top":
      return "north";
    case "bottom":
      return "south";
    case "left":
      return "west";
    case "right":
      return "east";
    case "attention":
      return sharp.strategy.attention;
  }
}

/** File extension of each output format. */
export const EXTENSIONS: Readonly<Record<PhotoFormat, string>> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** Media type of each output format. */
export const MEDIA_TYPES: Readonly<Record<PhotoFormat, string>> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};
