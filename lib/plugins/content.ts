/**
 * Issues as Eleventy sees them: checked before anything renders, drafts and future
 * issues dropped from production, and the collections every listing page reads.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { CollectionApi, CollectionItem } from "@11ty/eleventy/UserConfig";
import {
  findNeighbours,
  findRelated,
  groupBy,
  groupByMonth,
  type IssueLike,
  paginate,
  paginateGroups,
  sortNewestFirst,
} from "../collections.ts";
import { ContentError, formatProblem, isPublishable, issueUrl, loadIssues, parseYaml } from "../content.ts";
import { buildTime, inZone } from "../dates.ts";
import type { Authors, IssueFrontMatter, Site, Topics } from "../schema.ts";
import { removeControlCharacters } from "../text.ts";
import { describePhotoProblem, type PhotoDesk } from "./photos.ts";

export interface ContentOptions {
  site: Site;
  /** The photo desk: runs first, so the checks can read each photo's own credit. */
  photos: PhotoDesk;
  authors: Authors;
  topics: Topics;
  /** Folder of issues, relative to the project root. */
  issuesDir: string;
}

export type IssueItem = CollectionItem<IssueFrontMatter> & IssueLike;

/**
 * Production hides drafts and future issues; the dev server shows them, and so does a
 * build with DATELINE_DRAFTS=1 (a preview to send an editor).
 */
export function isPreview(env: Record<string, string | undefined> = process.env): boolean {
  return (
    env.DATELINE_DRAFTS === "1" || env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch"
  );
}

export default function contentPlugin(eleventyConfig: UserConfig, options: ContentOptions): void {
  const { site, authors, topics } = options;
  const now = buildTime();
  const showUnpublished = isPreview();

  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseYaml } });

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    const photoProblems = await options.photos.prepare(directories.output);
    const { problems, warnings } = loadIssues({
      root: process.cwd(),
      issuesDir: options.issuesDir,
      photosDir: options.photos.options.photosDir,
      site,
      authors,
      topics,
      photos: options.photos.manifest,
    });
    for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
    const all = [...photoProblems.map(describePhotoProblem), ...problems];
    if (all.length > 0) throw new ContentError(all);
  });

  // One pass over each issue before Eleventy computes its data: drop what production must
  // not publish, and set the URL /<yyyy>/<mm>/<slug>/ (cheaper than computed data).
  eleventyConfig.addPreprocessor("issues", "md", (data, content) => {
    if (!data.page.inputPath.startsWith(`./${options.issuesDir}/`) || typeof data.date !== "string") return;
    const published = inZone(data.date, site.timeZone);
    if (!showUnpublished && !isPublishable({ data: { draft: data.draft === true }, published }, now))
      return false;
    data.permalink = issueUrl(data.page.fileSlug, published);
    return removeControlCharacters(content);
  });

  // Several collections start from the sorted issues; sort once per build (per api object).
  const sortedIssues = new WeakMap<CollectionApi, IssueItem[]>();
  const issuesOf = (api: CollectionApi): IssueItem[] => {
    let issues = sortedIssues.get(api);
    if (!issues) {
      issues = sortNewestFirst(api.getFilteredByGlob(`./${options.issuesDir}/**/*.md`) as IssueItem[]);
      sortedIssues.set(api, issues);
    }
    return issues;
  };

  eleventyConfig.addCollection("issues", issuesOf);
  eleventyConfig.addCollection("homePages", (api) => paginate(issuesOf(api), site.pageSize, "/"));
  eleventyConfig.addCollection("archive", (api) => groupByMonth(issuesOf(api), site.timeZone));
  eleventyConfig.addCollection("topicPages", (api) =>
    paginateGroups(
      Object.keys(topics),
      groupBy(issuesOf(api), (item) => item.data.topics),
      site.pageSize,
      (id) => `/topics/${id}/`,
    ),
  );
  eleventyConfig.addCollection("authorPages", (api) =>
    paginateGroups(
      Object.keys(authors),
      groupBy(issuesOf(api), (item) => item.data.authors),
      site.pageSize,
      (id) => `/authors/${id}/`,
    ),
  );

  eleventyConfig.addFilter("neighbours", (items: IssueItem[], url: string) => findNeighbours(items, url));
  eleventyConfig.addFilter("related", (items: IssueItem[], url: string) => findRelated(items, url, 3));
  eleventyConfig.addGlobalData("buildTime", now.toISO() ?? "");
  eleventyConfig.addGlobalData("directory", { authors, topics });
}
