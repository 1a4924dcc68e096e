/**
 * The site's one stylesheet, published under a content-hashed name with a Subresource
 * Integrity hash: it can be cached for a year, and a tampered copy is refused.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type UserConfig from "@11ty/eleventy/UserConfig";

export interface Stylesheet {
  href: string;
  integrity: string;
  css: string;
}

export interface StylesheetOptions {
  /** The source file, e.g. `assets/css/site.css`. */
  source: string;
}

/** Reads the stylesheet and names it by its content. */
export function readStylesheet(source: string): Stylesheet {
  const css = readFileSync(source, "utf8");
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return {
    href: `/assets/css/site.${hash}.css`,
    integrity: `sha384-${createHash("sha384").update(css).digest("base64")}`,
    css,
  };
}

export default function stylesheetPlugin(eleventyConfig: UserConfig, { source }: StylesheetOptions): void {
  eleventyConfig.addWatchTarget(source);
  // A function, so that the dev server re-reads the file on every rebuild.
  eleventyConfig.addGlobalData("stylesheet", () => readStylesheet(source));
}
