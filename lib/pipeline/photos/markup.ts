/**
 * HTML for photos, as pure functions of a manifest entry. Everything is escaped. No
 * inline `style`: the site's CSP has no 'unsafe-inline' for styles, and `width`/`height`
 * already reserve the space so the layout never shifts. The placeholder colour and
 * data URI are in `entry.placeholder` for a stylesheet to use.
 */

import { escapeHtml } from "../../shared/text.ts";
import type { PhotoEntry, Rendition } from "./manifest.ts";
import { MEDIA_TYPES, PHOTO_FORMATS, type PhotoFormat } from "./settings.ts";

export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute, e.g. `(min-width: 60rem) 44rem, 100vw`. */
  sizes: string;
  /** "eager" for the lead photo above the fold, "lazy" for the rest. */
  loading: "eager" | "lazy";
  /** "high" for the page's largest image (the lead photo). */
  fetchpriority?: "high";
  /** Class of the `<img>`. */
  className?: string;
}

/**
 * The renditions of one format, by ascending width.
 *
 * @example
 * renditionsOf(entry, "webp").map((r) => r.width) // [480, 800, 1200, 1600, 2400]
 */
export function renditionsOf(entry: PhotoEntry, format: PhotoFormat): Rendition[] {
  return entry.renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
}

/**
 * The widest rendition of a format not wider than `maxWidth`, else the narrowest one.
 *
 * @example
 * pickRendition(entry, "jpeg", 1200).path // "/photos/2025/x-1200.3f9a2c1b.jpg"
 */
export function pickRendition(entry: PhotoEntry, format: PhotoFormat, maxWidth = 1200): Rendition {
  const list = renditionsOf(entry, format);
  const fitting = list.filter((r) => r.width <= maxWidth);
  const chosen = fitting.at(-1) ?? list[0];
  if (!chosen) throw new Error(`${entry.src} has no ${format} rendition`);
  return chosen;
}

/**
 * A responsive `<picture>`: AVIF and WebP sources, and a JPEG `<img>` (the 1200 px
 * rendition or the largest below it) with its own srcset, intrinsic size and alt text.
 *
 * @example
 * renderPicture(entry, { alt: "Delegates at a table", sizes: "100vw", loading: "eager", fetchpriority: "high" })
 * // '<picture><source type="image/avif" srcset="/photos/2025/x-480.1a2b3c4d.avif 480w, …" sizes="100vw">…'
 */
export function renderPicture(entry: PhotoEntry, options: PictureOptions): string {
  const sizes = escapeHtml(options.sizes);
  const sources = PHOTO_FORMATS.filter((format) => format !== "jpeg")
    .map((format) => ({ format, list: renditionsOf(entry, format) }))
    .filter(({ list }) => list.length > 0)
    .map(
      ({ format, list }) =>
        `<source type="${MEDIA_TYPES[format]}" srcset="${srcset(list)}" sizes="${sizes}">`,
    )
    .join("");
  const fallback = pickRendition(entry, "jpeg");
  const attributes = [
    `src="${escapeHtml(fallback.path)}"`,
    `srcset="${srcset(renditionsOf(entry, "jpeg"))}"`,
    `sizes="${sizes}"`,
    `width="${fallback.width}"`,
    `height="${fallback.height}"`,
    `alt="${escapeHtml(options.alt)}"`,
    `loading="${options.loading}"`,
    `decoding="async"`,
    options.fetchpriority ? `fetchpriority="${options.fetchpriority}"` : "",
    options.className ? `class="${escapeHtml(options.className)}"` : "",
  ].filter(Boolean);
  return `<picture>${sources}<img ${attributes.join(" ")}></picture>`;
}

/**
 * One plain JPEG for feeds and email (no `<picture>`, no srcset), with an absolute URL:
 * the 1200 px rendition, or the largest below it.
 *
 * @example
 * renderFeedImage(entry, "https://dateline.example", "Delegates at a table")
 * // '<img src="https://dateline.example/photos/2025/x-1200.3f9a2c1b.jpg" width="1200" height="675" alt="Delegates at a table">'
 */
export function renderFeedImage(entry: PhotoEntry, absoluteBase: string, alt: string): string {
  const image = pickRendition(entry, "jpeg");
  const url = absolutePhotoUrl(image.path, absoluteBase);
  return `<img src="${escapeHtml(url)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(alt)}">`;
}

/**
 * A site path made absolute against the site's origin (with or without a trailing slash).
 *
 * @example
 * absolutePhotoUrl("/photos/a.jpg", "https://dateline.example/") // "https://dateline.example/photos/a.jpg"
 */
export function absolutePhotoUrl(sitePath: string, absoluteBase: string): string {
  return `${absoluteBase.replace(/\/+$/, "")}${sitePath}`;
}

function srcset(list: Rendition[]): string {
  return list.map((r) => `${escapeHtml(r.path)} ${r.width}w`).join(", ");
}
