/**
 * Defaults for every issue. Its URL, /<yyyy>/<mm>/<slug>/ in the site's zone, is set by the
 * content plugin's preprocessor (lib/plugins/content.ts).
 */
export default {
  layout: "layouts/issue.njk",
  isIssue: true,
  mainClass: "issue-page",
};
