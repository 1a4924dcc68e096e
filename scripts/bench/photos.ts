/**
 * Photo pipeline benchmark. Generates N deterministic 3000×2000 JPEGs (seeded gradients,
 * shapes and grain, with IPTC, so they compress and parse like agency photos), then in one
 * process measures:
 *
 * - floor: a plain sharp loop over the same inputs making the same renditions and crops
 *   with the same encoder settings, the same libvips threads and the same number of
 *   photos at once, writing the files. What the pipeline's work costs with no pipeline.
 * - pipeline cold: `processPhotos` with an empty cache.
 * - pipeline warm: again with nothing changed (must do no sharp work), into a fresh
 *   output folder as a staged build does.
 * - warm at 1,000 photos: a synthesised cache of 1,000 small originals, run twice: once
 *   with no hash index (every original hashed), once steady (index hit). Warm cost is
 *   hashing or stat, reading records and linking files, not the image size.
 *
 *   npm run bench:photos -- --photos 50
 *   npm run bench:photos -- --photos 20 --concurrency 2 --warm-photos 1000 --keep
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { CROP_NAMES, PHOTO_FORMATS } from "../../lib/contract/photo-manifest.ts";
import { hashBuffer, objectDir, objectKey } from "../../lib/pipeline/photos/cache.ts";
import { DEFAULT_SETTINGS, processPhotos } from "../../lib/pipeline/photos/index.ts";
import { encode } from "../../lib/pipeline/photos/renditions.ts";
import {
  cropSize,
  EXTENSIONS,
  focusPosition,
  planWidths,
  settingsHash,
} from "../../lib/pipeline/photos/settings.ts";
import { makeTestPhoto } from "./test-photo.ts";

const USAGE =
  "usage: npm run bench:photos -- [--photos 20] [--seed 1] [--concurrency 2] [--warm-photos 1000] [--keep]";
const WIDTH = 3000;
const HEIGHT = 2000;

interface Options {
  photos: number;
  seed: number;
  concurrency: number;
  warmPhotos: number;
  keep: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      photos: { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
      concurrency: { type: "string", default: "2" },
      "warm-photos": { type: "string", default: "1000" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (text: string, what: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${what}: "${text}" is not a positive integer`);
    return value;
  };
  return {
    photos: positive(values.photos, "photos"),
    seed: positive(values.seed, "seed"),
    concurrency: positive(values.concurrency, "concurrency"),
    warmPhotos: positive(values["warm-photos"], "warm-photos"),
    keep: values.keep,
  };
}

async function generate(dir: string, count: number, seed: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `photo-${String(index + 1).padStart(4, "0")}.jpg`);
    const jpeg = await makeTestPhoto({
      width: WIDTH,
      height: HEIGHT,
      seed: seed * 100_003 + index,
      iptc: {
        caption: `Synthetic benchmark photo ${index + 1} — Ankara, Türkiye`,
        byline: "Bench Photographer",
        credit: "Reuters",
        city: "Ankara",
        country: "Türkiye",
      },
    });
    writeFileSync(file, jpeg);
    files.push(file);
  }
  return files;
}

/** The floor: the same sharp calls a hand-written loop would make, nothing else. */
async function floor(files: readonly string[], outDir: string, concurrency: number): Promise<void> {
  const settings = DEFAULT_SETTINGS;
  sharp.concurrency(settings.vipsThreads);
  mkdirSync(outDir, { recursive: true });
  const decode = { failOn: settings.failOn } as const;
  const one = async (file: string) => {
    const input = readFileSync(file);
    const { autoOrient } = await sharp(input).metadata();
    const stem = path.join(outDir, path.basename(file, ".jpg"));
    for (const width of planWidths(autoOrient.width, settings)) {
      for (const format of PHOTO_FORMATS) {
        let image = sharp(input, decode).rotate().resize({ width }).toColourspace("srgb");
        if (format === "jpeg") image = image.flatten({ background: "#ffffff" });
        await encode(image, format, settings).toFile(`${stem}-${width}.${EXTENSIONS[format]}`);
      }
    }
    for (const name of CROP_NAMES) {
      const size = cropSize(autoOrient.width, autoOrient.height, settings.crops[name]);
      await sharp(input, decode)
        .rotate()
        .resize(size.width, size.height, { fit: "cover", position: focusPosition("attention") })
        .flatten({ background: "#ffffff" })
        .toColourspace("srgb")
        .jpeg(settings.jpeg)
        .toFile(`${stem}-${name}.jpg`);
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) await one(files[next++] as string);
    }),
  );
}

