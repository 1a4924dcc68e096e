/**
 * Checks across the corpus: every issue read and checked, then what only the whole set shows
 * (two issues on one URL, numbers, links to missing, draft or future issues), so one failed
 * build lists every problem in every file, not only the first.
 */
import path from "node:path";
import { closest, distance } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import type { Problem } from "../../shared/problems.ts";
import { type CheckContext, checkIssueSource, type Issue } from "./check-issue.ts";
import { type CheckStore, checkContextDigest, checkKey } from "./check-store.ts";
import { findLinks, isSourceLink, sourceLinkCandidates } from "./markdown.ts";
import { checkIssueNumbers } from "./numbering.ts";
import { type IssueSource, readIssueSources } from "./read.ts";

export interface LoadOptions extends CheckContext {
  /** Project root: paths in problems are relative to it. */
  root: string;
  /** Folder of issues, relative to root. */
  issuesDir: string;
  /** The files already read (`readIssueSources`); read from `issuesDir` when absent. */
  sources?: readonly IssueSource[];
  /** Checked issues kept from earlier runs (check-store.ts); without it every issue is checked. */
  checkStore?: CheckStore;
}

/** Reads and checks every issue. Problems include URL clashes between issues. */
export function loadIssues(options: LoadOptions): {
  issues: Issue[];
  problems: Problem[];
  warnings: Problem[];
} {
  const sources = options.sources ?? readIssueSources(options.root, options.issuesDir);
  const issues: Issue[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const { checkStore } = options;
  const contextDigest = checkStore ? checkContextDigest(options) : "";
  for (const source of sources) {
    const key = checkStore ? checkKey(contextDigest, source) : undefined;
    const check = () => checkIssueSource(source, options);
    const result =
      checkStore && key !== undefined
        ? checkStore.remember(key, source.frontMatter?.body, options.site.timeZone, check)
        : check();
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.issue) issues.push(result.issue);
  }
  const byUrl = new Map<string, Issue>();
  for (const issue of issues) {
    const earlier = byUrl.get(issue.url);
    if (earlier) {
      problems.push({
        file: issue.inputPath,
        field: "date",
        message: `publishes at ${issue.url}, which ${earlier.inputPath} already uses — rename one of the files`,
      });
    } else {
      byUrl.set(issue.url, issue);
    }
  }
  problems.push(...findMissingSourceLinks(sources, options.issuesDir));
  const numbers = checkIssueNumbers(issues, options.site.numberedIssues === true);
  problems.push(...numbers.problems);
  warnings.push(...numbers.warnings);
  return { issues, problems, warnings };
}

/**
 * Links to issue source files (`../2025/x.md`) that name no file, with the nearest file as a
 * did-you-mean, written from the linking file as the writer wrote theirs.
 */
function findMissingSourceLinks(sources: readonly IssueSource[], issuesDir: string): Problem[] {
  const files = sources.map((source) => source.file);
  const known = new Set(files);
  const problems: Problem[] = [];
  for (const source of sources) {
    if (!source.frontMatter) continue;
    const { body, bodyLine } = source.frontMatter;
    for (const { href, line } of findLinks(body)) {
      if (!isSourceLink(href)) continue;
      const { files: candidates, path: linkPath } = sourceLinkCandidates(source.file, href, issuesDir);
      if (candidates.some((candidate) => known.has(candidate))) continue;
      const meant = candidates[0] ?? linkPath;
      const nearest = files.length > 0 ? closest(meant, files) : undefined;
      const close =
        nearest !== undefined &&
        distance(path.posix.basename(meant), path.posix.basename(nearest)) <=
          Math.max(3, Math.floor(path.posix.basename(meant).length / 3));
      const fix =
        close && nearest
          ? `did you mean ${path.posix.relative(path.posix.dirname(source.file), nearest)}?`
          : `link to an issue's file in ${issuesDir}/, e.g. ../2025/istanbul-talks.md`;
      problems.push({
        file: source.file,
        field: "body",
        message: `line ${bodyLine + line - 1}: links to ${linkPath}, which does not exist — ${fix}`,
      });
    }
  }
  return problems;
}

/**
 * Links from issues about to be shown to issues that are not (a draft, or dated after the
 * build): in production they would lead readers to a page that does not exist yet.
 */
export function findLinksToHiddenIssues(
  shown: readonly Issue[],
  all: readonly Issue[],
  issuesDir: string,
  now: DateTime,
): Problem[] {
  const shownFiles = new Set(shown.map((issue) => issue.inputPath));
  const byFile = new Map(all.map((issue) => [issue.inputPath, issue]));
  const problems: Problem[] = [];
  for (const issue of shown) {
    for (const { href, line } of findLinks(issue.body)) {
      if (!isSourceLink(href)) continue;
      const { files, path: linkPath } = sourceLinkCandidates(issue.inputPath, href, issuesDir);
      const target = files.map((file) => byFile.get(file)).find((found) => found !== undefined);
      if (!target || shownFiles.has(target.inputPath)) continue;
      const why =
        target.data.draft === true
          ? "a draft"
          : `dated ${target.data.date}, after this build (${now.toISO({ suppressMilliseconds: true })})`;
      problems.push({
        file: issue.inputPath,
        field: "body",
        message: `line ${(issue.bodyLine ?? 1) + line - 1}: links to ${linkPath}, which is ${why} — publish it first, or remove the link until it is out`,
      });
    }
  }
  return problems;
}
