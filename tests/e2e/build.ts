/** How the browser tests build a site: as a writer would (fixture-site.ts), with a warm check cache. */
import path from "node:path";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

/**
 * The site checks' cache, kept between runs in this checkout's git-ignored .cache/. The checks
 * are most of a small site's build; their cache is keyed by each file's bytes and by the
 * checks' own code, config and packages (lib/checks/index.ts), so a page that changed is
 * checked again. Rendering and search indexing stay cold: the pages under test are fresh.
 */
const CHECK_CACHE = path.resolve(import.meta.dirname, "../../.cache/e2e-check-cache");

/** Builds `issues` as of `epoch` (seconds) in a throw-away project; throws when the build fails. */
export function buildSite(issues: Record<string, string>, epoch: number): FixtureSite {
  const site = buildFixtureSite({ issues, epoch, env: { DATELINE_CHECK_CACHE: CHECK_CACHE } });
  if (site.status !== 0) {
    site.remove();
    throw new Error(`the site failed to build:\n${site.stdout}\n${site.stderr}`);
  }
  return site;
}
