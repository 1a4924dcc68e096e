/** /news-sitemap.xml: issues from the two days before the build time, for Google News. */
import { PAGE_PATHS } from "../lib/contract/urls.ts";
import type { SitemapsData } from "../lib/eleventy/sitemaps.ts";

interface NewsSitemapData {
  sitemaps: SitemapsData;
  buildTime: string;
  views: { issues: Parameters<SitemapsData["renderNewsSitemap"]>[0] };
}

export const data = {
  permalink: PAGE_PATHS.newsSitemap,
  eleventyExcludeFromCollections: true,
};

export const render = (data: NewsSitemapData): string =>
  data.sitemaps.renderNewsSitemap(data.views.issues, data.buildTime);
