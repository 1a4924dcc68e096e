/**
 * `npm run check`: every check over the whole built site, every problem collected (none stops
 * the others), sorted by file so one page's problems read together.
 */
import { type Budgets, checkBudgets, DEFAULT_BUDGETS } from "./budgets.ts";
import { checkFeeds, findFeeds } from "./feeds.ts";
import { checkHtml } from "./html.ts";
import { checkLinks } from "./links.ts";
import { type BuiltSite, type CheckProblem, count, formatProblem, htmlFiles, loadSite } from "./site.ts";
import { checkSitemaps, findSitemaps } from "./sitemaps.ts";
import { checkStructuredData } from "./structured-data.ts";
import { checkXml } from "./xml.ts";

export type { Budgets } from "./budgets.ts";
export { DEFAULT_BUDGETS } from "./budgets.ts";
export type { BuiltSite, CheckProblem } from "./site.ts";
export { formatProblem, loadSite } from "./site.ts";

export interface CheckOptions {
  /** The site's origin; by default the origin of the home page's `<link rel="canonical">`. */
  origin?: string;
  /** Budgets to replace the defaults (`DEFAULT_BUDGETS`), key by key. */
  budgets?: Partial<Budgets>;
}

export interface SiteReport {
  problems: CheckProblem[];
  pages: number;
  feeds: number;
  sitemaps: number;
}

/** The checks in the order their problems are listed within one file. */
function allChecks(budgets: Budgets): ((site: BuiltSite) => Promise<CheckProblem[]>)[] {
  return [
    checkHtml,
    checkLinks,
    checkXml,
    checkFeeds,
    checkStructuredData,
    checkSitemaps,
    (site) => checkBudgets(site, budgets),
  ];
}

/** Runs every check on the site in `dir`. */
export async function checkSite(dir: string, options: CheckOptions = {}): Promise<SiteReport> {
  const site = loadSite(dir, options.origin);
  const budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
  const results = await Promise.all(allChecks(budgets).map((check) => check(site)));
  const problems = results.flat().map((problem, order) => ({ problem, order }));
  problems.sort((a, b) =>
    a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : a.order - b.order,
  );
  return {
    problems: problems.map(({ problem }) => problem),
    pages: htmlFiles(site).length,
    feeds: findFeeds(site).length,
    sitemaps: findSitemaps(site).length,
  };
}

/** The report as printed: one line per problem, then the summary line. */
export function formatReport(report: SiteReport): string[] {
  const summary = `checked ${count(report.pages, "page")}, ${count(report.feeds, "feed")}, ${count(report.sitemaps, "sitemap")}: ${count(report.problems.length, "problem")}`;
  return [...report.problems.map(formatProblem), summary];
}
