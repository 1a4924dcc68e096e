/**
 * The pipeline (lib/pipeline/run.ts) as Eleventy runs it, once per build and per dev-server
 * rebuild; its views become global data. Templates then render the views: the issue files
 * themselves are never Eleventy templates, so nothing parses them twice.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, watch, writeFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";
import { codeDigest } from "../build/code-digest.ts";
import { OutputStore, outputStoreSettings } from "../build/output-store.ts";
import { liveFolderOf } from "../build/swap.ts";
import type { EntityKind } from "../contract/entities.ts";
import type { Authors, Site, Topics } from "../contract/schema.ts";
import { NAVIGATION, PAGE_PATHS } from "../contract/urls.ts";
import type { FeedContext } from "../outputs/feeds/channel.ts";
import { contentCacheDir, openCheckStore } from "../pipeline/content/check-store.ts";
import type { PhotoDesk } from "../pipeline/photos/desk.ts";
import { runPipeline } from "../pipeline/run.ts";
import { buildSiteViews, type SiteViews, VIEWS_EVENT } from "../pipeline/views/site.ts";
import { openViewStore, viewCacheDir } from "../pipeline/views/view-store.ts";
import { buildTime } from "../shared/dates.ts";
import { buildPhases } from "../shared/phases.ts";
import { ContentError, formatProblem } from "../shared/problems.ts";
import { type KnownHash, sha256 } from "../shared/store.ts";
import { insertDevBanner } from "./dev-banner.ts";
import { memorySource, type OutputCounts, type OutputPlan, planOutputs } from "./output-plan.ts";

/** The event the content plugin emits after the render, with how many outputs it rendered and took from the store. */
export const OUTPUTS_EVENT = "dateline.outputs";

/** What the content plugin says after the render: the counts, and each output's hash as the store placed it. */
export interface RenderedOutputs extends OutputCounts {
  /** Outputs taken from or kept in the store, by absolute path: the checks need not read them again. */
  known: ReadonlyMap<string, KnownHash>;
}

/** Written into the site root by every build: `{ "nextDue": "<UTC date-time>" | null }`. */
const SCHEDULE_FILE = "schedule.json";

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
  /** `_data/people.ts`, `_data/places.ts`, `_data/organisations.ts` as loaded, checked here each build. */
  entities: Record<EntityKind, unknown>;
  /** `_data/threads.ts` as loaded, checked here each build. */
  threads: unknown;
  /** What the feeds are made from besides the views (the feeds plugin's own options): their keys need it. */
  feeds: FeedContext;
}

/**
 * Production hides drafts and future issues; the dev server shows them, and so does a
 * build with DATELINE_DRAFTS=1 (a preview to send an editor).
 */
