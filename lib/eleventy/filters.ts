/** Registers every template filter (lib/outputs/filters/, one pure function per file) in one loop. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { filters } from "../outputs/filters/index.ts";

export default function filtersPlugin(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
}
