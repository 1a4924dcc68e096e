/**
 * Reads caption and credit fields from an original photo: XMP first, then IPTC, then
 * EXIF IFD0. exifr parses the whole file (it cannot parse sharp's raw IPTC buffer).
 */
import { decodeXML } from "entities";
import exifr from "exifr";
import { parseDigitalSourceType } from "../../contract/digital-source.ts";
import type { PhotoMeta } from "../../contract/photo-manifest.ts";
import { removeControlCharacters } from "../../shared/text.ts";
import { formatCredit } from "./credit.ts";

type Segment = Record<string, unknown>;

/** Captions cameras write on their own; they say nothing about the photo. */
const CAMERA_DEFAULT_CAPTIONS = /^(?:OLYMPUS DIGITAL CAMERA|SONY DSC|DCIM|default|Exif_JPEG_PICTURE)$/i;

/**
 * The photo's own caption, creator, credit, source, copyright, city and country, the house
 * credit line built from them, how it was made (the IPTC digital source type) and where its
 * rights are stated or a licence bought. Unreadable or missing metadata gives `{}`.
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
  const iptcExtension = segment(output, "Iptc4xmpExt");
  const rights = segment(output, "xmpRights");
  const plus = segment(output, "plus");
  const sourceType = fromXmp(iptcExtension.DigitalSourceType);
  const knownSourceType = sourceType === undefined ? undefined : parseDigitalSourceType(sourceType);
  // Re-decode before cleaning whitespace: UTF-8 continuation bytes read as Latin-1 can
  // look like spaces (0xA0 NBSP, 0x85 NEL).
  const fromIptc = (key: string) => text(fixIptcValue(iptc[key]));
  const exifCaption = text(ifd0.ImageDescription);

  const meta: PhotoMeta = compact({
    caption:
      fromXmp(dc.description) ??
      fromIptc("Caption") ??
      (exifCaption && !CAMERA_DEFAULT_CAPTIONS.test(exifCaption) ? exifCaption : undefined),
    creator: fromXmp(dc.creator) ?? fromIptc("Byline") ?? text(ifd0.Artist),
    creditLine: fromXmp(photoshop.Credit) ?? fromIptc("Credit"),
    source: fromXmp(photoshop.Source) ?? fromIptc("Source"),
    copyright: fromXmp(dc.rights) ?? fromIptc("CopyrightNotice") ?? text(ifd0.Copyright),
    city: fromXmp(photoshop.City) ?? fromIptc("City"),
    country: fromXmp(photoshop.Country) ?? fromIptc("Country"),
    digitalSourceType: knownSourceType,
    // Kept so the content checks can refuse it: unread, it would publish an image unlabelled.
    unknownSourceType:
      sourceType !== undefined && knownSourceType === undefined ? sourceType.slice(0, 200) : undefined,
    webStatement: webAddress(fromXmp(rights.WebStatement)),
    licensorUrl: webAddress(licensorUrl(plus.Licensor)),
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
  // An XMP property written as a resource, `<Iptc4xmpExt:DigitalSourceType rdf:resource="…"/>`.
  if (isRecord(value) && "resource" in value) return text(value.resource);
  return undefined;
}

/** The first LicensorURL of XMP plus:Licensor, a structure or a bag of them. */
function licensorUrl(licensor: unknown): string | undefined {
  const licensors = Array.isArray(licensor) ? licensor : [licensor];
  for (const entry of licensors) {
    const url = isRecord(entry) ? fromXmp(entry.LicensorURL) : undefined;
    if (url) return url;
  }
  return undefined;
}

/** An http or https address, normalised; anything else (javascript:, a bare word) is not one a page may link. */
function webAddress(value: string | undefined): string | undefined {
  if (value === undefined || !/^https?:\/\//i.test(value) || !URL.canParse(value)) return undefined;
  return new URL(value).href;
}

/**
 * A text from XMP: exifr leaves its XML escapes in place, so "Q&amp;A" would reach the page as
 * typed, then be escaped again. IPTC and EXIF are not XML; their text is taken as it is.
 * @example fromXmp("Q&amp;A &#8212; Ankara") // "Q&A — Ankara"
 */
function fromXmp(value: unknown): string | undefined {
  const raw = text(value);
  // A decoded `&#x1B;` would be a raw control character: dropped, as the typed one would be.
  return raw === undefined ? undefined : text(removeControlCharacters(decodeXML(raw)));
}

function compact(meta: { [Key in keyof Omit<PhotoMeta, "credit">]: PhotoMeta[Key] | undefined }): PhotoMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as PhotoMeta;
}