function isPreview(env: Record<string, string | undefined> = process.env): boolean {
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
  /** The dev server's last views without problems: what it serves while the content has problems. */
  let lastGoodViews: SiteViews | undefined;
  /** Problem lines the dev server shows on every page; empty when the content is fine. */
  let shownProblems: string[] = [];
  /** Warning lines the dev server shows on every page (a production build prints them only). */
  let shownWarnings: string[] = [];
  /** Which outputs this build renders; the rest come from the output store (output-plan.ts). */
  let plan: OutputPlan | undefined;
  let store: OutputStore | undefined;
  /** The dev server keeps what it wrote on earlier rebuilds, by key, in its own output folder. */
  const devServerOutputs = memorySource();

  // Issue files are data for the stages below, not templates; the dev server still
  // rebuilds when one changes, is added or is deleted.
  eleventyConfig.ignores.add(`${options.issuesDir}/**`);
  eleventyConfig.addWatchTarget(`${options.issuesDir}/`);
  if (isServing(undefined)) rebuildOnDeletion(eleventyConfig, options.issuesDir);

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    views = undefined;
    const serving = isServing(runMode);
    const liveOutput = liveFolderOf(directories.output);
    const code = codeDigest(process.cwd(), options.issuesDir);
    // Unchanged issues are not checked again (check-store.ts), and their views come from the
    // view store, not a Markdown render (view-store.ts).
    const checkStore = openCheckStore(contentCacheDir(), code);
    const viewStore = openViewStore(viewCacheDir(), code);
    const result = await runPipeline({
      root: process.cwd(),
      issuesDir: options.issuesDir,
      mode: showUnpublished ? "preview" : "production",
      now,
      data: { site, authors, topics, entities: options.entities, threads: options.threads },
      photos: options.photos,
      markdown: options.markdown,
      output: directories.output,
      // A staged build reuses the live site's unchanged photos (lib/pipeline/photos/publish.ts).
      ...(liveOutput ? { liveOutput } : {}),
      viewStore,
      checkStore,
      phases: buildPhases,
    });
    await Promise.all([checkStore.finish(), viewStore.finish()]);
    for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
    shownWarnings = serving ? result.warnings.map(formatProblem) : [];
    if (!result.views) {
      if (!serving) throw new ContentError(result.problems);
      // The dev server keeps serving the last good pages, each with the problems on top,
      // and the terminal gets the problem lines without a stack trace.
      shownProblems = result.problems.map(formatProblem);
      console.error(
        `${new ContentError(result.problems).message}\n(the pages show them too; save a fix to clear them)`,
      );
      views = lastGoodViews ?? (await buildSiteViews([], { site, authors, topics }));
      plan = planRender(views, directories.output, serving, code);
      await eleventyConfig.emit(VIEWS_EVENT, views);
      return;
    }
    shownProblems = [];
    nextDue = result.nextDue;
    views = result.views;
    if (serving && lastGoodViews) await removeStalePages(directories.output, lastGoodViews, views);
    lastGoodViews = views;
    plan = planRender(views, directories.output, serving, code);
    await eleventyConfig.emit(VIEWS_EVENT, views);
  });

  /** Keys every output, and takes those the store holds (the dev server: those it already wrote). */
  function planRender(siteViews: SiteViews, output: string, serving: boolean, code: string): OutputPlan {
    // The data records (authors, topics, entities, threads) are not here: no template reads
    // them (tests/templates.test.ts), so what a page shows of them is in its own view.
    const shell = {
      site,
      siteCard: options.photos.entry(site.card.src) ?? null,
      preview: showUnpublished,
      problems: shownProblems,
      warnings: shownWarnings,
    };
    const base = sha256(`${code}\0${JSON.stringify(shell)}`);
    store = serving ? undefined : new OutputStore(outputStoreSettings().root);
    return planOutputs(
      { views: siteViews, feeds: options.feeds, buildTime: now.toISO() ?? "" },
      {
        source: store ?? devServerOutputs,
        output,
        base,
        verify: !serving && process.env.DATELINE_VERIFY_OUTPUTS === "1",
      },
    );
  }

  // In the dev server, every HTML page opens with the content's problems and warnings while there are any.
  eleventyConfig.addTransform(
    "dateline-content-problems",
    function (this: { page: { outputPath?: unknown } }, content: string) {
      const output = this.page.outputPath;
      if (typeof output !== "string" || !output.endsWith(".html")) return content;
      return insertDevBanner(content, shownProblems, shownWarnings);
    },
  );

  // The scheduled publishing function (netlify/functions/) reads when the next issue is due.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await writeFile(path.join(directories.output, SCHEDULE_FILE), `${JSON.stringify({ nextDue })}\n`);
    const counts: OutputCounts | undefined = plan?.finish();
    store?.finish();
    if (counts) {
      const outputs: RenderedOutputs = { ...counts, known: store?.placed() ?? new Map() };
      await eleventyConfig.emit(OUTPUTS_EVENT, outputs);
    }
  });

  // Read after eleventy.before: Eleventy asks for global data when it renders.
  eleventyConfig.addGlobalData("views", () => {
    if (!views) throw new Error("the content stage has not run");
    return views;
  });
  // What the paginated templates render this build: the outputs whose key the store lacks.
  eleventyConfig.addGlobalData("outputs", () => {
    if (!plan) throw new Error("the content stage has not run");
    return plan.lists;
  });
  eleventyConfig.addGlobalData("buildTime", now.toISO() ?? "");
  // Dev server and DATELINE_DRAFTS=1: pages add what only the writer needs (word count).
  eleventyConfig.addGlobalData("preview", showUnpublished);
  // The site's shell: every fixed path (lib/contract/urls.ts) and the masthead's sections.
  eleventyConfig.addGlobalData("paths", PAGE_PATHS);
  eleventyConfig.addGlobalData("navigation", NAVIGATION);
}

/** Whether Eleventy runs as the dev server (or a watch), where content problems are shown, not thrown. */
function isServing(runMode: unknown, env: Record<string, string | undefined> = process.env): boolean {
  const mode = typeof runMode === "string" ? runMode : env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}

/** Removes the pages of issues that are gone (a deleted or renamed file) from the dev server's output. */
async function removeStalePages(output: string, before: SiteViews, after: SiteViews): Promise<void> {
  const kept = new Set(after.issues.map((issue) => issue.url));
  for (const { url } of before.issues) {
    if (!kept.has(url)) await rm(path.join(output, url), { recursive: true, force: true });
  }
}

/**
 * Eleventy's watcher only logs a deleted file, so the dev server would keep a deleted issue
 * until the next save. A marker file outside the project is a watch target: touching it when
 * an issue file disappears makes Eleventy rebuild, and the rebuild removes the stale page.
 */
function rebuildOnDeletion(eleventyConfig: UserConfig, issuesDir: string): void {
  // One folder per project, reused by every dev-server run, so a killed server leaves nothing new behind.
  const project = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  const folder = path.join(os.tmpdir(), `dateline-dev-${project}`);
  mkdirSync(folder, { recursive: true });
  const marker = path.join(folder, "issue-deleted");
  writeFileSync(marker, "");
  eleventyConfig.addWatchTarget(marker);
  const root = path.resolve(issuesDir);
  if (!existsSync(root)) return;
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    if (typeof name === "string" && name.endsWith(".md") && !existsSync(path.join(root, name))) {
      writeFileSync(marker, `${name}\n`);
    }
  });
  watcher.unref();
}
