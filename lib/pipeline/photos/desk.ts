/**
 * The photo desk for one build: runs the pipeline before anything renders, keeps this
 * build's manifest, and gives pages, Markdown, feeds and SEO each photo's markup and
 * credits. The content checks read the same manifest.
 */
import path from "node:path";
import { type CaptionParts, renderCaption } from "../../contract/caption.ts";
import type { PhotoEntry, PhotoManifest } from "../../contract/photo-manifest.ts";
import type { Photo } from "../../contract/schema.ts";
import type { BodyImage } from "./body-images.ts";
import { bodyImageSources } from "./body-images.ts";
import { type PhotoText, resolvePhotoText } from "./credit.ts";
import { collectFocus, type FocusSource } from "./focus.ts";
import { emptyManifest } from "./manifest.ts";
import { renderPicture } from "./markup.ts";
import { type PhotoProblem, usedByField } from "./problems.ts";
import { processPhotos } from "./process.ts";
import { createProgressReporter } from "./progress.ts";

export interface PhotoDeskOptions {
  /** Originals, e.g. `assets/photos`. */
  photosDir: string;
  /** Outside the site; Netlify keeps node_modules between builds, so the cache lives there. */
  cacheDir: string;
}

/** `sizes` of photos in the reading column (42rem at most) and full width below it. */
export const COLUMN_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

export interface PhotoDesk {
  readonly options: PhotoDeskOptions;
  manifest: PhotoManifest;
  /**
   * Runs the pipeline into `<siteOutput>/photos`, with each photo's crop focus and users
   * taken from the issues as already read; returns the photos' own problems. `liveOutput` is
   * the site a staged `siteOutput` will replace, whose unchanged renditions are linked.
   */
  prepare(siteOutput: string, issues: readonly FocusSource[], liveOutput?: string): Promise<PhotoProblem[]>;
  entry(src: string): PhotoEntry | undefined;
  /**
   * Runs `work` and says which photos it looked up (each `entry`, by src): what a view made
   * from them depends on, so a kept view can be checked against this build's manifest.
   */
  recordLookups<T>(work: () => T): { result: T; looked: string[] };
  /** Caption and credit: front matter first, then the photo's IPTC/XMP. */
  text(photo: Pick<Photo, "src" | "caption" | "credit" | "source">): PhotoText;
  /** A body image as a figure with a responsive picture, caption and credit. */
  renderBodyFigure(image: BodyImage, escapeHtml: (text: string) => string): string;
}

export function createPhotoDesk(options: PhotoDeskOptions): PhotoDesk {
  let looked: Set<string> | undefined;
  const desk: PhotoDesk = {
    options,
    manifest: emptyManifest(),
    async prepare(siteOutput, issues, liveOutput) {
      const focus = collectFocus(issues, { bodyImages: bodyImageSources });
      const result = await processPhotos({
        photosDir: options.photosDir,
        outputDir: path.join(siteOutput, "photos"),
        liveDir: path.join(liveOutput ?? siteOutput, "photos"),
        cacheDir: options.cacheDir,
        focus: focus.focus,
        usedBy: focus.usedBy,
        onProgress: createProgressReporter(),
        // The build's own photos: libvips's memory goes back when the encoder exits.
        encodeInChild: true,
      });
      desk.manifest = result.manifest;
      return [...focus.problems, ...result.problems];
    },
    entry: (src) => {
      looked?.add(src);
      return Object.hasOwn(desk.manifest.photos, src) ? desk.manifest.photos[src] : undefined;
    },
    recordLookups(work) {
      const outer = looked;
      const inner = new Set<string>();
      looked = inner;
      try {
        const result = work();
        return { result, looked: [...inner].sort() };
      } finally {
        looked = outer;
        for (const src of inner) outer?.add(src);
      }
    },
    text: (photo) => resolvePhotoText(photo, desk.entry(photo.src)?.meta),
    renderBodyFigure(image, escapeHtml) {
      const entry = desk.entry(image.src);
      if (!entry) {
        // External or absolute images are the writer's own; they render as given.
        return `<figure class="body-figure"><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${figcaption({ caption: image.caption })}</figure>\n`;
      }
      const text = resolvePhotoText({ caption: image.caption }, entry.meta);
      const picture = renderPicture(entry, { alt: image.alt, sizes: COLUMN_SIZES, loading: "lazy" });
      return `<figure class="body-figure">${picture}${figcaption(text)}</figure>\n`;
    },
  };
  return desk;
}

function figcaption(parts: CaptionParts): string {
  const line = renderCaption(parts);
  return line === "" ? "" : `<figcaption>${line}</figcaption>`;
}

/**
 * Photo problems in the content report's shape: the photo path, the issues that use it,
 * then what is wrong and what to do (the same line `formatPhotoProblem` prints).
 *
 * @example
 * describePhotoProblem({ photo: "assets/photos/2025/x.jpg", message: "is damaged …", usedBy: ["src/issues/2025/a.md"] })
 * // { file: "assets/photos/2025/x.jpg", field: "used by src/issues/2025/a.md", message: "is damaged …" }
 */
export function describePhotoProblem(problem: PhotoProblem): {
  file: string;
  field: string;
  message: string;
} {
  return { file: problem.photo, field: usedByField(problem), message: problem.message };
}
