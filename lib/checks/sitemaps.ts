/**
 * Every `<loc>` of every sitemap (sitemap.xml, its parts, news-sitemap.xml, and any other
 * `urlset` or `sitemapindex`) is an absolute URL on the site that maps to a built file: a crawler
 * told about a page that is not there files a soft 404 against the site. Each file stays within
 * the protocol's limits (50,000 URLs, 50 MB).
 */
import { z } from "zod";
import { type Budgets, overBudget } from "./budgets.ts";
import { type BuiltSite, type CheckProblem, resolveFile } from "./site.ts";
import { childNamed, childrenNamed, SITEMAP_NS, type XmlNode } from "./xml.ts";

export const sitemapFactsSchema = z.object({
  kind: z.enum(["urlset", "sitemapindex"]),
  /** Each entry's `<loc>`, or null for an entry without one. */
  locs: z.array(z.string().nullable()),
  /** Problems of the file on its own (its size and length). */
  problems: z.array(z.string()),
});

export type SitemapFacts = z.infer<typeof sitemapFactsSchema>;

/** The sitemap a document is, by its root element; undefined for any other XML. */
export function readSitemap(root: XmlNode, bytes: number, budgets: Budgets): SitemapFacts | undefined {
  if (root.uri !== SITEMAP_NS || (root.local !== "urlset" && root.local !== "sitemapindex")) return undefined;
  const kind = root.local;
  const item = kind === "urlset" ? "url" : "sitemap";
  const locs = childrenNamed(root, SITEMAP_NS, item).map(
    (entry) => childNamed(entry, SITEMAP_NS, "loc")?.text.trim() || null,
  );
  const problems: string[] = [];
  if (locs.length > budgets.sitemapUrls) {
    const what = kind === "urlset" ? "URLs" : "sitemaps";
    problems.push(
      `lists ${locs.length.toLocaleString("en-US")} ${what}, over the protocol's limit of ${budgets.sitemapUrls.toLocaleString("en-US")} — split it with a sitemap index`,
    );
  }
  if (bytes > budgets.sitemapBytes) {
    problems.push(`is ${overBudget(bytes, budgets.sitemapBytes)} — split it with a sitemap index`);
  }
  return { kind, locs, problems };
}

/**
 * What is wrong with one sitemap URL, if anything, after the URL itself: a `urlset` entry must
 * be a page, a sitemap-index or robots.txt entry any file.
 */
function locProblem(
  site: Pick<BuiltSite, "has" | "origin">,
  loc: string,
  kind: "urlset" | "sitemapindex",
): string | undefined {
  if (!/^https?:\/\/[^/]/i.test(loc) || !URL.canParse(loc)) return "is not an absolute URL";
  const url = new URL(loc);
  if (site.origin !== undefined && url.origin !== site.origin) return `is not on ${site.origin}`;
  const target = resolveFile(site, url.pathname);
  if (!target.exists) return `${kind === "urlset" ? "has no page" : "is missing"} (no file ${target.file})`;
  if (kind === "urlset" && !target.file.endsWith(".html")) return `is not a page (${target.file})`;
  return undefined;
}

/** Each `<loc>` of one sitemap that is not a file of the site, then the file's own problems. */
export function sitemapProblems(site: Pick<BuiltSite, "has" | "origin">, facts: SitemapFacts): string[] {
  const item = facts.kind === "urlset" ? "url" : "sitemap";
  return [
    ...facts.locs.flatMap((loc) => {
      if (loc === null) return [`<${item}> without <loc>`];
      const problem = locProblem(site, loc, facts.kind);
      return problem ? [`<loc>${loc}</loc> ${problem}`] : [];
    }),
    ...facts.problems,
  ];
}

/** Each `Sitemap:` line of robots.txt names a sitemap the site has. */
export function robotsProblems(site: BuiltSite): CheckProblem[] {
  if (!site.has("robots.txt")) return [];
  return site
    .read("robots.txt")
    .split("\n")
    .flatMap((line) => /^sitemap:\s*(\S+)/i.exec(line.trim())?.[1] ?? [])
    .flatMap((loc): CheckProblem[] => {
      const problem = locProblem(site, loc, "sitemapindex");
      return problem ? [{ file: "robots.txt", message: `Sitemap: ${loc} ${problem}` }] : [];
    });
}
