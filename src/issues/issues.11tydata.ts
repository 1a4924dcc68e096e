/** Defaults for every issue: its layout, and its URL /<yyyy>/<mm>/<slug>/ in the site's zone. */
import { issueUrl } from "../../lib/content.ts";
import { inZone } from "../../lib/dates.ts";
import type { Site } from "../../lib/schema.ts";

interface IssuePathData {
  date: string;
  page: { fileSlug: string };
  site: Site;
}

export default {
  layout: "layouts/issue.njk",
  isIssue: true,
  mainClass: "issue-page",
  eleventyComputed: {
    permalink: (data: IssuePathData) => issueUrl(data.page.fileSlug, inZone(data.date, data.site.timeZone)),
  },
};
