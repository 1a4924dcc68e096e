/**
 * The work behind the Netlify cache plugin (index.js): which folders are kept between builds,
 * and restoring and saving them through @netlify/cache-utils (the library behind a plugin's
 * `utils.cache`). Netlify does not promise to keep node_modules/.cache between builds; its
 * build cache it does keep.
 *
 * It lives beside index.js, not in it, because Netlify's runner refuses a plugin whose module
 * exports anything but event handlers ("Invalid event 'CACHE_FOLDERS'"): index.js exports only
 * onPreBuild and onPostBuild, and the tests import this module.
 *
 * A cache is only a shortcut: an empty one makes a cold build, and a failure to restore or
 * save one is reported and never fails the deploy. A folder missing at save time is skipped.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { restore, save } from "@netlify/cache-utils";

/**
 * The cache folders, relative to the project root: photo renditions, site-check results, email
 * editions, the rendered outputs an unchanged page reuses, the search index's fragments, and the
 * issue views and checked issues an unchanged issue reuses.
 */
export const CACHE_FOLDERS = Object.freeze([
  "node_modules/.cache/dateline-photos",
  "node_modules/.cache/dateline-checks",
  "node_modules/.cache/dateline-editions",
  "node_modules/.cache/dateline-outputs",
  "node_modules/.cache/dateline-search",
  "node_modules/.cache/dateline-views",
  "node_modules/.cache/dateline-content",
]);

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

/** Restores every cache folder an earlier build saved; see caches.d.ts for the report. */
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
