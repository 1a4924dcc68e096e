/**
 * Damaged JPEG scan data. libjpeg decodes a scan whose entropy-coded bytes were flipped or
 * zeroed and fills what it cannot read with grey; with `failOn: "error"` that publishes.
 * It does say so, as a warning ("Corrupt JPEG data: premature end of data segment"), but
 * wire JPEGs also carry harmless warnings (padding between header segments, odd SOS
 * parameters, an unknown Adobe transform), so `failOn: "warning"` alone would reject good
 * photos. These helpers tell the two apart from libvips' warning lines.
 *
 * libvips' warnings go to one queue per process, so they only belong to a photo when it is
 * decoded alone; the pipeline calls `scanDamage` in its solo retry.
 */

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
