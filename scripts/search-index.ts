/**
 * `npm run search-index [siteDir]` (default `_site`): the search index alone, over a built site
 * (lib/search/index-site.ts; `npm run build` runs it as its search phase).
 */
import path from "node:path";
import { BODY_ATTRIBUTE, indexSite } from "../lib/search/index-site.ts";

{
  const dir = process.argv[2] ?? "_site";
  try {
    const started = performance.now();
    const { pages } = await indexSite(dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (pages === 0)
      console.warn(`Search index: no page in ${dir}/ carries ${BODY_ATTRIBUTE}; the index is empty.`);
    console.log(`Indexed ${pages} issues for search into ${path.join(dir, "pagefind")}/ in ${seconds} s.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
