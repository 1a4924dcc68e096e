/** /robots.txt: points crawlers at the sitemaps; previews are closed to them. */
import { PAGE_PATHS } from "../lib/contract/urls.ts";
import type { SitemapsData } from "../lib/eleventy/sitemaps.ts";

export const data = { permalink: PAGE_PATHS.robots, eleventyExcludeFromCollections: true };

export const render = (data: { sitemaps: SitemapsData }): string => data.sitemaps.renderRobots();
