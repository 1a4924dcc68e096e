/**
 * Credits, captions and alt text: pure rules shared by the pipeline (which reads the
 * photo's own fields) and the content checks (which add the writer's front matter).
 */
import type { PhotoManifest, PhotoMeta } from "../../contract/photo-manifest.ts";
import { typeset } from "../../shared/typography.ts";

/**
 * The house credit line, `AGENCY/Photographer`, from a photo's own fields:
 * - a Credit Line that already looks like `AGENCY/Name`, or already names the
 *   photographer, is used as it is;
 * - otherwise the agency (Credit Line, else Source; uppercased) and the by-line:
 *   `REUTERS/Umit Bektas`;
 * - only a by-line gives the by-line; only an agency gives the agency; neither, `undefined`.
 *
 * @example
 * formatCredit({ creditLine: "Reuters", creator: "Umit Bektas" }) // "REUTERS/Umit Bektas"
 * formatCredit({ creditLine: "AFP/Ozan Kose" })                  // "AFP/Ozan Kose"
 * formatCredit({ source: "Anadolu Agency" })                     // "ANADOLU AGENCY"
 * formatCredit({})                                              // undefined
 */
export function formatCredit(meta: Pick<PhotoMeta, "creditLine" | "source" | "creator">): string | undefined {
  const creditLine = clean(meta.creditLine);
  const creator = clean(meta.creator);
  if (creditLine && (/\S\s*\/\s*\S/.test(creditLine) || (creator && contains(creditLine, creator)))) {
    return creditLine;
  }
  const agency = (creditLine ?? clean(meta.source))?.toUpperCase();
  if (agency && creator && !sameText(agency, creator)) return `${agency}/${creator}`;
  return agency ?? creator;
}

/** What a page shows for a photo once front matter and the photo's fields are combined. */
export interface PhotoText {
  caption?: string;
  credit?: string;
  creator?: string;
  copyrightNotice?: string;
}

/**
 * Caption and credit for a page: front matter wins field by field, the photo's own
 * metadata fills the gaps (its caption typeset as the body is). Creator and copyright always come from the photo.
 *
 * @example
 * resolvePhotoText({ caption: "Talks in Istanbul." }, { caption: "ISTANBUL, Turkey …", credit: "REUTERS/Umit Bektas" })
 * // { caption: "Talks in Istanbul.", credit: "REUTERS/Umit Bektas" }
 */
export function resolvePhotoText(
  frontMatter: { caption?: string | undefined; credit?: string | undefined },
  meta: PhotoMeta | undefined,
): PhotoText {
  // The photo's own caption is prose a reader sees, set as the front matter's is.
  const caption = clean(frontMatter.caption) ?? (meta?.caption ? typeset(meta.caption) : undefined);
  const credit = clean(frontMatter.credit) ?? meta?.credit;
  return {
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(meta?.creator ? { creator: meta.creator } : {}),
    ...(meta?.copyright ? { copyrightNotice: meta.copyright } : {}),
  };
}

/**
 * A problem with alt text, or `undefined` when it is fine. Alt text is missing when
 * blank, and it repeats the caption when the two are equal ignoring case, spaces and
 * punctuation, or when the alt text is wholly inside the caption and at least 80 % of
 * its length (screen readers read both, so the reader hears it twice).
 *
 * @example
 * checkAltText("", "Talks.")                                 // "is empty — describe …"
 * checkAltText("Talks in Istanbul", "Talks in Istanbul.")    // "repeats the caption — …"
 * checkAltText("Delegates at a long table", "Talks in Istanbul.") // undefined
 */
export function checkAltText(alt: string | undefined, caption: string | undefined): string | undefined {
  const altKey = comparable(alt ?? "");
  if (altKey === "") return "is empty — describe the photo for readers who cannot see it";
  const captionKey = comparable(caption ?? "");
  if (captionKey === "") return undefined;
  if (altKey === captionKey || (captionKey.includes(altKey) && altKey.length >= 0.8 * captionKey.length)) {
    return "repeats the caption — describe what the photo shows; screen readers read the caption as well";
  }
  return undefined;
}

/** A photo reference as a writer gives it: the lead photo's front matter or a body image. */
export interface PhotoReference {
  src: string;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** A problem with one field of a photo reference; the caller adds the file and prefix. */
export interface PhotoReferenceProblem {
  field: "src" | "alt" | "credit";
  message: string;
}

/**
 * Checks one reference against the manifest: the photo exists, has a credit (front
 * matter or the file's IPTC/XMP), and alt text that neither is blank nor repeats the
 * caption. A photo the pipeline could not read is not in the manifest either; the
 * pipeline reports why, so only a file that does not exist is reported here.
 *
 * @example
 * checkPhotoReference({ src: "2025/x.jpg", alt: "" }, manifest, { exists: () => true })
 * // [{ field: "alt", message: "is empty — …" }, { field: "credit", message: "missing — …" }]
 */
export function checkPhotoReference(
  reference: PhotoReference,
  manifest: PhotoManifest,
  options: { exists: (src: string) => boolean; photosLabel?: string },
): PhotoReferenceProblem[] {
  const problems: PhotoReferenceProblem[] = [];
  const entry = manifest.photos[reference.src];
  if (!entry && !options.exists(reference.src)) {
    problems.push({
      field: "src",
      message: `${options.photosLabel ?? "assets/photos"}/${reference.src} does not exist — add the file or correct the path`,
    });
  }
  const text = resolvePhotoText(reference, entry?.meta);
  const altProblem = checkAltText(reference.alt, text.caption);
  if (altProblem) problems.push({ field: "alt", message: altProblem });
  if (entry && !text.credit) {
    problems.push({
      field: "credit",
      message:
        "missing — give credit: REUTERS/Umit Bektas in front matter, or fill the photo's IPTC Credit and By-line",
    });
  }
  return problems;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}

/** Lowercase letters and digits only, single-spaced: "Talks, in Istanbul." → "talks in istanbul". */
function comparable(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function contains(haystack: string, needle: string): boolean {
  return comparable(haystack).includes(comparable(needle));
}

function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}
