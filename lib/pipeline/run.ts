/**
 * The pipeline as one plain function: photos → content (every issue read and checked once) →
 * views. `npm run build` and the dev server (through lib/eleventy/content.ts), `npm run email`
 * and the tests all call it, so each gets the same views from the same input.
 */

import type { DateTime } from "luxon";
import type { MarkdownIt } from "markdown-it";
import { checkEntities, type EntityKind } from "../contract/entities.ts";
import type { Authors, Site, Topics } from "../contract/schema.ts";
import { checkThreads } from "../contract/threads.ts";
import type { PhaseRecorder } from "../shared/phases.ts";
import type { Problem } from "../shared/problems.ts";
import { sha256 } from "../shared/store.ts";
import type { Issue } from "./content/check-issue.ts";
import type { CheckStore } from "./content/check-store.ts";
import { findLinksToHiddenIssues, loadIssues } from "./content/load-issues.ts";
import { findFutureNotes, isPublishable, nextDueIssue } from "./content/publication.ts";
import { readIssueSources, toFocusSources } from "./content/read.ts";
import { describePhotoProblem, type PhotoDesk } from "./photos/desk.ts";
import { type IssueView, viewIssue } from "./views/issue.ts";
import { buildSiteViews, type SiteViews } from "./views/site.ts";
import type { KeptView, ViewStore } from "./views/view-store.ts";

/** The site's data files as loaded (`_data/*.ts`); the entity and thread records are checked here. */
export interface SiteData {
  site: Site;
  authors: Authors;
  topics: Topics;
  /** `_data/people.ts`, `_data/places.ts`, `_data/organisations.ts`, unchecked. */
  entities: Record<EntityKind, unknown>;
  /** `_data/threads.ts`, unchecked. */
  threads: unknown;
}

export interface PipelineOptions {
  /** Project root: problems name files relative to it. */
  root: string;
  /** Folder of issues, relative to the root. */
  issuesDir: string;
  /** "production" publishes what is due; "preview" (dev server, DATELINE_DRAFTS=1) shows drafts and future issues too. */
  mode: "production" | "preview";
  /** The build's clock (`buildTime()`): what is due, and when the next issue falls due. */
  now: DateTime;
  data: SiteData;
  /** The photo desk, which publishes renditions into `<output>/photos`. */
  photos: PhotoDesk;
  /** Renders bodies, with the desk's figures. */
  markdown: MarkdownIt;
  /** The site folder being written. */
  output: string;
  /** Issue views kept between builds (views/view-store.ts); without it, views are made afresh. */
  viewStore?: ViewStore;
  /** Checked issues kept between runs (content/check-store.ts); without it, every issue is checked. */
  checkStore?: CheckStore;
  /** The live site when `output` is a staged build that will replace it (its photos are reused). */
  liveOutput?: string;
  /**
   * Build the views even when some files have problems, from the issues that passed (the email
   * script renders one issue whatever the others hold). Off: views only for a clean corpus.
   */
  viewsDespiteProblems?: boolean;
  /** Announces and times photos, content and views (the build's phase line); silent without. */
  phases?: Pick<PhaseRecorder, "time">;
}

export interface PipelineResult {
  /** What every page, feed and email reads; absent when there are problems (unless asked for). */
  views?: SiteViews;
  /** Everything the writer must fix, every file at once. */
  problems: Problem[];
  warnings: Problem[];
  /** When the next scheduled issue falls due (UTC ISO), or null. */
  nextDue: string | null;
  /** Every issue that passed its checks, drafts and future issues included. */
  issues: Issue[];
}

