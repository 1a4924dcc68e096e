/**
 * The corrections ledger (`/corrections/`): every correction and update across the archive,
 * newest first, each with the issue it belongs to. Short ledgers are one page with a heading per
 * year; long ones get a page per year, the newest at `/corrections/`, and a year with more notes
 * than a page holds is split as the listings are (paging.ts): its older pages hold
 * `LEDGER_NOTES_PER_PAGE` notes each, numbered from the oldest, so a page never outgrows the size
 * budget and a new note changes only the newest pages.
 */

import { correctionsUrl, correctionsYearUrl } from "../../contract/urls.ts";
import { inZone } from "../../shared/dates.ts";
import type { NoteKind } from "../content/record.ts";
import type { IssueView } from "./issue.ts";
import { paginate } from "./paging.ts";

/** One correction or update in the ledger. */
export interface LedgerEntry {
  kind: NoteKind;
  /** "Correction" or "Update". */
  label: string;
  /** ISO 8601 with offset, as the writer typed it. */
  date: string;
  text: string;
  /** The note's place on the issue page: `<issue url>#correction-1`. */
  url: string;
  issue: Pick<IssueView, "url" | "title" | "number">;
}

interface LedgerSection {
  year: number;
  entries: LedgerEntry[];
}

interface LedgerYearLink {
  year: number;
  href: string;
  count: number;
}

/** One page of the ledger. */
interface LedgerPage {
  href: string;
  /** Set when the ledger is split by year: the year this page holds. */
  year?: number;
  /** Set on the older pages of a year split in pages: the `k` of its `page/<k>/`. */
  pageNumber?: number;
  /** Within a year split in pages: the page of newer notes, and of older ones. */
  previousHref?: string;
  nextHref?: string;
  /** Newest year first. */
  sections: LedgerSection[];
  /** Every year with notes, newest first, for the year links of a split ledger. */
  years: LedgerYearLink[];
}

export interface Ledger {
  /** Newest first: the feed reads the first `feedSize`. */
  entries: LedgerEntry[];
  pages: LedgerPage[];
}

/** Entries `/corrections/` holds on one page; past this the ledger gets a page per year. */
export const LEDGER_PAGE_LIMIT = 100;

/**
 * Notes on each older page of a year (paging.ts): a year's first page holds up to twice this,
 * less one; 215 notes of a year on one page were over the 100 KB page budget.
 */
export const LEDGER_NOTES_PER_PAGE = 50;

/**
 * The ledger from the issues: newest note first; notes at one instant by issue URL, then
 * corrections before updates, then front-matter order, so the order never depends on the input's.
 */
export function buildLedger(issues: readonly IssueView[], timeZone: string): Ledger {
  const entries = issues
    .flatMap((issue) =>
      issue.notes.map((note) => ({
        at: inZone(note.date, timeZone),
        order: `${issue.url}\u0000${note.kind === "correction" ? 0 : 1}\u0000${String(note.index).padStart(6, "0")}`,
        entry: {
          kind: note.kind,
          label: note.label,
          date: note.date,
          text: note.text,
          url: `${issue.url}#${note.anchor}`,
          issue: {
            url: issue.url,
            title: issue.title,
            ...(issue.number !== undefined ? { number: issue.number } : {}),
          },
        } satisfies LedgerEntry,
      })),
    )
    .sort(
      (a, b) => b.at.toMillis() - a.at.toMillis() || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
    );

  const sections: LedgerSection[] = [];
  for (const { at, entry } of entries) {
    const last = sections.at(-1);
    if (last?.year === at.year) last.entries.push(entry);
    else sections.push({ year: at.year, entries: [entry] });
  }
  const split = entries.length > LEDGER_PAGE_LIMIT;
  const hrefOf = (year: number, index: number) => (index === 0 ? correctionsUrl : correctionsYearUrl(year));
  const years = sections.map((section, index) => ({
    year: section.year,
    href: hrefOf(section.year, index),
    count: section.entries.length,
  }));
  const pages: LedgerPage[] = split
    ? sections.flatMap((section, index) =>
        paginate(section.entries, LEDGER_NOTES_PER_PAGE, hrefOf(section.year, index)).map(
          ({ items, ...page }): LedgerPage => ({
            ...page,
            year: section.year,
            sections: [{ year: section.year, entries: items }],
            years,
          }),
        ),
      )
    : [{ href: correctionsUrl, sections, years }];
  return { entries: entries.map(({ entry }) => entry), pages };
}

/** An issue as the corrections-since rule reads it: its page and when it was published. */
interface PublishedIssue {
  url: string;
  data: { date: string };
}

const sinceCache = new WeakMap<readonly PublishedIssue[], Map<string, LedgerEntry[]>>();

/**
 * "Corrections since the last issue" for each issue, by its URL: every correction (not update)
 * dated after the previous issue's publication and up to this one's, oldest first. An email
 * subscriber never sees a correction made after their email was sent; the next edition carries it.
 * Issues without any are left out. Computed once per list of issues.
 */
export function correctionsSince(
  issues: readonly PublishedIssue[],
  ledger: readonly LedgerEntry[],
): ReadonlyMap<string, LedgerEntry[]> {
  const known = sinceCache.get(issues);
  if (known) return known;
  const byDate = issues
    .map((issue) => ({ url: issue.url, at: Date.parse(issue.data.date) }))
    .sort((a, b) => a.at - b.at || (a.url < b.url ? -1 : 1));
  const corrections = ledger
    .filter((entry) => entry.kind === "correction")
    .map((entry) => ({ entry, at: Date.parse(entry.date) }))
    .sort((a, b) => a.at - b.at);
  const result = new Map<string, LedgerEntry[]>();
  byDate.forEach((issue, index) => {
    const after = byDate[index - 1]?.at ?? Number.NEGATIVE_INFINITY;
    const since = corrections.filter(({ at }) => at > after && at <= issue.at).map(({ entry }) => entry);
    if (since.length > 0) result.set(issue.url, since);
  });
  sinceCache.set(issues, result);
  return result;
}
