/**
 * The content stage of a fixture site without a build: the same issues and data files as
 * `buildFixtureSite` takes, run through `runPipeline` (lib/pipeline/run.ts) as `npm run build`
 * runs it, in production mode at the fixture's epoch. For what the content stage alone decides:
 * the problems a build prints after `Build failed: `, and the warnings.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMarkdown } from "../../lib/pipeline/content/markdown.ts";
import { createPhotoDesk } from "../../lib/pipeline/photos/desk.ts";
import { type PipelineResult, runPipeline } from "../../lib/pipeline/run.ts";
import { loadSiteData } from "../../lib/pipeline/site-data.ts";
import { buildTime } from "../../lib/shared/dates.ts";
import type { FixtureOptions } from "./fixture-site.ts";
import { seedPhotoCache } from "./photo-cache.ts";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the pipeline over `issues` (under src/issues/) with the repository's `_data/` and
 * `files` written over it (data files only, e.g. `{ "_data/people.ts": "export default …" }`),
 * in a throw-away folder that is removed before this returns.
 */
export async function runFixturePipeline(
  options: Pick<FixtureOptions, "issues" | "epoch" | "files">,
): Promise<PipelineResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-pipeline-"));
  try {
    cpSync(path.join(root, "_data"), path.join(dir, "_data"), { recursive: true });
    // Data files import lib/ as `../lib/…`, as they do in the project.
    symlinkSync(path.join(root, "lib"), path.join(dir, "lib"));
    for (const [file, text] of Object.entries({
      ...Object.fromEntries(Object.entries(options.issues).map(([name, t]) => [`src/issues/${name}`, t])),
      ...options.files,
    })) {
      if (!file.startsWith("src/issues/") && !file.startsWith("_data/"))
        throw new Error(`runFixturePipeline takes issues and data files only, not ${file}`);
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    const photos = createPhotoDesk({
      photosDir: path.join(root, "assets/photos"),
      cacheDir: seedPhotoCache(dir),
    });
    return await runPipeline({
      root: dir,
      issuesDir: "src/issues",
      mode: "production",
      now: buildTime({ SOURCE_DATE_EPOCH: String(options.epoch) }),
      data: await loadSiteData(dir),
      photos,
      markdown: createMarkdown({ renderFigure: photos.renderBodyFigure }),
      output: path.join(dir, "_site"),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
