/**
 * Which file a browser downloads for a responsive image, so the lead-photo budget weighs what a
 * phone really fetches: the first `<source>` it supports, `sizes` evaluated at the viewport, and
 * the smallest `srcset` candidate that covers the slot at the device pixel ratio.
 */
import type { Cheerio, CheerioAPI } from "cheerio";
import type { Element } from "domhandler";

export interface SrcsetCandidate {
  url: string;
  /** The `w` descriptor, when given. */
  width?: number;
  /** The `x` descriptor; 1 when no descriptor is given. */
  density?: number;
}

/**
 * Parses a `srcset` the way the HTML standard does: a URL runs to the next whitespace (commas
 * inside it are kept, trailing ones end the candidate), then descriptors to the next comma.
 * @example parseSrcset("/a-400.jpg 400w, /a-800.jpg 800w") // [{ url: "/a-400.jpg", width: 400 }, { url: "/a-800.jpg", width: 800 }]
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    if (rest === "") return candidates;
    const urlMatch = /^\S+/.exec(rest);
    const rawUrl = urlMatch?.[0] ?? "";
    rest = rest.slice(rawUrl.length);
    const url = rawUrl.replace(/,+$/, "");
    let descriptors = "";
    if (url === rawUrl) {
      const end = rest.indexOf(",");
      descriptors = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? "" : rest.slice(end + 1);
    }
    candidates.push({ url, ...parseDescriptors(descriptors.trim()) });
  }
}

function parseDescriptors(descriptors: string): Omit<SrcsetCandidate, "url"> {
  const width = /^(\d+)w$/.exec(descriptors);
  if (width) return { width: Number(width[1]) };
  const density = /^(\d*\.?\d+)x$/.exec(descriptors);
  if (density) return { density: Number(density[1]) };
  return { density: 1 };
}

/** CSS px per `em`/`rem` in a media query or `sizes` (the browser default). */
const EM = 16;

function lengthInPx(value: number, unit: string, viewportWidth: number): number | undefined {
  switch (unit.toLowerCase()) {
    case "px":
      return value;
    case "vw":
      return (value * viewportWidth) / 100;
    case "em":
    case "rem":
      return value * EM;
    default:
      return undefined;
  }
}

/**
 * Whether a media condition holds at the viewport width: `(min-width: N)` and `(max-width: N)`
 * in px/em/rem, joined by `and`. Anything else (`or`, `not`, other features) is unknown → false,
 * as a browser skips a `sizes` entry it cannot parse.
 * @example matchesMedia("(min-width: 48em)", 400) // false
 */
export function matchesMedia(condition: string, viewportWidth: number): boolean {
  const parts = condition.trim().split(/\s+and\s+/i);
  return parts.every((part) => {
    const match = /^\(\s*(min|max)-width\s*:\s*(\d*\.?\d+)(px|em|rem)\s*\)$/i.exec(part.trim());
    if (!match) return false;
    const px = lengthInPx(Number(match[2]), match[3] ?? "", viewportWidth) ?? Number.NaN;
    return match[1]?.toLowerCase() === "min" ? viewportWidth >= px : viewportWidth <= px;
  });
}

/**
 * The slot width in CSS px that `sizes` gives at the viewport width. Lengths in px, vw, em and
 * rem are understood; `calc()` and other lengths fall back to `100vw`, as does a missing `sizes`.
 * @example evaluateSizes("(min-width: 760px) 680px, 100vw", 400) // 400
 */
export function evaluateSizes(sizes: string | undefined, viewportWidth: number): number {
  for (const entry of (sizes ?? "").split(",")) {
    const match = /^(.*?)\s*(\d*\.?\d+)([a-z]+)\s*$/i.exec(entry.trim());
    if (!match) continue;
    const [, condition = "", value = "", unit = ""] = match;
    if (condition !== "" && !matchesMedia(condition, viewportWidth)) continue;
    return lengthInPx(Number(value), unit, viewportWidth) ?? viewportWidth;
  }
  return viewportWidth;
}

/**
 * The candidate a browser picks: the lowest density that is still at least the device pixel
 * ratio, or the densest there is when none is enough. `w` descriptors become densities over the slot.
 * @example pickCandidate([{ url: "a", width: 800 }, { url: "b", width: 1600 }], 400, 2).url // "a"
 */
export function pickCandidate(
  candidates: readonly SrcsetCandidate[],
  slotWidth: number,
  dpr: number,
): SrcsetCandidate | undefined {
  const byDensity = candidates
    .map((candidate) => ({
      candidate,
      density: candidate.width !== undefined ? candidate.width / slotWidth : (candidate.density ?? 1),
    }))
    .sort((a, b) => a.density - b.density);
  return (byDensity.find((entry) => entry.density >= dpr) ?? byDensity.at(-1))?.candidate;
}

/** Image types every current browser decodes; a `<source>` of another type is passed over. */
const SUPPORTED_TYPES = new Set([
  "image/avif",
  "image/webp",
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/svg+xml",
]);

export interface Viewport {
  /** CSS px. */
  width: number;
  /** Device pixel ratio. */
  dpr: number;
}

/**
 * The URL a browser at this viewport downloads for an `<img>` or `<picture>`: the first
 * `<source>` whose `type` it supports and whose `media` matches, else the `<img>` itself.
 */
export function pickImageUrl($: CheerioAPI, image: Cheerio<Element>, viewport: Viewport): string | undefined {
  const img = image.is("img") ? image : image.find("img").first();
  const sources = image.is("picture") ? image.children("source").toArray() : [];
  const source = sources.map((element) => $(element)).find((candidate) => usable(candidate, viewport.width));
  const srcset = source ? source.attr("srcset") : img.attr("srcset");
  const sizes = source?.attr("sizes") ?? img.attr("sizes");
  const candidates = parseSrcset(srcset ?? "");
  const src = img.attr("src")?.trim();
  // The `src` of an <img> is its 1x candidate unless the srcset has one or uses widths (HTML §4.8.4.3.10).
  if (
    !source &&
    src &&
    !candidates.some((candidate) => candidate.width !== undefined || candidate.density === 1)
  ) {
    candidates.push({ url: src, density: 1 });
  }
  const slot = evaluateSizes(sizes, viewport.width);
  return pickCandidate(candidates, slot, viewport.dpr)?.url;
}

function usable(source: Cheerio<Element>, viewportWidth: number): boolean {
  const type = source.attr("type")?.trim().toLowerCase();
  const media = source.attr("media")?.trim();
  if (!source.attr("srcset")) return false;
  if (type && !SUPPORTED_TYPES.has(type)) return false;
  return !media || matchesMedia(media, viewportWidth);
}
