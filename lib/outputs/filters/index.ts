/**
 * Every template filter, registered in one loop (one pure function per file).
 * Filters that need the build's collections live in the content plugin.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteUrl } from "./absolute-url.ts";
import { isoDateTime } from "./iso-date-time.ts";
import { lastChange } from "./last-change.ts";
import { pickByIds } from "./pick-by-ids.ts";
import { readableDate } from "./readable-date.ts";
import { readableDateTime } from "./readable-date-time.ts";
import { withDateline } from "./with-dateline.ts";

export const filters = {
  absoluteUrl,
  isoDateTime,
  lastChange,
  pickByIds,
  readableDate,
  readableDateTime,
  withDateline,
};

export default function filtersPlugin(eleventyConfig: UserConfig): void {
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
}
