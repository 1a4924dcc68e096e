/**
 * The photo manifest's shape: what the photo stage made from each original, keyed by `src` (the
 * path under assets/photos/). It is the contract between the photo stage and every output that
 * shows a photo: the single source of rendition URLs, sizes, credits and placeholders.
 */
import { z } from "zod";
import { DIGITAL_SOURCE_TYPE_IDS } from "./digital-source.ts";
import { FOCUS_VALUES } from "./focus-values.ts";

/** Output formats, in the order browsers should try them (`<source>` order). */
export const PHOTO_FORMATS = ["avif", "webp", "jpeg"] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** Names of the social crops; JSON-LD wants 16:9, 4:3 and 1:1, OpenGraph 1200×630. */
export const CROP_NAMES = ["og", "16x9", "4x3", "1x1"] as const;
export type CropName = (typeof CROP_NAMES)[number];

const size = z.int().positive();
const optionalText = z.string().min(1).optional();

/** Text fields read from the original (XMP, then IPTC, then EXIF), plus the house credit. */
export const photoMetaSchema = z
  .object({
    /** XMP dc:description, IPTC 2:120 Caption-Abstract or EXIF ImageDescription. */
    caption: optionalText,
    /** XMP dc:creator, IPTC 2:80 By-line or EXIF Artist: the photographer. */
    creator: optionalText,
    /** XMP photoshop:Credit or IPTC 2:110 Credit (Line), as the file has it. */
    creditLine: optionalText,
    /** XMP photoshop:Source or IPTC 2:115 Source. */
    source: optionalText,
    /** XMP dc:rights, IPTC 2:116 Copyright Notice or EXIF Copyright. */
    copyright: optionalText,
    city: optionalText,
    country: optionalText,
    /** The house credit line built by `formatCredit`, e.g. `REUTERS/Umit Bektas`. */
    credit: optionalText,
    /** XMP Iptc4xmpExt:DigitalSourceType, as its term: how the image was made. */
    digitalSourceType: z.enum(DIGITAL_SOURCE_TYPE_IDS).optional(),
    /** An Iptc4xmpExt:DigitalSourceType that is not a term of the vocabulary, as the file gives it. */
    unknownSourceType: optionalText,
    /** XMP xmpRights:WebStatement: the page stating the photo's rights (http or https). */
    webStatement: z.url({ protocol: /^https?$/ }).optional(),
    /** XMP plus:Licensor's LicensorURL: where a licence can be bought (http or https). */
    licensorUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const renditionSchema = z
  .object({
    format: z.enum(PHOTO_FORMATS),
    width: size,
    height: size,
    /** Site URL path, e.g. `/photos/2025/x-1200.3f9a2c1b.webp`. */
    path: z.string().startsWith("/"),
    bytes: size,
  })
  .strict();

export const placeholderSchema = z
  .object({
    /** The dominant colour, `#rrggbb`. */
    color: z.string().regex(/^#[0-9a-f]{6}$/),
    /** A ~20 px wide blurred JPEG, `data:image/jpeg;base64,…`. */
    dataUri: z.string().startsWith("data:image/jpeg;base64,"),
  })
  .strict();

export const photoEntrySchema = z
  .object({
    src: z.string().min(1),
    /** sha256 of the original's bytes. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The original's format as sharp reads it: jpeg, png, webp, tiff or heif (AVIF). */
    format: z.string(),
    /** Size after EXIF orientation. */
    width: size,
    height: size,
    /** The original's file size. */
    bytes: size,
    focus: z.enum(FOCUS_VALUES),
    meta: photoMetaSchema,
    /** AVIF, then WebP, then JPEG; each by ascending width. */
    renditions: z.array(renditionSchema).min(1),
    /** Social crops, JPEG. */
    crops: z.object(
      Object.fromEntries(CROP_NAMES.map((name) => [name, renditionSchema])) as Record<
        (typeof CROP_NAMES)[number],
        typeof renditionSchema
      >,
    ),
    placeholder: placeholderSchema,
  })
  .strict();

export const photoManifestSchema = z
  .object({
    version: z.literal(1),
    photos: z.record(z.string(), photoEntrySchema),
  })
  .strict();

export type PhotoMeta = z.infer<typeof photoMetaSchema>;
export type Rendition = z.infer<typeof renditionSchema>;
export type PhotoEntry = z.infer<typeof photoEntrySchema>;
export type PhotoManifest = z.infer<typeof photoManifestSchema>;

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
