/**
 * sitemap.xml, the Google News sitemap and robots.txt, rendered from the built pages.
 * Templates in src/ stay one line each; the logic lives here and in lib/sitemaps.ts.
 */

import type UserConfig from "@11ty/eleventy/UserConfig";
import type { CollectionItem } from "@11ty/eleventy/UserConfig";
import type { IssueFrontMatter, Site } from "../contract/schema.ts";
import { PAGE_PATHS } from "../contract/urls.ts";
import { absoluteUrl } from "../outputs/filters/absolute-url.ts";
import {
  renderNewsSitemap,
  renderRobots,
  renderSitemaps,
  SITEMAP_LIMITS,
  type SitemapEntry,
  type SitemapFile,
  type SitemapLimits,
  selectNewsEntries,
} from "../outputs/sitemaps.ts";
import type { IssueView } from "../pipeline/views/issue.ts";
import { inZone, isoDateTime } from "../shared/dates.ts";

export interface SitemapsOptions {
  site: Site;
  /** Where the sitemap splits into parts under a sitemap index; the protocol's limits by default. */
  sitemapLimits?: SitemapLimits;
}

type Page = Pick<CollectionItem, "url" | "outputPath" | "data">;
type IssuePage = Pick<CollectionItem<IssueFrontMatter>, "url" | "data">;
/** What an issue page (src/issue.njk) carries in its data. */
interface IssuePageData {
  issue: Pick<IssueView, "lastChange">;
}

export interface SitemapsData {
  /** `/sitemap.xml`, or a sitemap index there and its parts `/sitemap-1.xml`… */
  renderSitemaps: (pages: readonly Page[]) => SitemapFile[];
  renderNewsSitemap: (issues: readonly IssuePage[], buildTime: string) => string;
  renderRobots: () => string;
}

export default function sitemapsPlugin(
  eleventyConfig: UserConfig,
  { site, sitemapLimits = SITEMAP_LIMITS }: SitemapsOptions,
): void {
  const entries = (pages: readonly Page[]): SitemapEntry[] =>
    pages
      .filter((page) => typeof page.outputPath === "string" && page.outputPath.endsWith(".html"))
      .map((page) => ({
        url: absoluteUrl(page.url, site.url),
        ...(page.data.issuePage
          ? {
              lastmod: isoDateTime(
                (page.data.issuePage as IssuePageData).issue.lastChange.date,
                site.timeZone,
              ),
            }
          : {}),
      }))
      .sort((a, b) => a.url.localeCompare(b.url));
  const sitemaps: SitemapsData = {
    renderSitemaps: (pages) => renderSitemaps(entries(pages), site.url, sitemapLimits),
    renderNewsSitemap: (issues, buildTime) => {
      const dated = issues.map((issue) => ({ issue, published: inZone(issue.data.date, site.timeZone) }));
      const recent = selectNewsEntries(dated, inZone(buildTime, site.timeZone));
      return renderNewsSitemap(
        recent.map(({ issue, published }) => ({
          url: absoluteUrl(issue.url, site.url),
          title: issue.data.title,
          published: published.toISO({ suppressMilliseconds: true }) ?? "",
        })),
        { name: site.title, language: site.language },
      );
    },
    renderRobots: () =>
      renderRobots({
        siteUrl: site.url,
        sitemaps: [PAGE_PATHS.sitemap, PAGE_PATHS.newsSitemap],
        noindex: site.noindex,
      }),
  };
  eleventyConfig.addGlobalData("sitemaps", sitemaps);
}
