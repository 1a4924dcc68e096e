/**
 * Synthetic photos for tests and benchmarks: deterministic (seeded) gradients, shapes and
 * grain, so they compress like photos rather than flat colour, with optional IPTC, XMP,
 * EXIF orientation and GPS.
 */
import sharp, { type Exif } from "sharp";
import { type IptcFields, writeIptc } from "../../lib/pipeline/photos/iptc-writer.ts";

/** XMP fields a test photo can carry. */
interface TestXmp {
  description?: string;
  creator?: string;
  rights?: string;
  credit?: string;
  source?: string;
  city?: string;
  country?: string;
}

export interface TestPhotoOptions {
  width: number;
  height: number;
  /** Same seed, same pixels; default 1. */
  seed?: number;
  /** Default "jpeg". IPTC needs JPEG. */
  format?: "jpeg" | "png" | "webp" | "tiff" | "avif";
  /** Encoder quality; default 90. */
  quality?: number;
  iptc?: IptcFields;
  /** XMP fields, or a whole XMP packet. */
  xmp?: TestXmp | string;
  /** EXIF Orientation, 1–8: the stored pixels are as given, the tag says how to turn them. */
  exifOrientation?: number;
  /** Extra EXIF, e.g. `{ IFD0: { Model: "Canon EOS R5" } }`. */
  exif?: Exif;
  /** Adds GPS EXIF (41°N 29°E), for checking that renditions drop it. */
  gps?: boolean;
}

/**
 * A photo-like test image as a file buffer.
 *
 * @example
 * const jpeg = await makeTestPhoto({
 *   width: 800,
 *   height: 533,
 *   iptc: { caption: "Recep Tayyip Erdoğan — Ankara", byline: "Umit Bektas", credit: "REUTERS" },
 *   exifOrientation: 6,
 * });
 */
export async function makeTestPhoto(options: TestPhotoOptions): Promise<Buffer> {
  const { width, height } = options;
  const format = options.format ?? "jpeg";
  const quality = options.quality ?? 90;
  let image = sharp(await photoPixels(width, height, options.seed ?? 1), {
    raw: { width, height, channels: 3 },
  });
  if (options.exifOrientation !== undefined)
    image = image.withMetadata({ orientation: options.exifOrientation });
  const exif: Exif = { ...options.exif };
  if (options.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: "N",
      GPSLatitude: "41/1 0/1 0/1",
      GPSLongitudeRef: "E",
      GPSLongitude: "29/1 0/1 0/1",
      ...exif.IFD3,
    };
  }
  if (Object.keys(exif).length > 0) image = image.withExifMerge(exif);
  if (options.xmp)
    image = image.withXmp(typeof options.xmp === "string" ? options.xmp : testXmp(options.xmp));
  const encoded = await (format === "jpeg"
    ? image.jpeg({ quality })
    : format === "png"
      ? image.png()
      : format === "webp"
        ? image.webp({ quality })
        : format === "tiff"
          ? image.tiff({ quality })
          : image.avif({ quality: 50, effort: 0 })
  ).toBuffer();
  if (!options.iptc) return encoded;
  if (format !== "jpeg") throw new Error("makeTestPhoto: IPTC can only be written into JPEG");
  return writeIptc(encoded, options.iptc);
}

/** Raw RGB pixels: smooth waves and soft shapes at quarter size, upscaled, plus grain. */
async function photoPixels(width: number, height: number, seed: number): Promise<Buffer> {
  const random = mulberry32(seed);
  const lowWidth = Math.max(1, Math.ceil(width / 4));
  const lowHeight = Math.max(1, Math.ceil(height / 4));
  const base = [60 + random() * 120, 60 + random() * 120, 60 + random() * 120];
  const waves = Array.from({ length: 6 }, () => ({
    x: ((0.5 + random() * 6) * 2 * Math.PI) / lowWidth,
    y: ((0.5 + random() * 6) * 2 * Math.PI) / lowHeight,
    phase: random() * 2 * Math.PI,
    channel: Math.floor(random() * 3),
    amplitude: 15 + random() * 35,
  }));
  const shapes = Array.from({ length: 10 }, () => ({
    x: random() * lowWidth,
    y: random() * lowHeight,
    w: (0.05 + random() * 0.3) * lowWidth,
    h: (0.05 + random() * 0.3) * lowHeight,
    shift: (random() - 0.5) * 90,
  }));
  const low = Buffer.alloc(lowWidth * lowHeight * 3);
  let offset = 0;
  for (let y = 0; y < lowHeight; y++) {
    for (let x = 0; x < lowWidth; x++) {
      const value = [base[0] ?? 0, base[1] ?? 0, base[2] ?? 0];
      for (const wave of waves) {
        value[wave.channel] =
          (value[wave.channel] ?? 0) + wave.amplitude * Math.sin(x * wave.x + y * wave.y + wave.phase);
      }
      let shift = 0;
      for (const shape of shapes) {
        if (x >= shape.x && x < shape.x + shape.w && y >= shape.y && y < shape.y + shape.h)
          shift += shape.shift;
      }
      // Texture a few pixels across, which survives downscaling the way detail does.
      const texture = (random() - 0.5) * 36;
      for (const channel of value) low[offset++] = clamp(channel + shift + texture);
    }
  }
  const pixels = await sharp(low, { raw: { width: lowWidth, height: lowHeight, channels: 3 } })
    .resize(width, height, { fit: "fill", kernel: "cubic" })
    .raw()
    .toBuffer();
  // Luminance grain, one random number per pixel.
  for (let index = 0; index < pixels.length; index += 3) {
    const grain = (random() - 0.5) * 20;
    pixels[index] = clamp((pixels[index] ?? 0) + grain);
    pixels[index + 1] = clamp((pixels[index + 1] ?? 0) + grain);
    pixels[index + 2] = clamp((pixels[index + 2] ?? 0) + grain);
  }
  return pixels;
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

/**
 * A small seeded pseudo-random generator (mulberry32): numbers in [0, 1).
 *
 * @example
 * const random = mulberry32(1); random() // 0.6270739405881613
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function testXmp(fields: TestXmp): string {
  const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const simple = (name: string, text: string | undefined) =>
    text ? `<${name}>${escapeXml(text)}</${name}>` : "";
  const body = [
    fields.creator
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.creator)}</rdf:li></rdf:Seq></dc:creator>`
      : "",
    fields.rights ? `<dc:rights>${alt(fields.rights)}</dc:rights>` : "",
    fields.description ? `<dc:description>${alt(fields.description)}</dc:description>` : "",
    simple("photoshop:Credit", fields.credit),
    simple("photoshop:Source", fields.source),
    simple("photoshop:City", fields.city),
    simple("photoshop:Country", fields.country),
  ].join("");
  return (
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">` +
    `${body}</rdf:Description></rdf:RDF></x:xmpmeta>`
  );
}
