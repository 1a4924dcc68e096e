/**
 * A small, dependency-free IPTC-IIM writer for JPEG (sharp cannot write IPTC). It builds
 * the datasets, wraps them in a Photoshop APP13 segment and puts that after the JPEG's
 * leading APP0–APP12 segments, replacing any Photoshop APP13 already there. Strings are
 * UTF-8, declared by dataset 1:90. Used for placeholder photos and test fixtures.
 */

/** The IPTC fields the newsletter reads, with their record 2 dataset numbers. */
export interface IptcFields {
  /** 2:120 Caption-Abstract */
  caption?: string;
  /** 2:80 By-line (the photographer) */
  byline?: string;
  /** 2:110 Credit (Line) */
  credit?: string;
  /** 2:115 Source */
  source?: string;
  /** 2:116 Copyright Notice */
  copyright?: string;
  /** 2:90 City */
  city?: string;
  /** 2:101 Country/Primary Location Name */
  country?: string;
  /** 2:105 Headline */
  headline?: string;
  /** 2:25 Keywords, one dataset each */
  keywords?: string[];
}

const DATASETS: ReadonlyArray<[keyof Omit<IptcFields, "keywords">, number]> = [
  ["headline", 105],
  ["caption", 120],
  ["byline", 80],
  ["credit", 110],
  ["source", 115],
  ["copyright", 116],
  ["city", 90],
  ["country", 101],
];

const UTF8_MARKER = Buffer.from([0x1b, 0x25, 0x47]); // ESC % G
const PHOTOSHOP = Buffer.from("Photoshop 3.0\0", "latin1");

/**
 * Returns a copy of `jpeg` with the fields written as IPTC.
 *
 * @example
 * const tagged = writeIptc(await sharp(input).jpeg().toBuffer(), {
 *   caption: "Recep Tayyip Erdoğan — Ankara",
 *   byline: "Umit Bektas",
 *   credit: "REUTERS",
 * });
 */
export function writeIptc(jpeg: Uint8Array, fields: IptcFields): Buffer {
  const input = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (input[0] !== 0xff || input[1] !== 0xd8) throw new Error("writeIptc: not a JPEG (no SOI marker)");

  const datasets = [dataset(1, 90, UTF8_MARKER), dataset(2, 0, Buffer.from([0, 4]))];
  for (const [field, tag] of DATASETS) {
    const value = fields[field];
    if (value) datasets.push(dataset(2, tag, Buffer.from(value, "utf8")));
  }
  for (const keyword of fields.keywords ?? []) datasets.push(dataset(2, 25, Buffer.from(keyword, "utf8")));
  const iim = Buffer.concat(datasets);

  // Photoshop image resource block 0x0404 (IPTC-NAA): "8BIM", id, empty Pascal name, size, data.
  const resource = Buffer.concat([
    Buffer.from("8BIM", "latin1"),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    uint32(iim.length),
    iim,
    iim.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0),
  ]);
  const payload = Buffer.concat([PHOTOSHOP, resource]);
  if (payload.length + 2 > 0xffff) throw new Error("writeIptc: the IPTC fields are longer than 64 KB");
  const segment = Buffer.concat([Buffer.from([0xff, 0xed]), uint16(payload.length + 2), payload]);

  // Keep SOI and the leading APPn segments (JFIF, EXIF, XMP, ICC); drop old Photoshop APP13.
  const kept: Buffer[] = [input.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= input.length && input[offset] === 0xff) {
    const marker = input[offset + 1] ?? 0;
    if (marker < 0xe0 || marker > 0xef) break;
    const length = input.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    const isPhotoshop =
      marker === 0xed && input.subarray(offset + 4, offset + 4 + PHOTOSHOP.length).equals(PHOTOSHOP);
    if (!isPhotoshop && marker !== 0xed) kept.push(input.subarray(offset, end));
    else if (!isPhotoshop) break;
    offset = end;
  }
  return Buffer.concat([...kept, segment, input.subarray(offset)]);
}

function dataset(record: number, tag: number, value: Buffer): Buffer {
  if (value.length > 0x7fff) throw new Error(`writeIptc: dataset ${record}:${tag} is longer than 32 KB`);
  return Buffer.concat([Buffer.from([0x1c, record, tag]), uint16(value.length), value]);
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}
