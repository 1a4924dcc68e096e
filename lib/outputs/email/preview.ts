/**
 * A preview of the email edition whose images load before the site is deployed. The published
 * edition's images are absolute URLs on the site's origin, which exist only after a deploy; a
 * preview points them at the photos this machine has just made: a path on disk (`npm run email`),
 * the dev server's own `/photos/…`, or parts of the message itself (`cid:`, the preview `.eml`).
 * The published files are never changed.
 */
import { type MessageParts, renderEmailMessage } from "./mime.ts";

/** An `<img>`'s `src` value, between its quotes (the edition writes every attribute with `"`). */
const IMAGE_SOURCE = /(<img\b[^>]*?\ssrc=")([^"]*)(")/g;

/** `https://site.example/photos/a.jpg` → `/photos/a.jpg` when on `origin`, else undefined. */
function sitePathOf(src: string, origin: string): string | undefined {
  const base = origin.replace(/\/+$/, "");
  return src.startsWith(`${base}/`) ? src.slice(base.length) : undefined;
}

/** The site paths of the edition's images on the site's origin, each once, in order. */
export function ownImagePaths(html: string, origin: string): string[] {
  const paths = new Set<string>();
  for (const match of html.matchAll(IMAGE_SOURCE)) {
    const sitePath = sitePathOf(match[2] ?? "", origin);
    if (sitePath !== undefined) paths.add(sitePath);
  }
  return [...paths];
}

/**
 * The edition with each image on the site's origin at `locate(sitePath)` instead; every other
 * address (links included) is left as published.
 *
 * @example
 * pointOwnImages('<img src="https://site.example/photos/a.jpg">', "https://site.example", (p) => `..${p}`)
 * // '<img src="../photos/a.jpg">'
 */
export function pointOwnImages(html: string, origin: string, locate: (sitePath: string) => string): string {
  return html.replace(IMAGE_SOURCE, (whole, before: string, src: string, after: string) => {
    const sitePath = sitePathOf(src, origin);
    return sitePath === undefined ? whole : `${before}${locate(sitePath)}${after}`;
  });
}

/** The `Content-ID` of the n-th image of a preview message. */
function contentId(index: number, origin: string): string {
  return `image-${index + 1}@${new URL(origin).hostname}`;
}

/**
 * The edition as one message whose own images travel inside it (`multipart/related`, each image
 * `cid:`), so any mail client shows them offline. `fileOf(sitePath)` is where this machine has
 * each image; an image it lacks keeps its published address.
 */
export function renderPreviewMessage(
  parts: MessageParts,
  fileOf: (sitePath: string) => string | undefined,
): Promise<Buffer> {
  const images = ownImagePaths(parts.html, parts.origin)
    .map((sitePath) => ({ sitePath, file: fileOf(sitePath) }))
    .filter((image): image is { sitePath: string; file: string } => image.file !== undefined);
  const cids = new Map(images.map((image, index) => [image.sitePath, contentId(index, parts.origin)]));
  const html = pointOwnImages(parts.html, parts.origin, (sitePath) => {
    const cid = cids.get(sitePath);
    return cid === undefined ? `${parts.origin.replace(/\/+$/, "")}${sitePath}` : `cid:${cid}`;
  });
  return renderEmailMessage({
    ...parts,
    html,
    inlineImages: images.map((image) => ({ cid: cids.get(image.sitePath) as string, file: image.file })),
  });
}
