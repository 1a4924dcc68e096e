/**
 * HTML for photos, as pure functions of a manifest entry. Everything is escaped. No
 * inline `style`: the site's CSP has no 'unsafe-inline' for styles, and `width`/`height`
 * already reserve the space so the layout never shifts. The placeholder colour and
 * data URI are in `entry.placeholder` for a stylesheet to use.
 */

import type { PhotoEntry, Rendition } from "../../contract/photo-manifest.ts";
import { PHOTO_FORMATS, pickRendition, renditionsOf } from "../../contract/photo-manifest.ts";
import { absolutePhotoUrl } from "../../contract/urls.ts";
import { escapeHtml } from "../../shared/text.ts";
import { MEDIA_TYPES } from "./settings.ts";

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

function srcset(list: Rendition[]): string {
  return list.map((r) => `${escapeHtml(r.path)} ${r.width}w`).join(", ");
}
