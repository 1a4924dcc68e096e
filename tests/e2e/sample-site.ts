/**
 * The sample site's issues: tests/e2e/sample-site/, a frozen copy of the sample issues the
 * repository ships with, plus a writer's draft and a scheduled issue. Never src/issues/:
 * that folder is the writer's, and the tests must hold whatever a writer adds, changes or
 * deletes there. Tests compute what the site publishes with the product's own rule.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import site from "../../_data/site.ts";
import { issueUrl } from "../../lib/contract/urls.ts";
import { isPublishable } from "../../lib/pipeline/content/publication.ts";
import { readFrontMatter } from "../../lib/pipeline/content/read.ts";
import { buildTime, inZone } from "../../lib/shared/dates.ts";

/** The build time of the sample site: 2026-01-01T00:00:00Z, after its published issues, before the scheduled one. */
export const SAMPLE_EPOCH = 1767225600;

const SAMPLE_ISSUES_DIR = path.join(import.meta.dirname, "sample-site");

/** The sample site's issue files, by path under src/issues/ (e.g. `2025/who-led-the-delegations.md`). */
export function sampleIssues(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(SAMPLE_ISSUES_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry): [string, string] => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(SAMPLE_ISSUES_DIR, file), readFileSync(file, "utf8")];
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export interface PublishedIssue {
  url: string;
  title: string;
  text: string;
}

/**
 * The issues a production build of `issues` at `epoch` publishes, by the product's own rule
 * (lib/content.ts `isPublishable`: not a draft, not dated after the build time), sorted by URL.
 */
export function publishedIssues(issues: Record<string, string>, epoch: number): PublishedIssue[] {
  const now = buildTime({ SOURCE_DATE_EPOCH: String(epoch) });
  return Object.entries(issues)
    .flatMap(([file, text]) => {
      const { data } = readFrontMatter(text);
      if (!data || typeof data.date !== "string") throw new Error(`${file}: no date in the front matter`);
      const published = inZone(data.date, site.timeZone);
      if (!isPublishable({ data: { draft: data.draft === true }, published }, now)) return [];
      return [{ url: issueUrl(path.basename(file, ".md"), published), title: String(data.title), text }];
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** A built fixture project, as global-setup.ts hands it to the test files: its folder and its `_site`. */
export interface BuiltSite {
  dir: string;
  output: string;
}
