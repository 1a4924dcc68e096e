/**
 * What the checks need to know about one HTML page, read from one parse and then dropped:
 * its html-validate messages, the URLs it references and the ids it offers (the compact index
 * the cross-page checks run on), its JSON-LD verdicts, scripts and lead photo. The facts depend
 * only on the page's bytes and the checker's configuration, never on other pages, so they are
 * cached by the page's hash (cache.ts).
 */
import { load } from "cheerio";
import { budgetFacts } from "./budgets.ts";
import type { Viewport } from "./images.ts";
import { linkFacts } from "./links.ts";
import type { PageFacts } from "./page-facts-schema.ts";
import { jsonLdFacts } from "./structured-data.ts";

/** Everything but html-validate's messages and the size, from one cheerio parse of the page. */
export function readPageFacts(html: string, viewport: Viewport): Omit<PageFacts, "html" | "bytes"> {
  const $ = load(html);
  const jsonLd = jsonLdFacts($);
  const canonical = $('link[rel~="canonical"]').first().attr("href");
  return {
    ...(canonical === undefined ? {} : { canonical }),
    ...linkFacts($),
    jsonLd,
    isIssue: jsonLd.some((block) => "articles" in block && block.articles.length > 0),
    ...budgetFacts($, viewport),
  };
}
