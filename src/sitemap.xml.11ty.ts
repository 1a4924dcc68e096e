/** /sitemap.xml: every HTML page, issues with their last change. */
import type { SitemapsData } from "../lib/plugins/sitemaps.ts";

interface SitemapData {
  sitemaps: SitemapsData;
  collections: { all: Parameters<SitemapsData["renderSitemap"]>[0] };
}

export const data = {
  permalink: "/sitemap.xml",
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["all"] },
};

export const render = (data: SitemapData): string => data.sitemaps.renderSitemap(data.collections.all);
