/**
 * Damaged JPEG scan data. libjpeg decodes a scan whose entropy-coded bytes were flipped or
 * zeroed and fills what it cannot read with grey; with `failOn: "error"` that publishes.
 * It does say so, as a warning ("Corrupt JPEG data: premature end of data segment"), but
 * wire JPEGs also carry harmless warnings (padding between header segments, odd SOS
 * parameters, an unknown Adobe transform), so `failOn: "warning"` alone would reject good
 * photos. These helpers tell the two apart from libvips' warning lines.
 *
 * libvips keeps one error buffer per process, so a failure's reason only belongs to a
 * photo when it is decoded alone; `checkScanData` judges reasons only then.
 */
import sharp, { type Sharp, type SharpOptions } from "sharp";
import { errorReason, messages } from "./problems.ts";

/**
 * A problem message when the JPEG's scan data is damaged (or it does not decode at all),
 * or `undefined`. Each check is one full decode (a shrink-on-load decode misses some damage).
 *
 * With company (`alone: false`), `failOn: "warning"` fails this photo's own decode on any
 * warning, harmless or not; the message may be another photo's, and the solo retry sorts
 * it out. Alone, the message is this photo's first warning: damage is rejected; padding
 * between header segments is cut out and the rest checked again; after any other harmless
 * warning libjpeg stops reporting, so the photo only has to decode with `failOn: "error"`.
 * (libvips' warning events are no use here: they reach whichever operation finishes next.)
 */
export async function checkScanData(
  input: Buffer,
  options: {
    /** The stored size (before EXIF orientation), from the header. */
    width: number;
    height: number;
    /** Pixel limit (width × height); 0 for none. */
    limitInputPixels: number;
    /** No other sharp work in the process (see `EncodeOptions.alone`). */
    alone: boolean;
    /** Makes a sharp instance; the pipeline's counts them. */
    open?: (data: Buffer, options: SharpOptions) => Sharp;
  },
): Promise<string | undefined> {
  const open = options.open ?? ((data: Buffer, sharpOptions: SharpOptions) => sharp(data, sharpOptions));
  const limitInputPixels = options.limitInputPixels || false;
  const decode = async (data: Buffer, failOn: "warning" | "error") => {
    try {
      // A pre-resize extract of the whole image turns off shrink-on-load, so every pixel is
      // decoded; the output is one pixel. Not stats(): when another operation has cleared
      // libvips' error buffer, stats() and metadata() report a failed decode as success,
      // while an output pipeline still fails ("Unknown error").
      await open(data, { failOn, limitInputPixels })
        .extract({ left: 0, top: 0, width: options.width, height: options.height })
        .resize({ width: 1, height: 1, fit: "fill" })
        .raw()
        .toBuffer();
      return undefined;
    } catch (error) {
      return errorReason(error);
    }
  };
  const warning = await decode(input, "warning");
  if (warning === undefined) return undefined;
  if (!options.alone) return messages.damaged(warning);
  const reason = warning.replace(/^VipsJpeg: /, "");
  if (scanDamage([reason], input)) return messages.damaged(reason);
  const unpadded = withoutHeaderGaps(input);
  if (unpadded.length < input.length) return checkScanData(unpadded, options);
  const error = await decode(input, "error");
  return error === undefined ? undefined : messages.corrupt(error);
}

/** Warnings that mean the pixels are wrong: the decoder lost its place in the scan. */
const DAMAGE = [
  /^Corrupt JPEG data: premature end of data segment/,
  /^Corrupt JPEG data: bad Huffman code/,
  /^Corrupt JPEG data: bad arithmetic code/,
  /^Corrupt JPEG data: found marker 0x[0-9a-f]{2} instead of RST\d/,
  /^Premature end of JPEG file/,
];

const EXTRANEOUS = /^Corrupt JPEG data: (\d+) extraneous bytes before marker 0x([0-9a-f]{2})/;