/** Runs photos → content → views once. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { data, now, issuesDir, root } = options;
  const { site, authors, topics } = data;
  const timePhase = <T>(name: string, fn: () => T | Promise<T>): Promise<T> =>
    options.phases ? options.phases.time(name, fn) : Promise.resolve(fn());
  // Each issue file is read and split once; the photos and the checks share the result.
  const sources = readIssueSources(root, issuesDir);
  const photoProblems = await timePhase("photos", () =>
    options.photos.prepare(options.output, toFocusSources(sources), options.liveOutput),
  );
  const checkedEntities = checkEntities(data.entities);
  const { entities } = checkedEntities;
  const checkedThreads = checkThreads(data.threads);
  const { threads } = checkedThreads;
  const loaded = await timePhase("content", async () =>
    loadIssues({
      sources,
      root,
      issuesDir,
      photosDir: options.photos.options.photosDir,
      site,
      authors,
      topics,
      photos: options.photos.manifest,
      // Broken records are reported below, and the issues' entity fields are then left unchecked.
      ...(entities ? { entities } : {}),
      ...(threads ? { threads } : {}),
      ...(options.checkStore ? { checkStore: options.checkStore } : {}),
    }),
  );
  const { issues, warnings } = loaded;
  const problems = [...checkedEntities.problems, ...checkedThreads.problems, ...loaded.problems];
  const shown = options.mode === "preview" ? issues : issues.filter((issue) => isPublishable(issue, now));
  const all = [
    ...photoProblems.map(describePhotoProblem),
    ...problems,
    ...(problems.length === 0 ? findLinksToHiddenIssues(shown, issues, issuesDir, now) : []),
    ...findFutureNotes(issues, now),
  ];
  const nextDue = nextDueIssue(issues, now);
  const early = options.mode === "production" ? clockBeforeEveryIssue(issues, now) : undefined;
  if (early) all.push(early);
  if (all.length > 0 && !options.viewsDespiteProblems) return { problems: all, warnings, nextDue, issues };

  const issueUrls = new Map(shown.map((issue) => [issue.inputPath, issue.url]));
  const photoDigest = (src: string): string | null => {
    const entry = options.photos.entry(src);
    return entry ? sha256(JSON.stringify(entry)) : null;
  };
  /** Makes an issue's view, noting the other issues' URLs and the photos it looked up. */
  const makeView = (issue: Issue): KeptView => {
    const urls: Record<string, string | null> = {};
    const recordingUrls = {
      get: (file: string) => {
        const url = issueUrls.get(file);
        urls[file] = url ?? null;
        return url;
      },
    };
    const context = {
      timeZone: site.timeZone,
      authors,
      topics,
      entities,
      threads,
      numberedIssues: site.numberedIssues === true,
      ...(site.defaultType ? { defaultType: site.defaultType } : {}),
      ...(site.policies?.unnamedSources ? { unnamedSourcesPolicy: site.policies.unnamedSources } : {}),
      photos: options.photos,
      renderBody: (body: string, sourceFile?: string) =>
        options.markdown.render(body, { sourceFile, issueUrls: recordingUrls, issuesDir }),
    };
    const { result: view, looked } = options.photos.recordLookups(() => viewIssue(issue, context));
    return { view, urls, photos: Object.fromEntries(looked.map((src) => [src, photoDigest(src)])) };
  };
  /** A kept view holds while every URL and photo it looked up is as it was. */
  const stillHolds = (kept: KeptView): boolean =>
    Object.entries(kept.urls).every(([file, url]) => (issueUrls.get(file) ?? null) === url) &&
    Object.entries(kept.photos).every(([src, digest]) => photoDigest(src) === digest);
  // Everything else an issue's view is made from besides the issue: with the issue, its key.
  const sharedDigest = sha256(JSON.stringify({ site, authors, topics, entities, threads, issuesDir }));
  const views = await timePhase("views", () =>
    buildSiteViews(
      shown.map((issue) =>
        rememberedView(sha256(`${sharedDigest}\0${JSON.stringify(issue)}`), {
          make: () => makeView(issue),
          holds: stillHolds,
          store: options.viewStore,
        }),
      ),
      { site, authors, topics, entities, ...(threads ? { threads } : {}) },
    ),
  );
  forgetUnusedViews();
  return { views, problems: all, warnings, nextDue, issues };
}

/**
 * Issue views by key (the issue and what all views share), each with the other issues' URLs and
 * the photos it looked up, kept from one run to the next in the same process (the dev server
 * re-renders only the issue a save changed) and, with a `viewStore`, between builds. Views are
 * plain data and never changed once made.
 */
let viewsByKey = new Map<string, KeptView>();
let viewsUsed = new Map<string, KeptView>();

function rememberedView(
  key: string,
  how: { make: () => KeptView; holds: (kept: KeptView) => boolean; store: ViewStore | undefined },
): IssueView {
  const remembered = viewsByKey.get(key);
  let kept = remembered && how.holds(remembered) ? remembered : undefined;
  if (kept) how.store?.keep(key);
  else {
    const stored = how.store?.read(key);
    kept = stored && how.holds(stored) ? stored : undefined;
  }
  if (!kept) {
    kept = how.make();
    how.store?.write(key, kept);
  }
  viewsUsed.set(key, kept);
  return kept.view;
}

/** Keeps only this run's views, so the memo holds one site's worth at most. */
function forgetUnusedViews(): void {
  viewsByKey = viewsUsed;
  viewsUsed = new Map();
}

/**
 * A production build whose clock is before every issue that is not a draft: it would publish an
 * empty site, and the scheduled function would rebuild it every quarter hour. Almost always a
 * wrong SOURCE_DATE_EPOCH (0, or seconds taken for milliseconds) or a machine's wrong clock.
 */
function clockBeforeEveryIssue(issues: readonly Issue[], now: DateTime): Problem | undefined {
  const candidates = issues.filter((issue) => issue.data.draft !== true);
  if (candidates.length === 0 || candidates.some((issue) => isPublishable(issue, now))) return undefined;
  const first = [...candidates].sort((a, b) => a.published.toMillis() - b.published.toMillis())[0];
  if (!first) return undefined;
  return {
    file: "the build's clock",
    field: "",
    message: `${now.toUTC().toISO({ suppressMilliseconds: true })} is before every issue, the first dated ${first.data.date} (${first.inputPath}), so the site would be empty — set SOURCE_DATE_EPOCH to a later time (date +%s), or unset it to build at the current time`,
  };
}
