/** Writes each hashed asset under its content-hashed name (see lib/plugins/hashed-assets.ts). */
import type { HashedAsset } from "../lib/eleventy/hashed-assets.ts";

interface AssetPageData {
  asset: HashedAsset;
}

export const data = {
  pagination: { data: "hashedAssets", size: 1, alias: "asset" },
  permalink: (data: AssetPageData) => data.asset.href,
  eleventyExcludeFromCollections: true,
};

export const render = (data: AssetPageData): string => data.asset.content;
