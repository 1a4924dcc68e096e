/**
 * "Corrections since the last issue": the block that opens the foot of each email edition and
 * of its entry's `content:encoded` in the feeds, so subscribers hear of corrections made after
 * their email went out (the rule is in lib/pipeline/views/record.ts).
 */
import type { Site } from "../../contract/schema.ts";
import type { LedgerEntry } from "../../pipeline/views/record.ts";
import { readableDateTime } from "../../shared/dates.ts";
import { escapeHtml } from "../../shared/text.ts";
import { absoluteUrl } from "../filters/absolute-url.ts";

export const CORRECTIONS_SINCE_HEADING = "Corrections since the last issue";

/** One correction as the block shows it: the corrected issue's headline linked to the note, the note. */
export interface CorrectionNotice {
  headline: string;
  /** The note on the corrected issue's page, absolute. */
  url: string;
  /** When it was made, as pages show it. */
  date: string;
  text: string;
}

export function describeCorrectionsSince(
  entries: readonly LedgerEntry[],
  site: Pick<Site, "url" | "timeZone">,
): CorrectionNotice[] {
  return entries.map((entry) => ({
    headline: entry.issue.title,
    url: absoluteUrl(entry.url, site.url),
    date: readableDateTime(entry.date, site.timeZone),
    text: entry.text,
  }));
}

/** The block as HTML (a heading and a list); empty when there is nothing to say. */
export function renderCorrectionsSinceHtml(notices: readonly CorrectionNotice[]): string {
  if (notices.length === 0) return "";
  const items = notices
    .map(
      (notice) =>
        `<li><a href="${escapeHtml(notice.url)}">${escapeHtml(notice.headline)}</a>, ${escapeHtml(notice.date)}: ${escapeHtml(notice.text)}</li>`,
    )
    .join("\n");
  return `<h2>${CORRECTIONS_SINCE_HEADING}</h2>\n<ul>\n${items}\n</ul>`;
}
