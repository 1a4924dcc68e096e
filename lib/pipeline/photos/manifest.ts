/**
 * The photo manifest: what the pipeline made from each original, keyed by `src` (the path
 * under assets/photos/). Templates, feeds and SEO read it; it is the single source of
 * rendition URLs, sizes, credits and placeholders. The schema checks it on read.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CROP_NAMES, FOCUS_VALUES, PHOTO_FORMATS } from "./settings.ts";

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

export const MANIFEST_FILE = "manifest.json";

/** A manifest with no photos. */
export function emptyManifest(): PhotoManifest {
  return { version: 1, photos: {} };
}

/**
 * Reads and checks `<cacheDir>/manifest.json`. A missing manifest is an empty one; a
 * damaged one is an error that says how to recover.
 *
 * @example
 * const manifest = readManifest(".cache/photos");
 * manifest.photos["2025/istanbul-consulate-placeholder.jpg"]?.renditions.length // 15
 */
export function readManifest(cacheDir: string): PhotoManifest {
  const file = path.join(cacheDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyManifest();
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const result = photoManifestSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`${file} is not a valid photo manifest — delete ${cacheDir} and run npm run photos`);
  }
  return result.data;
}

/**
 * JSON with object keys sorted at every level and a final newline, so the same data is
 * always the same bytes.
 *
 * @example
 * stableStringify({ b: 1, a: [{ d: 2, c: 3 }] }) // '{\n  "a": [\n    {\n      "c": 3, …'
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(value, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}
