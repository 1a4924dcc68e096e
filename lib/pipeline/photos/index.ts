/**
 * The photo pipeline (DESIGN.md §1): originals in assets/photos/ become responsive
 * renditions, social crops and placeholders, cached by content hash, described by a
 * typed manifest. The build runs `processPhotos`; templates, feeds and SEO read the
 * manifest through the markup and credit helpers.
 */
export {
  checkAltText,
  checkPhotoReference,
  formatCredit,
  type PhotoReference,
  type PhotoReferenceProblem,
  type PhotoText,
  resolvePhotoText,
} from "./credit.ts";
export { type HeaderGap, headerGaps, scanDamage } from "./damage.ts";
export { collectFocus } from "./focus.ts";
export { type IptcFields, writeIptc } from "./iptc-writer.ts";
export {
  emptyManifest,
  type PhotoEntry,
  type PhotoManifest,
  type PhotoMeta,
  type Placeholder,
  photoManifestSchema,
  type Rendition,
  readManifest,
} from "./manifest.ts";
export {
  absolutePhotoUrl,
  type PictureOptions,
  pickRendition,
  renderFeedImage,
  renderPicture,
  renditionsOf,
} from "./markup.ts";
export { fixIptcString, readPhotoMeta } from "./metadata.ts";
export {
  ACCEPTED_EXTENSIONS,
  formatPhotoProblem,
  PhotoError,
  type PhotoProblem,
  usedByField,
} from "./problems.ts";
export {
  defaultCacheDir,
  defaults,
  outputName,
  type ProcessOptions,
  type ProcessResult,
  processPhotos,
} from "./process.ts";
export { createProgressReporter, formatDuration, formatProgress } from "./progress.ts";
export {
  CROP_NAMES,
  type CropName,
  DEFAULT_FOCUS,
  DEFAULT_SETTINGS,
  FOCUS_VALUES,
  type Focus,
  focusSchema,
  PHOTO_FORMATS,
  type PhotoFormat,
  type PhotoSettings,
  planWidths,
  settingsHash,
} from "./settings.ts";
export { makeTestPhoto, type TestPhotoOptions } from "./test-photo.ts";
