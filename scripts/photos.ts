/**
 * The photo pipeline on its own: renditions, crops and placeholders for every original
 * in assets/photos/, cached in node_modules/.cache/dateline-photos/ (or DATELINE_PHOTO_CACHE),
 * published into _site/photos/.
 *
 *   npm run photos
 *   npm run photos -- --out _site.staging/photos --quiet
 *
 * Crop focus comes from the issues' `photo.focus`. Exits 1 and lists every problem when
 * any photo is unusable; the output folder is then left as it was.
 */
import { parseArgs } from "node:util";
import { readIssueSources, toFocusSources } from "../lib/pipeline/content/read.ts";
import { bodyImageSources } from "../lib/pipeline/photos/body-images.ts";
import {
  collectFocus,
  createProgressReporter,
  defaultCacheDir,
  formatDuration,
  formatPhotoProblem,
  processPhotos,
} from "../lib/pipeline/photos/index.ts";

const USAGE = `usage: npm run photos -- [--photos assets/photos] [--out _site/photos] [--cache node_modules/.cache/dateline-photos]
                       [--issues src/issues] [--max-megapixels 100] [--concurrency 2] [--quiet]`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      photos: { type: "string", default: "assets/photos" },
      out: { type: "string", default: "_site/photos" },
      cache: { type: "string", default: defaultCacheDir() },
      issues: { type: "string", default: "src/issues" },
      "max-megapixels": { type: "string", default: "100" },
      concurrency: { type: "string", default: "2" },
      quiet: { type: "boolean", short: "q", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const megapixels = Number(values["max-megapixels"]);
  const concurrency = Number(values.concurrency);
  if (!(megapixels > 0) || !Number.isInteger(concurrency) || concurrency < 1) {
    console.error(USAGE);
    return 2;
  }

  const started = performance.now();
  const issues = toFocusSources(readIssueSources(process.cwd(), values.issues));
  const focus = collectFocus(issues, { displayDir: values.photos, bodyImages: bodyImageSources });
  const result = await processPhotos({
    photosDir: values.photos,
    outputDir: values.out,
    cacheDir: values.cache,
    limitInputPixels: Math.round(megapixels * 1_000_000),
    concurrency,
    focus: focus.focus,
    usedBy: focus.usedBy,
    displayDir: values.photos,
    publish: focus.problems.length === 0,
    ...(values.quiet ? {} : { onProgress: createProgressReporter() }),
  });
  const problems = [...focus.problems, ...result.problems];
  if (problems.length > 0) {
    console.error(
      `Photos failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}; ${values.out} was left as it was:`,
    );
    for (const problem of problems) console.error(formatPhotoProblem(problem));
    return 1;
  }
  if (!values.quiet) {
    const total = Object.keys(result.manifest.photos).length;
    console.log(
      `photos: ${total} in ${values.out} (${result.made} encoded, ${result.reused} unchanged) in ${formatDuration(performance.now() - started)}`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
