/**
 * Netlify build plugin: restores Dateline's build caches before the build and saves them
 * after it, through @netlify/cache-utils (the library behind a plugin's `utils.cache`). Netlify
 * does not promise to keep node_modules/.cache between builds; its build cache it does keep.
 *
 * A cache is only a shortcut: an empty one makes a cold build, and a failure to restore or
 * save one is reported and never fails the deploy. A folder missing at save time is skipped.
 * Declared in netlify.toml as `[[plugins]] package = "./netlify/plugins/dateline-cache"`.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { restore, save } from "@netlify/cache-utils";

/** The cache folders, relative to the project root: photo renditions, site-check results, email editions. */
export const CACHE_FOLDERS = Object.freeze([
  "node_modules/.cache/dateline-photos",
  "node_modules/.cache/dateline-checks",
  "node_modules/.cache/dateline-editions",
]);

const NAME = "dateline-cache";

/**
 * Where the cache folders are and where Netlify keeps its cache. Netlify runs a plugin in the
 * base directory and builds `utils.cache` on constants.CACHE_DIR; the same two are used here.
 * Without CACHE_DIR (not under Netlify) the library's default, .netlify/cache/, applies.
 */
function locations({ constants, netlifyConfig } = {}) {
  const cwd = netlifyConfig?.build?.base ?? process.cwd();
  return constants?.CACHE_DIR === undefined ? { cwd } : { cwd, cacheDir: constants.CACHE_DIR };
}

function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

/** Restores every cache folder an earlier build saved; see index.d.ts for the report. */
export async function restoreCaches(options) {
  const where = locations(options);
  const report = { restored: [], cold: [], problems: [] };
  for (const folder of CACHE_FOLDERS) {
    try {
      if (await restore(folder, where)) report.restored.push(folder);
      else report.cold.push(folder);
    } catch (error) {
      // A half-restored folder could mix two builds' files: that cache starts cold instead.
      await rm(path.resolve(where.cwd, folder), { recursive: true, force: true }).catch(() => {});
      report.cold.push(folder);
      report.problems.push(
        `${folder}: could not be restored from Netlify's cache (${reason(error)}) — this build makes it cold; nothing to fix unless it happens every time`,
      );
    }
  }
  return report;
}

/** Saves every cache folder that exists, replacing what was saved before. */
export async function saveCaches(options) {
  const where = locations(options);
  const report = { saved: [], missing: [], problems: [] };
  for (const folder of CACHE_FOLDERS) {
    try {
      if (await save(folder, where)) report.saved.push(folder);
      else report.missing.push(folder);
    } catch (error) {
      report.problems.push(
        `${folder}: could not be saved to Netlify's cache (${reason(error)}) — the next build makes it cold; nothing to fix unless it happens every time`,
      );
    }
  }
  return report;
}

export async function onPreBuild(options) {
  const { restored, cold, problems } = await restoreCaches(options);
  for (const problem of problems) console.warn(`${NAME}: ${problem}`);
  if (restored.length > 0) console.log(`${NAME}: restored ${restored.join(", ")}`);
  if (cold.length > 0) console.log(`${NAME}: cold (nothing cached yet): ${cold.join(", ")}`);
}

export async function onPostBuild(options) {
  const { saved, missing, problems } = await saveCaches(options);
  for (const problem of problems) console.warn(`${NAME}: ${problem}`);
  if (saved.length > 0) console.log(`${NAME}: saved ${saved.join(", ")}`);
  if (missing.length > 0) console.log(`${NAME}: nothing to save (no such folder): ${missing.join(", ")}`);
}
