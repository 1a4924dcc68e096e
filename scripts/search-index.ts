/**
 * `npm run search-index [siteDir]` (default `_site`): the search index alone, over a built site
 * (lib/search/index-site.ts; `npm run build` runs it as its search phase). It keeps and reuses
 * Pagefind's output in the search store like the build (`DATELINE_SEARCH_CACHE=off` for none).
 */
import path from "node:path";
import { BODY_ATTRIBUTE, indexSiteReport } from "../lib/search/index-site.ts";

{
  const dir = process.argv[2] ?? "_site";
  try {
    const started = performance.now();
    const { pages, reused } = await indexSiteReport(dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (pages === 0)
      console.warn(`Search index: no page in ${dir}/ carries ${BODY_ATTRIBUTE}; the index is empty.`);
    const stored = reused > 0 ? ` (${reused} unchanged from the search store)` : "";
    console.log(
      `Indexed ${pages} issues for search into ${path.join(dir, "pagefind")}/ in ${seconds} s${stored}.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
