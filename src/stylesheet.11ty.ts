/** Writes the stylesheet under its content-hashed name (see lib/plugins/stylesheet.ts). */
import type { Stylesheet } from "../lib/plugins/stylesheet.ts";

export const data = {
  permalink: (data: { stylesheet: Stylesheet }) => data.stylesheet.href,
  eleventyExcludeFromCollections: true,
};

export const render = (data: { stylesheet: Stylesheet }): string => data.stylesheet.css;
