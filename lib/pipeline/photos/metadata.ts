/**
 * Reads caption and credit fields from an original photo: XMP first, then IPTC, then
 * EXIF IFD0. exifr parses the whole file (it cannot parse sharp's raw IPTC buffer).
 */
import exifr from "exifr";
import type { PhotoMeta } from "../../contract/photo-manifest.ts";
import { formatCredit } from "./credit.ts";

type Segment = Record<string, unknown>;

/** Captions cameras write on their own; they say nothing about the photo. */
const CAMERA_DEFAULT_CAPTIONS = /^(?:OLYMPUS DIGITAL CAMERA|SONY DSC|DCIM|default|Exif_JPEG_PICTURE)$/i;

/**
 * The photo's own caption, creator, credit, source, copyright, city and country, and the
 * house credit line built from them. Unreadable or missing metadata gives `{}`.
 *
 * @example
 * const meta = await readPhotoMeta(readFileSync("assets/photos/2025/x.jpg"));
 * meta.credit // "REUTERS/Umit Bektas"
 */
export async function readPhotoMeta(buffer: Uint8Array): Promise<PhotoMeta> {
  let parsed: unknown;
  try {
    parsed = await exifr.parse(buffer, {
      iptc: true,
      xmp: true,
      ifd0: {},
      exif: false,
      gps: false,
      mergeOutput: false,
    });
  } catch {
    return {};
  }
  const output = isRecord(parsed) ? parsed : {};
  const dc = segment(output, "dc");
  const photoshop = segment(output, "photoshop");
  const iptc = segment(output, "iptc");
  const ifd0 = segment(output, "ifd0");
  // Re-decode before cleaning whitespace: UTF-8 continuation bytes read as Latin-1 can
  // look like spaces (0xA0 NBSP, 0x85 NEL).
  const fromIptc = (key: string) => text(fixIptcValue(iptc[key]));
  const exifCaption = text(ifd0.ImageDescription);

  const meta: PhotoMeta = compact({
    caption:
      text(dc.description) ??
      fromIptc("Caption") ??
      (exifCaption && !CAMERA_DEFAULT_CAPTIONS.test(exifCaption) ? exifCaption : undefined),
    creator: text(dc.creator) ?? fromIptc("Byline") ?? text(ifd0.Artist),
    creditLine: text(photoshop.Credit) ?? fromIptc("Credit"),
    source: text(photoshop.Source) ?? fromIptc("Source"),
    copyright: text(dc.rights) ?? fromIptc("CopyrightNotice") ?? text(ifd0.Copyright),
    city: text(photoshop.City) ?? fromIptc("City"),
    country: text(photoshop.Country) ?? fromIptc("Country"),
  });
  const credit = formatCredit(meta);
  return credit ? { ...meta, credit } : meta;
}

/**
 * exifr decodes IPTC strings as Latin-1 even when dataset 1:90 declares UTF-8, so "—"
 * arrives as "â€”". Re-decode as UTF-8, unless that is not valid UTF-8 (a real Latin-1
 * file), in which case the string is returned as it was.
 *
 * @example
 * fixIptcString("Erdo\u00c4\u009fan") // "Erdoğan"
 * fixIptcString("Caf\u00e9")          // "Café" (not valid UTF-8: kept)
 */
export function fixIptcString(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const utf8 = Buffer.from(value, "latin1").toString("utf8");
  return utf8.includes("\uFFFD") ? value : utf8;
}

function fixIptcValue(value: unknown): unknown {
  if (typeof value === "string") return fixIptcString(value);
  return Array.isArray(value) ? value.map(fixIptcValue) : value;
}

function isRecord(value: unknown): value is Segment {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function segment(output: Segment, key: string): Segment {
  const value = output[key];
  return isRecord(value) ? value : {};
}

/**
 * One clean string from an exifr value: a string, a number, an XMP language alternative
 * (`{ lang, value }`) or a list (XMP `rdf:Seq`/`rdf:Bag`, repeated IPTC datasets), joined
 * with ", ". Whitespace is collapsed; empty values are `undefined`.
 */
function text(value: unknown): string | undefined {
  if (typeof value === "string") {
    const clean = value.normalize("NFC").replace(/\s+/g, " ").trim();
    return clean === "" ? undefined : clean;
  }
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(", ") : undefined;
  }
  if (isRecord(value) && "value" in value) return text(value.value);
  return undefined;
}

function compact(meta: Record<keyof Omit<PhotoMeta, "credit">, string | undefined>): PhotoMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as PhotoMeta;
}
