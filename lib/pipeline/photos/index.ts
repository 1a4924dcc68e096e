/**
 * The photo pipeline (DESIGN.md §1): originals in assets/photos/ become responsive
 * renditions, social crops and placeholders, cached by content hash, described by a
 * typed manifest. The build runs `processPhotos`; templates, feeds and SEO read the
 * manifest through the markup and credit helpers.
 */

export { photoManifestSchema } from "../../contract/photo-manifest.ts";
export {
  checkAltText,
  checkPhotoReference,
  formatCredit,
  resolvePhotoText,
} from "./credit.ts";
export { headerGaps, scanDamage } from "./damage.ts";
export { collectFocus } from "./focus.ts";
export { writeIptc } from "./iptc-writer.ts";
export { readManifest } from "./manifest.ts";
export { renderFeedImage, renderPicture } from "./markup.ts";
export { fixIptcString, readPhotoMeta } from "./metadata.ts";
export {
  formatPhotoProblem,
  PhotoError,
  type PhotoProblem,
} from "./problems.ts";
export {
  defaultCacheDir,
  type ProcessResult,
  processPhotos,
} from "./process.ts";
export { createProgressReporter, formatDuration, formatProgress } from "./progress.ts";
export {
  DEFAULT_SETTINGS,
  focusSchema,
} from "./settings.ts";
