/**
 * Checked issues kept between builds and between the dev server's rebuilds. Checking one issue
 * (check-issue.ts) is a pure function of its file's text and of the check context: the site's
 * zone and numbering, the records it may name, the photos folder and this build's photo manifest.
 * Kept under the hash of those, an unchanged issue costs a lookup instead of a Markdown parse, a
 * schema check and a scan for unlisted names, which at 1,000 issues was most of the content stage.
 *
 * In memory the checked issue itself is kept; on disk (a JsonStore named by the code digest,
 * `node_modules/.cache/dateline-content/`, `DATELINE_CONTENT_CACHE`, `off` for none) its plain
 * parts, with its dates as instants revived in the site's zone, and its body's links, which the
 * corpus checks read next without parsing the body again.
 */
import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Problem } from "../../shared/problems.ts";
import { JsonStore, sha256, storeFolder } from "../../shared/store.ts";
import type { CheckContext, Issue } from "./check-issue.ts";
import { findLinks, rememberLinks } from "./markdown.ts";
import type { IssueSource } from "./read.ts";

const CONTENT_CACHE_VARIABLE = "DATELINE_CONTENT_CACHE";
const DEFAULT_CONTENT_CACHE_DIR = path.resolve(
  import.meta.dirname,
  "../../../node_modules/.cache/dateline-content",
);

const problemSchema = z.object({ file: z.string(), field: z.string(), message: z.string() });

/** A checked issue on disk; the store checks its bytes by hash, in a folder named by the code that wrote it. */
const storedCheckSchema = z.object({
  problems: z.array(problemSchema),
  warnings: z.array(problemSchema),
  issue: z
    .object({
      inputPath: z.string(),
      slug: z.string(),
      url: z.string(),
      data: z.custom<Issue["data"]>((value) => typeof value === "object" && value !== null),
      body: z.string(),
      bodyLine: z.number().optional(),
      published: z.number(),
      modified: z.number(),
    })
    .optional(),
  links: z.array(z.object({ href: z.string(), line: z.number() })),
});

type StoredCheck = z.infer<typeof storedCheckSchema>;

export interface CheckResult {
  issue?: Issue;
  problems: Problem[];
  warnings: Problem[];
}

/** Checked issues by key, from memory (this process's last run) or disk. */
export interface CheckStore {
  /**
   * The result under `key`, or `check()`'s, which is then kept. `zone` revives stored dates.
   */
  remember(key: string, body: string | undefined, zone: string, check: () => CheckResult): CheckResult;
  /** Waits for the writes and tidies what no run uses any more. */
  finish(): Promise<void>;
}

/** The folder from `DATELINE_CONTENT_CACHE`: the default when unset, false for `off`. */
export function contentCacheDir(env: Record<string, string | undefined> = process.env): string | false {
  return storeFolder(CONTENT_CACHE_VARIABLE, DEFAULT_CONTENT_CACHE_DIR, env);
}

/** What every issue's check reads besides its own file: one digest per run. */
export function checkContextDigest(context: CheckContext): string {
  return sha256(
    JSON.stringify({
      zone: context.site.timeZone,
      numbered: context.site.numberedIssues === true,
      authors: context.authors,
      topics: context.topics,
      photosDir: context.photosDir,
      photos: sha256(JSON.stringify(context.photos)),
      entities: context.entities ?? null,
      threads: context.threads ?? null,
    }),
  );
}

/** The key of one issue's check: the context's digest, its file and what was read of it. */
export function checkKey(contextDigest: string, source: IssueSource): string | undefined {
  // A file YAML could not read holds an error object: checked afresh every time (it is rare).
  if (source.frontMatter === undefined) return undefined;
  return sha256(`${contextDigest}\0${source.file}\0${JSON.stringify(source.frontMatter)}`);
}

function toStored(result: CheckResult, body: string | undefined): StoredCheck {
  const { issue } = result;
  return {
    problems: result.problems,
    warnings: result.warnings,
    ...(issue
      ? {
          issue: {
            inputPath: issue.inputPath,
            slug: issue.slug,
            url: issue.url,
            data: issue.data,
            body: issue.body,
            ...(issue.bodyLine === undefined ? {} : { bodyLine: issue.bodyLine }),
            published: issue.published.toMillis(),
            modified: issue.modified.toMillis(),
          },
        }
      : {}),
    links: body === undefined ? [] : findLinks(body),
  };
}

function fromStored(stored: StoredCheck, body: string | undefined, zone: string): CheckResult {
  if (body !== undefined) rememberLinks(body, stored.links);
  const { issue } = stored;
  return {
    problems: stored.problems,
    warnings: stored.warnings,
    ...(issue
      ? {
          issue: {
            ...issue,
            published: DateTime.fromMillis(issue.published, { zone }),
            modified: DateTime.fromMillis(issue.modified, { zone }),
          },
        }
      : {}),
  };
}

/** This process's last run's results: the dev server re-checks only the file a save changed. */
let lastRun = { code: "", results: new Map<string, CheckResult>() };

/**
 * The store for code with this digest in `root` (false: memory only). A folder that is not a
 * cache is refused with one line naming DATELINE_CONTENT_CACHE, as the other stores are.
 */
export function openCheckStore(root: string | false, codeDigest: string): CheckStore {
  const disk = new JsonStore(root, codeDigest.slice(0, 32), CONTENT_CACHE_VARIABLE);
  const thisRun = new Map<string, CheckResult>();
  // Results made by other code (the dev server after an edit to lib/) are not this code's.
  const remembered = lastRun.code === codeDigest ? lastRun.results : new Map<string, CheckResult>();
  return {
    remember(key, body, zone, check) {
      let result = remembered.get(key);
      if (result) disk.keep(key);
      else {
        const stored = disk.read(key, storedCheckSchema);
        if (stored) result = fromStored(stored, body, zone);
      }
      if (!result) {
        result = check();
        disk.write(key, toStored(result, body));
      }
      thisRun.set(key, result);
      return result;
    },
    async finish() {
      lastRun = { code: codeDigest, results: thisRun };
      await disk.finish();
    },
  };
}
