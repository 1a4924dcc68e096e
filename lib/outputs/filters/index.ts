/** Every template filter, one pure function per file; lib/eleventy/filters.ts registers them. */
import { absoluteUrl } from "./absolute-url.ts";
import { isoDateTime } from "./iso-date-time.ts";
import { readableDateTime } from "./readable-date-time.ts";
import { withDateline } from "./with-dateline.ts";

export const filters = {
  absoluteUrl,
  isoDateTime,
  readableDateTime,
  withDateline,
};