/**
 * 1,000 originals whose cache objects are copies of one real object. Each original is
 * the template's bytes plus a unique JPEG comment; warm runs never decode them.
 */
async function synthesiseWarmCache(
  dir: string,
  count: number,
): Promise<{ photosDir: string; cacheDir: string }> {
  const photosDir = path.join(dir, "photos");
  const cacheDir = path.join(dir, "cache");
  const templateDir = path.join(dir, "template");
  mkdirSync(path.join(templateDir, "photos"), { recursive: true });
  // 2400 px wide, so each entry has all 19 files (5 widths × 3 formats + 4 crops) to link.
  const tiny = await makeTestPhoto({
    width: 2400,
    height: 1600,
    iptc: { byline: "Bench", credit: "Reuters" },
  });
  writeFileSync(path.join(templateDir, "photos", "template.jpg"), tiny);
  await processPhotos({
    photosDir: path.join(templateDir, "photos"),
    outputDir: path.join(templateDir, "out"),
    cacheDir: path.join(templateDir, "cache"),
  });
  const variant = settingsHash(DEFAULT_SETTINGS);
  const templateObject = objectDir(
    path.join(templateDir, "cache"),
    objectKey(hashBuffer(tiny), variant, "attention"),
  );
  const record = JSON.parse(readFileSync(path.join(templateObject, "record.json"), "utf8")) as Record<
    string,
    unknown
  >;
  for (let index = 0; index < count; index++) {
    // A JPEG comment (COM segment) after SOI makes each original's bytes, and hash, unique.
    const note = Buffer.from(`bench ${index}`);
    const comment = Buffer.from([0xff, 0xfe, (note.length + 2) >> 8, (note.length + 2) & 0xff]);
    const original = Buffer.concat([tiny.subarray(0, 2), comment, note, tiny.subarray(2)]);
    const year = `${2000 + (index % 20)}`;
    mkdirSync(path.join(photosDir, year), { recursive: true });
    writeFileSync(path.join(photosDir, year, `photo-${index}.jpg`), original);
    const hash = hashBuffer(original);
    const target = objectDir(cacheDir, objectKey(hash, variant, "attention"));
    cpSync(templateObject, target, { recursive: true });
    writeFileSync(
      path.join(target, "record.json"),
      JSON.stringify({ ...record, hash, bytes: original.length }),
    );
  }
  return { photosDir, cacheDir };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function seconds(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-photos-"));
  try {
    const settings = DEFAULT_SETTINGS;
    const perPhoto = planWidths(WIDTH, settings).length * PHOTO_FORMATS.length;
    console.log(
      `photo pipeline benchmark: ${opts.photos} synthetic ${WIDTH}×${HEIGHT} JPEGs (seed ${opts.seed}), ` +
        `${os.availableParallelism()} cores, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}`,
    );
    console.log(
      `per photo: ${perPhoto} renditions (${planWidths(WIDTH, settings).join(", ")} px × AVIF, WebP, JPEG) + ${CROP_NAMES.length} crops; ` +
        `AVIF q${settings.avif.quality} effort ${settings.avif.effort} ${settings.avif.chromaSubsampling}, WebP q${settings.webp.quality}, ` +
        `mozjpeg q${settings.jpeg.quality}; ${opts.concurrency} photos at once, libvips threads ${settings.vipsThreads}`,
    );

    const generated = await timed(() =>
      generate(path.join(work, "originals", "bench"), opts.photos, opts.seed),
    );
    console.log(`generated inputs in ${seconds(generated.ms)} (not measured below)\n`);
    await sharp(readFileSync(generated.value[0] as string))
      .resize(16)
      .toBuffer(); // load libvips

    const floorRun = await timed(() => floor(generated.value, path.join(work, "floor"), opts.concurrency));
    const photosDir = path.join(work, "originals");
    const cacheDir = path.join(work, "cache");
    const run = (outputDir: string) =>
      processPhotos({ photosDir, outputDir, cacheDir, concurrency: opts.concurrency });
    const cold = await timed(() => run(path.join(work, "out-cold")));
    const warm = await timed(() => run(path.join(work, "out-warm")));
    for (const result of [cold.value, warm.value]) {
      if (result.problems.length > 0)
        throw new Error(`pipeline problems: ${JSON.stringify(result.problems)}`);
    }

    const warmDir = path.join(work, "warm-1000");
    await synthesiseWarmCache(warmDir, opts.warmPhotos);
    const warmRun = (name: string) =>
      processPhotos({
        photosDir: path.join(warmDir, "photos"),
        outputDir: path.join(warmDir, name),
        cacheDir: path.join(warmDir, "cache"),
      });
    const bigFirst = await timed(() => warmRun("out-1"));
    const bigSteady = await timed(() => warmRun("out-2"));
    const bigSame = await timed(() => warmRun("out-2"));
    const big = bigSteady.value;
    if (big.encoded !== 0 || big.made !== 0 || big.reused !== opts.warmPhotos) {
      throw new Error(
        `warm ${opts.warmPhotos}: expected no encodes, got ${JSON.stringify({ ...big, manifest: "…" })}`,
      );
    }

    const linked = Object.values(big.manifest.photos).reduce(
      (sum, entry) => sum + entry.renditions.length + Object.keys(entry.crops).length,
      0,
    );
    const n = opts.photos;
    const rows: [string, number, string][] = [
      ["floor (plain sharp loop)", floorRun.ms, `${(n / (floorRun.ms / 1000)).toFixed(2)} photos/s`],
      [
        "pipeline cold",
        cold.ms,
        `${(n / (cold.ms / 1000)).toFixed(2)} photos/s, ${cold.value.encoded} sharp jobs`,
      ],
      ["pipeline warm (new output)", warm.ms, `${warm.value.encoded} sharp jobs`],
      [
        `warm ${opts.warmPhotos}, no hash index, new output`,
        bigFirst.ms,
        "hash every original, link every file",
      ],
      [`warm ${opts.warmPhotos}, new output`, bigSteady.ms, `stat, link ${linked} files (a staged build)`],
      [`warm ${opts.warmPhotos}, same output`, bigSame.ms, "stat only (npm run photos again)"],
    ];
    for (const [name, ms, note] of rows)
      console.log(`${name.padEnd(34)} ${seconds(ms).padStart(9)}   ${note}`);
    const ratio = cold.ms / floorRun.ms;
    console.log("");
    console.log(
      `pipeline/floor   ${ratio.toFixed(3)}×   (target ≤ 1.15×: ${ratio <= 1.15 ? "met" : "MISSED"})`,
    );
    console.log(`warm/cold        ${(warm.ms / cold.ms).toFixed(5)}×`);
    console.log(
      `warm ${opts.warmPhotos} photos  ${seconds(bigSteady.ms)} new output, ${seconds(bigSame.ms)} same output   ` +
        `(target < 1 s: ${bigSteady.ms < 1000 ? "met" : "MISSED"})`,
    );
  } finally {
    if (opts.keep) console.log(`\nkept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
