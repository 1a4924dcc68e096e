/**
 * The photo desk's template filters: lead and card pictures, and each photo's caption line
 * (label, caption, credit). The desk itself (lib/pipeline/photos/desk.ts) runs in the content stage.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { type CaptionParts, renderCaption } from "../contract/caption.ts";
import type { Photo } from "../contract/schema.ts";
import { COLUMN_SIZES, type PhotoDesk } from "../pipeline/photos/desk.ts";
import { renderPicture } from "../pipeline/photos/index.ts";

export {
  createPhotoDesk,
  describePhotoProblem,
  type PhotoDesk,
} from "../pipeline/photos/desk.ts";

export default function photosPlugin(eleventyConfig: UserConfig, desk: PhotoDesk): void {
  eleventyConfig.addWatchTarget(desk.options.photosDir);
  eleventyConfig.addFilter("leadPicture", (photo: Photo) => {
    const entry = desk.entry(photo.src);
    return entry
      ? renderPicture(entry, { alt: photo.alt, sizes: COLUMN_SIZES, loading: "eager", fetchpriority: "high" })
      : "";
  });
  // Escaped HTML: the template prints it with `safe`.
  eleventyConfig.addFilter("photoCaption", (photo: CaptionParts) => renderCaption(photo));
  eleventyConfig.addFilter("cardPicture", (photo: Photo) => {
    const entry = desk.entry(photo.src);
    return entry
      ? renderPicture(entry, {
          alt: photo.alt,
          sizes: "(min-width: 60rem) 38rem, calc(100vw - 2rem)",
          loading: "eager",
          fetchpriority: "high",
          className: "lead-story__photo",
        })
      : "";
  });
}
