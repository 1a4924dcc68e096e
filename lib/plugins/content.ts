/**
 * The content stages as Eleventy runs them, once per build (and per dev-server rebuild):
 * photos → content (read and check every issue once) → views. Templates then render the
 * views: the issue files themselves are never Eleventy templates, so nothing parses them twice.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";
import { timePhase } from "../build/phases.ts";
import {
  ContentError,
  findLinksToHiddenIssues,
  formatProblem,
  isPublishable,
  loadIssues,
  nextDueIssue,
  readIssueSources,
  toFocusSources,
} from "../content.ts";
import { buildTime } from "../dates.ts";
import type { Authors, Site, Topics } from "../schema.ts";
import { viewIssue } from "../views/issue.ts";
import { buildSiteViews, type SiteViews, VIEWS_EVENT } from "../views/site.ts";
import { describePhotoProblem, type PhotoDesk } from "./photos.ts";

/** Written into the site root by every build: `{ "nextDue": "<UTC date-time>" | null }`. */
export const SCHEDULE_FILE = "schedule.json";

export interface ContentOptions {
  site: Site;
  /** The photo desk: runs first, so the checks can read each photo's own credit. */
  photos: PhotoDesk;
  authors: Authors;
  topics: Topics;
  /** Folder of issues, relative to the project root. */
  issuesDir: string;
  /** Renders issue bodies (the photo desk's figures included). */
  markdown: MarkdownIt;
}

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
  let views: SiteViews | undefined;
  let nextDue: string | null = null;

  // Issue files are data for the stages below, not templates; the dev server still
  // rebuilds when one changes, is added or is deleted.
  eleventyConfig.ignores.add(`${options.issuesDir}/**`);
  eleventyConfig.addWatchTarget(`${options.issuesDir}/`);

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    views = undefined;
    // Each issue file is read and split once; the photos and the checks share the result.
    const sources = readIssueSources(process.cwd(), options.issuesDir);
    const photoProblems = await timePhase("photos", () =>
      options.photos.prepare(directories.output, toFocusSources(sources)),
    );
    const { issues, problems, warnings } = await timePhase("content", async () =>
      loadIssues({
        sources,
        root: process.cwd(),
        issuesDir: options.issuesDir,
        photosDir: options.photos.options.photosDir,
        site,
        authors,
        topics,
        photos: options.photos.manifest,
      }),
    );
    for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
    const all = [...photoProblems.map(describePhotoProblem), ...problems];
    if (all.length > 0) throw new ContentError(all);
    const shown = showUnpublished ? issues : issues.filter((issue) => isPublishable(issue, now));
    nextDue = nextDueIssue(issues, now);
    const hiddenLinks = findLinksToHiddenIssues(shown, issues, options.issuesDir, now);
    if (hiddenLinks.length > 0) throw new ContentError(hiddenLinks);
    const issueUrls = new Map(shown.map((issue) => [issue.inputPath, issue.url]));
    const context = {
      authors,
      topics,
      renderBody: (body: string, sourceFile?: string) =>
        options.markdown.render(body, { sourceFile, issueUrls, issuesDir: options.issuesDir }),
    };
    views = await timePhase("views", () =>
      buildSiteViews(
        shown.map((issue) => viewIssue(issue, context)),
        { site, authors, topics },
      ),
    );
    await eleventyConfig.emit(VIEWS_EVENT, views);
  });

  // The scheduled publishing function (netlify/functions/) reads when the next issue is due.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await writeFile(path.join(directories.output, SCHEDULE_FILE), `${JSON.stringify({ nextDue })}\n`);
  });

  // Read after eleventy.before: Eleventy asks for global data when it renders.
  eleventyConfig.addGlobalData("views", () => {
    if (!views) throw new Error("the content stage has not run");
    return views;
  });
  eleventyConfig.addGlobalData("buildTime", now.toISO() ?? "");
  // Dev server and DATELINE_DRAFTS=1: pages add what only the writer needs (word count).
  eleventyConfig.addGlobalData("preview", showUnpublished);
  eleventyConfig.addGlobalData("directory", { authors, topics });
}