/**
 * The first warning that means the scan data is damaged, without libvips' `VipsJpeg: `
 * prefix, or `undefined`. "N extraneous bytes before marker 0xXX" is harmless when those
 * bytes are padding between header segments (the decoder has not started on pixels); the
 * same warning after a scan means the decoder ended that scan early, so it is damage.
 *
 * @example
 * scanDamage(["VipsJpeg: Corrupt JPEG data: premature end of data segment\n"], jpeg)
 * // "Corrupt JPEG data: premature end of data segment"
 * scanDamage(["VipsJpeg: Invalid SOS parameters for sequential JPEG"], jpeg) // undefined
 */
export function scanDamage(warnings: readonly string[], jpeg: Uint8Array): string | undefined {
  const lines = warnings
    .flatMap((warning) => warning.split("\n"))
    .map((line) => line.trim().replace(/^VipsJpeg: /, ""))
    .filter((line) => line !== "");
  let padding: HeaderGap[] | undefined;
  for (const line of lines) {
    if (DAMAGE.some((pattern) => pattern.test(line))) return line;
    const extraneous = EXTRANEOUS.exec(line);
    if (extraneous) {
      padding ??= headerGaps(jpeg);
      const bytes = Number(extraneous[1]);
      const marker = Number.parseInt(extraneous[2] ?? "", 16);
      if (!padding.some((gap) => gap.bytes === bytes && gap.marker === marker)) return line;
    }
  }
  return undefined;
}

/** Bytes that are not part of any segment, before the marker that follows them. */
export interface HeaderGap {
  bytes: number;
  marker: number;
}

/**
 * Stray bytes between the segments before the first scan, counted as libjpeg counts them
 * (fill 0xFF bytes right before a marker are not stray), with the marker they precede.
 *
 * @example
 * headerGaps(Buffer.from([0xff, 0xd8, 0, 0, 0xff, 0xdb, …])) // [{ bytes: 2, marker: 0xdb }]
 */
export function headerGaps(jpeg: Uint8Array): HeaderGap[] {
  const gaps: HeaderGap[] = [];
  let at = 2; // after SOI
  while (at < jpeg.length) {
    let stray = 0;
    // Skip to a 0xFF, then past fill bytes, as libjpeg's next_marker does.
    for (;;) {
      while (at < jpeg.length && jpeg[at] !== 0xff) {
        stray += 1;
        at += 1;
      }
      while (at < jpeg.length && jpeg[at] === 0xff) at += 1;
      if (at >= jpeg.length) return gaps;
      if (jpeg[at] !== 0) break;
      stray += 2; // 0xFF 0x00 is data, not a marker
      at += 1;
    }
    const marker = jpeg[at] ?? 0;
    at += 1;
    if (stray > 0) gaps.push({ bytes: stray, marker });
    if (marker === 0xda || marker === 0xd9) return gaps; // the first scan, or the end
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
    if (!standalone) {
      if (at + 1 >= jpeg.length) return gaps;
      at += ((jpeg[at] ?? 0) << 8) | (jpeg[at + 1] ?? 0);
    }
  }
  return gaps;
}

/**
 * The JPEG with the stray bytes between its header segments cut out (`headerGaps`), or the
 * same buffer when there are none. Only for checking: the pipeline encodes the original.
 */
function withoutHeaderGaps(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  let cut = false;
  while (at < jpeg.length) {
    const start = at;
    while (at < jpeg.length && !(jpeg[at] === 0xff && isMarker(jpeg[at + 1]))) at += 1;
    if (at > start) cut = true;
    if (at >= jpeg.length) break;
    const marker = jpeg[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) {
      kept.push(jpeg.subarray(at));
      break;
    }
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
    const end = standalone ? at + 2 : at + 2 + (((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0));
    kept.push(jpeg.subarray(at, end));
    at = end;
  }
  return cut ? Buffer.concat(kept) : jpeg;
}

function isMarker(byte: number | undefined): boolean {
  return byte !== undefined && byte !== 0x00 && byte !== 0xff;
}
