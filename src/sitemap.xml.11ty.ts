/**
 * /sitemap.xml: every HTML page, issues with their last change. Past the protocol's limits it
 * becomes a sitemap index, and its parts /sitemap-1.xml… are pages of this template.
 */
import type { SitemapsData } from "../lib/eleventy/sitemaps.ts";
import type { SitemapFile } from "../lib/outputs/sitemaps.ts";

type Pages = Parameters<SitemapsData["renderSitemaps"]>[0];

interface SitemapData {
  sitemapFile: SitemapFile;
}

export const data = {
  pagination: {
    data: "collections.all",
    size: 1,
    alias: "sitemapFile",
    // One pagination page per sitemap file, rendered from every page of the site.
    // Pages this build took from the output store are not in collections: `outputs.kept` lists them.
    before: (pages: Pages, fullData: { sitemaps: SitemapsData; outputs: { kept: Pages } }): SitemapFile[] =>
      fullData.sitemaps.renderSitemaps([...pages, ...fullData.outputs.kept]),
  },
  permalink: (data: SitemapData): string => data.sitemapFile.path,
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["all"] },
};

export const render = (data: SitemapData): string => data.sitemapFile.xml;
