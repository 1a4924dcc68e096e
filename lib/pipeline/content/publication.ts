/** What makes an issue published, when the next one falls due, and when an issue last changed: one rule each. */
import type { DateTime } from "luxon";
import type { IssueFrontMatter } from "../../contract/schema.ts";
import { parseOffsetDateTime } from "../../shared/dates.ts";
import type { Problem } from "../../shared/problems.ts";
import { lastChangeOf } from "./record.ts";

/**
 * When an issue last changed: the latest of `date`, `updated` and its corrections' and updates' dates,
 * as the writer typed it. Feeds, JSON-LD and sitemaps all use this one answer.
 */
export function lastChange(
  data: Pick<IssueFrontMatter, "date" | "updated" | "corrections" | "updates">,
): string {
  return lastChangeOf(data).date;
}

/** Whether production shows the issue: not a draft, and not dated after the build time. */
export function isPublishable(
  issue: { data: Pick<IssueFrontMatter, "draft">; published: DateTime },
  now: DateTime,
): boolean {
  return issue.data.draft !== true && issue.published <= now;
}

/**
 * When the next issue dated after `now` is due (not drafts), as a UTC ISO string, or null:
 * what the scheduled publishing function reads from the built site's schedule.json.
 */
export function nextDueIssue(
  issues: readonly { data: Pick<IssueFrontMatter, "draft">; published: DateTime }[],
  now: DateTime,
): string | null {
  const due = issues
    .filter((issue) => issue.data.draft !== true && !isPublishable(issue, now))
    .map((issue) => issue.published.toUTC())
    .sort((a, b) => a.toMillis() - b.toMillis())[0];
  return due?.toISO({ suppressMilliseconds: true }) ?? null;
}

/**
 * Corrections and updates dated after the build on a published issue: notes record the past, and
 * a mistyped year (9999) would otherwise stand as the issue's, the feeds' and the sitemap's
 * last change until someone noticed.
 */
export function findFutureNotes(
  issues: readonly {
    inputPath: string;
    data: Pick<IssueFrontMatter, "draft" | "corrections" | "updates">;
    published: DateTime;
  }[],
  now: DateTime,
): Problem[] {
  const shownNow = now.toUTC().toISO({ suppressMilliseconds: true });
  return issues
    .filter((issue) => isPublishable(issue, now))
    .flatMap((issue) =>
      (["corrections", "updates"] as const).flatMap((field) =>
        (issue.data[field] ?? []).flatMap((note, index) =>
          parseOffsetDateTime(note.date) > now
            ? [
                {
                  file: issue.inputPath,
                  field: `${field}.${index}.date`,
                  message: `${note.date} is after the build's time (${shownNow}) — a ${field === "corrections" ? "correction" : "update"} records what was already done: fix the date`,
                },
              ]
            : [],
        ),
      ),
    );
}
