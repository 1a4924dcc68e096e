/**
 * Every `<loc>` of every sitemap (sitemap.xml, news-sitemap.xml, and any other `urlset` or
 * `sitemapindex`) is an absolute URL on the site that maps to a built page: a crawler told
 * about a page that is not there files a soft 404 against the site.
 */
import { type BuiltSite, type CheckProblem, resolveFile } from "./site.ts";
import { childNamed, childrenNamed, readXml, SITEMAP_NS } from "./xml.ts";

/** The site's sitemaps and sitemap indexes, by their root element. */
export function findSitemaps(site: BuiltSite): { file: string; kind: "urlset" | "sitemapindex" }[] {
  return site.files.flatMap((file) => {
    if (!file.endsWith(".xml")) return [];
    const result = readXml(site, file);
    if (!("root" in result) || result.root.uri !== SITEMAP_NS) return [];
    const kind = result.root.local;
    return kind === "urlset" || kind === "sitemapindex" ? [{ file, kind }] : [];
  });
}

/**
 * What is wrong with one sitemap URL, if anything, after the URL itself: a `urlset` entry must
 * be a page, a sitemap-index or robots.txt entry any file.
 */
function locProblem(site: BuiltSite, loc: string, kind: "urlset" | "sitemapindex"): string | undefined {
  if (!/^https?:\/\/[^/]/i.test(loc) || !URL.canParse(loc)) return "is not an absolute URL";
  const url = new URL(loc);
  if (site.origin !== undefined && url.origin !== site.origin) return `is not on ${site.origin}`;
  const target = resolveFile(site, url.pathname);
  if (!target.exists) return `${kind === "urlset" ? "has no page" : "is missing"} (no file ${target.file})`;
  if (kind === "urlset" && !target.file.endsWith(".html")) return `is not a page (${target.file})`;
  return undefined;
}

/** Each `Sitemap:` line of robots.txt names a sitemap the site has. */
function robotsProblems(site: BuiltSite): CheckProblem[] {
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

/** Each `<loc>` that is not an existing page of the site, and each robots.txt sitemap that is missing. */
export async function checkSitemaps(site: BuiltSite): Promise<CheckProblem[]> {
  const fromSitemaps = findSitemaps(site).flatMap(({ file, kind }) => {
    const result = readXml(site, file);
    if (!("root" in result)) return [];
    const item = kind === "urlset" ? "url" : "sitemap";
    return childrenNamed(result.root, SITEMAP_NS, item).flatMap((entry): CheckProblem[] => {
      const loc = childNamed(entry, SITEMAP_NS, "loc")?.text.trim();
      if (!loc) return [{ file, message: `<${item}> without <loc>` }];
      const problem = locProblem(site, loc, kind);
      return problem ? [{ file, message: `<loc>${loc}</loc> ${problem}` }] : [];
    });
  });
  return [...fromSitemaps, ...robotsProblems(site)];
}
