/**
 * What the checks need to know about one XML or JSON file: whether it is well-formed, its
 * problems as a feed (if it is one), and its entries as a sitemap (if it is one). Like page
 * facts they depend only on the file, its path and the site's origin (a feed's self link must
 * be its own URL), so they are cached by those.
 */
import { z } from "zod";
import type { Budgets } from "./budgets.ts";
import { feedFormat, feedProblems, readJson } from "./feeds.ts";
import { readSitemap, sitemapFactsSchema } from "./sitemaps.ts";
import { parseXml } from "./xml.ts";

export const documentFactsSchema = z.object({
  /** The first well-formedness error of an `.xml` file. */
  xmlError: z.string().optional(),
  feed: z.object({ format: z.enum(["atom", "rss", "json"]), problems: z.array(z.string()) }).optional(),
  sitemap: sitemapFactsSchema.optional(),
});

export type DocumentFacts = z.infer<typeof documentFactsSchema>;

/** The files read as documents: feeds and sitemaps are among them. */
export function isDocument(file: string): boolean {
  return file.endsWith(".xml") || file.endsWith(".json");
}

export function readDocumentFacts(
  file: string,
  bytes: Buffer,
  origin: string | undefined,
  budgets: Budgets,
): DocumentFacts {
  const text = bytes.toString("utf8");
  const document = file.endsWith(".xml") ? parseXml(text) : readJson(text);
  const format = feedFormat(file, document);
  const feed =
    format === undefined
      ? {}
      : { feed: { format, problems: feedProblems(file, format, text, document, origin) } };
  if (!file.endsWith(".xml")) return feed;
  if ("error" in document) return { xmlError: document.error };
  const sitemap = "root" in document ? readSitemap(document.root, bytes.length, budgets) : undefined;
  return { ...feed, ...(sitemap === undefined ? {} : { sitemap }) };
}
