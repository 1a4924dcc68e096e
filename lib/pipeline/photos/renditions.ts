/**
 * The sharp work for one original: check it, read its metadata, and encode the
 * renditions (each width once decoded and resized, then encoded as AVIF, WebP and JPEG),
 * the social crops and the placeholder. Every sharp instance is made by `open`, which
 * counts it, so a run can prove it did no sharp work.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import sharp, { type CreateRaw, type Metadata, type Sharp, type SharpOptions } from "sharp";
import { DIGITAL_SOURCE_VOCABULARY } from "../../contract/digital-source.ts";
import type { PhotoMeta } from "../../contract/photo-manifest.ts";
import { CROP_NAMES, type CropName, PHOTO_FORMATS, type PhotoFormat } from "../../contract/photo-manifest.ts";
import { escapeHtml } from "../../shared/text.ts";
import type { CachedFile, PhotoRecord } from "./cache.ts";
import { checkScanData } from "./damage.ts";
import { readPhotoMeta } from "./metadata.ts";
import { errorReason, messages } from "./problems.ts";
import {
  cropSize,
  EXTENSIONS,
  type Focus,
  focusPosition,
  type PhotoSettings,
  planWidths,
} from "./settings.ts";

/** Decoders whose output the site accepts (HEIF only with AV1, i.e. AVIF). */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "tiff", "heif"]);

export interface EncodeOptions {
  settings: PhotoSettings;
  focus: Focus;
  /** Pixel limit (width × height) of originals; 0 for none. */
  limitInputPixels: number;
  /** Called once per sharp instance created. */
  count: () => void;
  /**
   * True when no other sharp work runs in the process: libvips' one error buffer and
   * warning queue then belong to this photo, so its messages quote its own reason. A run
   * with company may fail a photo with another photo's reason; the pipeline retries every
   * failure alone.
   */
  alone: boolean;
}

/** Files named `<width>.<hash8>.<ext>` and `<crop>.<hash8>.jpg`, and the record describing them. */
export type EncodeResult =
  | { ok: true; record: Omit<PhotoRecord, "hash" | "bytes">; files: EncodedFile[] }
  | { ok: false; message: string };

interface EncodedFile {
  name: string;
  data: Buffer;
}

