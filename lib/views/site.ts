/**
 * Every listing the site shows, computed once per build from the issue views: the home
 * pages, the archive, the topic and author listings, and each issue page's neighbours and
 * related issues. Pages and feeds read these; none of them sorts or searches again.
 */
import {
  type ArchiveYearPage,
  type ArchiveYearSummary,
  archiveOverview,
  archiveYearPages,
  findNeighbours,
  findRelated,
  groupBy,
  groupByMonth,
  type ListingPage,
  type Page,
  paginate,
  paginateGroups,
  sortNewestFirst,
} from "../collections.ts";
import type { Authors, Site, Topics } from "../schema.ts";
import { authorUrl, homeUrl, outputFileOf, topicUrl } from "../urls.ts";
import type { IssueView } from "./issue.ts";

/** One issue page: the issue and what the page links around it. */
export interface IssuePage {
  issue: IssueView;
  newer?: IssueView;
  older?: IssueView;
  related: IssueView[];
}

export interface SiteViews {
  /** Newest first. */
  issues: IssueView[];
  issuePages: IssuePage[];
  homePages: Page<IssueView>[];
  /** `/archive/`: years and months with counts. */
  archive: ArchiveYearSummary[];
  /** `/archive/<yyyy>/` and, for a busy year, its further pages. */
  archiveYearPages: ArchiveYearPage<IssueView>[];
  topicPages: ListingPage<IssueView>[];
  authorPages: ListingPage<IssueView>[];
}

export interface SiteViewContext {
  site: Pick<Site, "pageSize" | "timeZone">;
  authors: Authors;
  topics: Topics;
}

/** How many related issues an issue page shows. */
export const RELATED_LIMIT = 3;

export function buildSiteViews(views: readonly IssueView[], context: SiteViewContext): SiteViews {
  const { site, authors, topics } = context;
  const issues = sortNewestFirst(views);
  const yearPages = archiveYearPages(groupByMonth(issues, site.timeZone));
  return {
    issues,
    issuePages: issues.map((issue) => ({
      issue,
      ...findNeighbours(issues, issue.url),
      related: findRelated(issues, issue.url, RELATED_LIMIT),
    })),
    homePages: paginate(issues, site.pageSize, homeUrl),
    archive: archiveOverview(yearPages),
    archiveYearPages: yearPages,
    topicPages: paginateGroups(
      Object.keys(topics),
      groupBy(issues, (issue) => issue.data.topics),
      site.pageSize,
      topicUrl,
    ),
    authorPages: paginateGroups(
      Object.keys(authors),
      groupBy(issues, (issue) => issue.data.authors),
      site.pageSize,
      authorUrl,
    ),
  };
}

/** The event the content stage emits with this build's views (the build script listens). */
export const VIEWS_EVENT = "dateline.views";

/** Each issue page's output file and the source file it comes from, for check messages. */
export function pageSources(views: Pick<SiteViews, "issues">): Record<string, string> {
  return Object.fromEntries(views.issues.map((issue) => [outputFileOf(issue.url), issue.inputPath]));
}
