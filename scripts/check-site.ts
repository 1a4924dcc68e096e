/**
 * `npm run check [siteDir] [--origin URL]`: checks the built site (default `_site`) and prints
 * every problem as `file: problem`, then `checked N pages (N from cache), N feeds, N sitemaps: N problems`.
 * Pages whose bytes and checker are unchanged since the last run come from the cache
 * (`DATELINE_CHECK_CACHE`, else node_modules/.cache/dateline-checks).
 * Exits 1 on any problem, so a build or CI step that runs it fails.
 */
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import site from "../_data/site.ts";
import { checkSite, formatReport } from "../lib/checks/index.ts";
import { policyEntries } from "../lib/contract/policies.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { origin: { type: "string" } },
  allowPositionals: true,
});
const dir = positionals[0] ?? "_site";

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`${dir}: no such folder — run npm run build first`);
  process.exit(1);
}

const policies = Object.fromEntries(policyEntries(site.policies));
const report = await checkSite(dir, {
  policies,
  ...(values.origin === undefined ? {} : { origin: values.origin }),
});
console.log(formatReport(report).join("\n"));
process.exitCode = report.problems.length > 0 ? 1 : 0;
