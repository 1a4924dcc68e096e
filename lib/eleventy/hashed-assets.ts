/**
 * Static assets published under content-hashed names with Subresource Integrity hashes:
 * the stylesheet and the search script. Hashed names can be cached for a year; the
 * integrity hash makes a browser refuse a tampered copy.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";

export interface HashedAsset {
  /** Site path under its hashed name, e.g. `/assets/css/site.3f9a2c1b0d.css`. */
  href: string;
  integrity: string;
  content: string;
}

/** Global data name → source file, e.g. `{ stylesheet: "assets/css/site.css" }`. */
export type HashedAssetsOptions = Record<string, string>;

/**
 * Reads an asset and names it by its content.
 * @example readHashedAsset("assets/js/search.js").href // "/assets/js/search.1a2b3c4d5e.js"
 */
function readHashedAsset(source: string): HashedAsset {
  const content = readFileSync(source, "utf8");
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const extension = path.extname(source);
  const directory = path.posix.dirname(source.split(path.sep).join("/"));
  return {
    href: `/${directory}/${path.basename(source, extension)}.${hash}${extension}`,
    integrity: `sha384-${createHash("sha384").update(content).digest("base64")}`,
    content,
  };
}

export default function hashedAssetsPlugin(eleventyConfig: UserConfig, assets: HashedAssetsOptions): void {
  for (const [name, source] of Object.entries(assets)) {
    eleventyConfig.addWatchTarget(source);
    // Functions, so that the dev server re-reads the files on every rebuild.
    eleventyConfig.addGlobalData(name, () => readHashedAsset(source));
  }
  eleventyConfig.addGlobalData("hashedAssets", () =>
    Object.values(assets).map((source) => readHashedAsset(source)),
  );
}
