/** /robots.txt: points crawlers at the sitemaps; previews are closed to them. */
import type { SitemapsData } from "../lib/eleventy/sitemaps.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export const render = (data: { sitemaps: SitemapsData }): string => data.sitemaps.renderRobots();