/** Encodes one original, or says what is wrong with it. */
export async function encodePhoto(
  input: Buffer,
  file: string,
  options: EncodeOptions,
): Promise<EncodeResult> {
  const { settings, focus, limitInputPixels, count, alone } = options;
  const open = (data: Buffer, sharpOptions?: SharpOptions) => {
    count();
    return sharp(data, sharpOptions);
  };

  if (input.length === 0) return { ok: false, message: messages.empty() };
  let header: Metadata;
  try {
    header = await open(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { ok: false, message: messages.unreadable(errorReason(error)) };
  }
  const extension = path.extname(file).toLowerCase();
  if (!ACCEPTED_FORMATS.has(header.format) || (header.format === "heif" && header.compression !== "av1")) {
    const format = header.format === "heif" ? (header.compression ?? "heif") : header.format;
    return { ok: false, message: messages.unsupportedContent(format, extension) };
  }
  if (limitInputPixels > 0 && header.width * header.height > limitInputPixels) {
    return { ok: false, message: messages.tooLarge(header.width, header.height, limitInputPixels) };
  }
  if (header.format === "jpeg") {
    const damage = await checkScanData(input, {
      width: header.width,
      height: header.height,
      limitInputPixels,
      alone,
      open,
    });
    if (damage) return { ok: false, message: damage };
  }
  const width = header.autoOrient.width;
  const height = header.autoOrient.height;
  const meta = await readPhotoMeta(input);
  const embed = embeddedMetadata(meta);
  const decode: SharpOptions = { failOn: settings.failOn, limitInputPixels: limitInputPixels || false };

  try {
    const files: EncodedFile[] = [];
    const byFormat: Record<PhotoFormat, CachedFile[]> = { avif: [], webp: [], jpeg: [] };
    let smallest: { data: Buffer; raw: CreateRaw } | undefined;
    for (const target of planWidths(width, settings)) {
      const { data, info } = await open(input, decode)
        .rotate()
        .resize({ width: target })
        .toColourspace("srgb")
        .raw({ depth: "uchar" })
        .toBuffer({ resolveWithObject: true });
      const raw: CreateRaw = {
        width: info.width,
        height: info.height,
        channels: info.channels,
        premultiplied: info.premultiplied,
      };
      smallest ??= { data, raw };
      for (const format of PHOTO_FORMATS) {
        let image = open(data, { raw });
        if (format === "jpeg") image = image.flatten({ background: "#ffffff" });
        const output = await encode(embed(image), format, settings).toBuffer();
        const stored = store(files, `${info.width}`, format, output);
        byFormat[format].push({ format, width: info.width, height: info.height, ...stored });
      }
    }

    const crops = {} as Record<CropName, CachedFile>;
    for (const name of CROP_NAMES) {
      const size = cropSize(width, height, settings.crops[name]);
      const output = await embed(
        open(input, decode)
          .rotate()
          .resize(size.width, size.height, { fit: "cover", position: focusPosition(focus) })
          .flatten({ background: "#ffffff" })
          .toColourspace("srgb"),
      )
        .jpeg(settings.jpeg)
        .toBuffer();
      crops[name] = { format: "jpeg", ...size, ...store(files, name, "jpeg", output) };
    }

    if (!smallest) throw new Error("no rendition was made");
    const tiny = await open(smallest.data, { raw: smallest.raw })
      .resize({ width: Math.min(settings.placeholderWidth, smallest.raw.width) })
      .flatten({ background: "#ffffff" })
      .blur(1)
      .jpeg({ quality: settings.placeholderQuality })
      .toBuffer();
    const { dominant } = await open(smallest.data, { raw: smallest.raw }).stats();

    return {
      ok: true,
      files,
      record: {
        format: header.format,
        width,
        height,
        focus,
        meta,
        renditions: PHOTO_FORMATS.flatMap((format) => byFormat[format]),
        crops,
        placeholder: {
          color: `#${[dominant.r, dominant.g, dominant.b].map((value) => value.toString(16).padStart(2, "0")).join("")}`,
          dataUri: `data:image/jpeg;base64,${tiny.toString("base64")}`,
        },
      },
    };
  } catch (error) {
    return { ok: false, message: messages.corrupt(errorReason(error)) };
  }
}

/** Applies one format's encoder settings. */
export function encode(image: Sharp, format: PhotoFormat, settings: PhotoSettings): Sharp {
  switch (format) {
    case "avif":
      return image.avif(settings.avif);
    case "webp":
      return image.webp(settings.webp);
    case "jpeg":
      return image.jpeg(settings.jpeg);
  }
}

/** Names a file by its content (`1200.3f9a2c1b.webp`) and adds it to the list. */
function store(
  files: EncodedFile[],
  stem: string,
  format: PhotoFormat,
  data: Buffer,
): { file: string; bytes: number } {
  const hash = createHash("sha256").update(data).digest("hex").slice(0, 8);
  const name = `${stem}.${hash}.${EXTENSIONS[format]}`;
  files.push({ name, data });
  return { file: name, bytes: data.length };
}

/**
 * Credit metadata for every rendition, since sharp strips everything else (GPS, camera
 * EXIF): XMP with dc:creator, dc:rights, dc:description, photoshop:Credit, the digital source
 * type and the rights and licensor addresses, and EXIF
 * IFD0 Artist and Copyright (EXIF is ASCII, so libexif transliterates "ğ" to "g"; XMP
 * keeps the exact text). With no such fields the output carries no metadata at all.
 */
function embeddedMetadata(meta: PhotoMeta): (image: Sharp) => Sharp {
  const xmp = buildXmp(meta);
  const ifd0: Record<string, string> = {};
  if (meta.creator) ifd0.Artist = meta.creator;
  if (meta.copyright) ifd0.Copyright = meta.copyright;
  return (image) => {
    let result = image;
    // ColorSpace 1 = sRGB; libexif would otherwise write 65535 ("uncalibrated").
    if (Object.keys(ifd0).length > 0) result = result.withExif({ IFD0: ifd0, IFD2: { ColorSpace: "1" } });
    if (xmp) result = result.withXmp(xmp);
    return result;
  };
}

/**
 * A compact XMP packet with the photo's credit fields, or `undefined` when it has none.
 *
 * @example
 * buildXmp({ creator: "Umit Bektas", credit: "REUTERS/Umit Bektas" })
 * // '<x:xmpmeta …><dc:creator><rdf:Seq><rdf:li>Umit Bektas</rdf:li></rdf:Seq></dc:creator>…'
 */
export function buildXmp(meta: PhotoMeta): string | undefined {
  const alt = (value: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeHtml(value)}</rdf:li></rdf:Alt>`;
  const credit = meta.credit ?? meta.creditLine;
  const properties = [
    meta.creator
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeHtml(meta.creator)}</rdf:li></rdf:Seq></dc:creator>`
      : "",
    meta.copyright ? `<dc:rights>${alt(meta.copyright)}</dc:rights>` : "",
    meta.caption ? `<dc:description>${alt(meta.caption)}</dc:description>` : "",
    credit ? `<photoshop:Credit>${escapeHtml(credit)}</photoshop:Credit>` : "",
    // How the image was made travels with every copy, so a synthetic one stays labelled.
    meta.digitalSourceType
      ? `<Iptc4xmpExt:DigitalSourceType>${DIGITAL_SOURCE_VOCABULARY}${meta.digitalSourceType}</Iptc4xmpExt:DigitalSourceType>`
      : "",
    meta.webStatement
      ? `<xmpRights:WebStatement>${escapeHtml(meta.webStatement)}</xmpRights:WebStatement>`
      : "",
    meta.licensorUrl
      ? `<plus:Licensor><rdf:Bag><rdf:li rdf:parseType="Resource"><plus:LicensorURL>${escapeHtml(meta.licensorUrl)}</plus:LicensorURL></rdf:li></rdf:Bag></plus:Licensor>`
      : "",
  ].join("");
  if (properties === "") return undefined;
  return (
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"` +
    ` xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"` +
    ` xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">` +
    `${properties}</rdf:Description></rdf:RDF></x:xmpmeta>`
  );
}
