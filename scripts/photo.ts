/**
 * `npm run photo -- add <file> [--year YYYY]`: brings an agency original into
 * assets/photos/<year>/ under a clean file name, says what its IPTC/XMP holds and what is
 * missing, and prints the front-matter block to paste. It never overwrites a photo.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import site from "../_data/site.ts";
import { digitalSourceLabel } from "../lib/contract/digital-source.ts";
import { readPhotoMeta } from "../lib/pipeline/photos/index.ts";
import { buildTime } from "../lib/shared/dates.ts";
import { slugify } from "../lib/shared/text.ts";

const USAGE = `Usage: npm run photo -- add <file> [--year YYYY]

Copies an agency original (JPEG, PNG, WebP, TIFF or AVIF) into assets/photos/<year>/ under a
clean file name (lowercase letters, digits and hyphens), prints the caption, by-line, credit,
copyright, how it was made and size it carries, warns about what is missing, and prints the photo: block to
paste into an issue's front matter. The year is this year (${site.timeZone}) unless --year says otherwise.`;

/** sharp's names for the formats the photo pipeline accepts, and the extension each is saved with. */
const EXTENSIONS: Record<string, string> = {
  jpeg: ".jpg",
  png: ".png",
  webp: ".webp",
  tiff: ".tif",
  heif: ".avif",
};

function fail(message: string): never {
  console.error(`photo: ${message}`);
  process.exit(1);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { year: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, input, ...extra] = positionals;
if (command !== "add" || !input || extra.length > 0) fail(`say what to do\n\n${USAGE}`);

const year = values.year ?? buildTime().setZone(site.timeZone).toFormat("yyyy");
if (!/^\d{4}$/.test(year)) fail(`--year ${year} must be four digits, e.g. --year 2025`);
if (!existsSync(input) || !statSync(input).isFile()) fail(`${input}: no such file — check the path`);

const original = readFileSync(input);
let format: string | undefined;
let width = 0;
let height = 0;
try {
  ({ format, width = 0, height = 0 } = await sharp(original).metadata());
} catch {
  fail(`${input}: is not a readable image — give the agency's original JPEG`);
}
const extension = format ? EXTENSIONS[format] : undefined;
// sharp calls AVIF and HEIC both "heif"; the pipeline takes AVIF only.
if (!extension || (format === "heif" && !/\.avif$/i.test(input))) {
  fail(
    `${input}: is ${format ?? "an unknown format"}, which the photo pipeline does not take — export it as JPEG`,
  );
}

const name = `${slugify(path.basename(input, path.extname(input))) || "photo"}${extension}`;
const src = `${year}/${name}`;
const target = path.join("assets/photos", year, name);
if (existsSync(target)) {
  fail(
    `${target} already exists — rename your file before adding it, or use the photo already there (src: ${src})`,
  );
}

const meta = await readPhotoMeta(original);
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(input, target, constants.COPYFILE_EXCL);

const megabytes = (original.byteLength / 1_000_000).toFixed(1);
const shown = (value: string | undefined) => value ?? "(none)";
/** How the image was made, as its XMP says, and the label every output will give it. */
function madeAs(): string {
  if (meta.unknownSourceType !== undefined)
    return `"${meta.unknownSourceType}" (not an IPTC digital source type)`;
  if (meta.digitalSourceType === undefined) return "(not said: shown as a photograph)";
  const label = digitalSourceLabel(meta.digitalSourceType);
  return label
    ? `${meta.digitalSourceType}, labelled "${label}." wherever it is shown`
    : meta.digitalSourceType;
}
console.log(
  [
    `Added ${target}`,
    `  caption:   ${shown(meta.caption)}`,
    `  by-line:   ${shown(meta.creator)}`,
    `  credit:    ${shown(meta.creditLine)}`,
    `  copyright: ${shown(meta.copyright)}`,
    `  made as:   ${madeAs()}`,
    `  size:      ${width} × ${height} px, ${megabytes} MB`,
  ].join("\n"),
);
const warnings = [
  ...(meta.caption ? [] : ["no caption in the photo — write caption: in the front matter"]),
  ...(meta.credit
    ? []
    : ["no credit or by-line in the photo — write credit: in the front matter (the build requires one)"]),
  ...(meta.copyright
    ? []
    : ["no copyright notice in the photo — check the agency's terms before publishing"]),
  ...(meta.unknownSourceType === undefined
    ? []
    : [
        "the photo's Iptc4xmpExt:DigitalSourceType is not an IPTC digital source type, which the build refuses — write source: in the front matter, or correct the file",
      ]),
  ...(width * height > 100_000_000
    ? ["the photo is over 100 megapixels, which the build refuses — ask the agency for a smaller file"]
    : []),
];
for (const warning of warnings) console.log(`warning: ${warning}`);
console.log(
  [
    "",
    "Paste into the issue's front matter, and describe the photo in alt:",
    "photo:",
    `  src: ${src}`,
    "  alt:          # required: what the photo shows, for readers who cannot see it",
    ...(meta.caption ? [] : ["  caption:      # what the photo shows and where"]),
    ...(meta.credit ? [] : ["  credit:       # e.g. REUTERS/Umit Bektas"]),
    ...(meta.unknownSourceType === undefined
      ? []
      : ["  source:       # how it was made: digitalCapture, compositeSynthetic, trainedAlgorithmicMedia…"]),
  ].join("\n"),
);
