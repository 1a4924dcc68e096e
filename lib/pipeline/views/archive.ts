/**
 * The archive: issues by year and month in the site's zone, a page per year (split when long,
 * with older pages counted from the year's oldest issue), and the overview of years.
 */

import { archiveUrl, archiveYearUrl } from "../../contract/urls.ts";
import { calendarDate } from "../../shared/dates.ts";
import { type Dated, newestFirstPages, type Page, sortNewestFirst } from "./paging.ts";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** One issue in the archive, with its calendar day in the site's zone. */
interface ArchiveEntry<T> {
  item: T;
  /** `2025-04-10`, for `<time datetime>`. */
  date: string;
  /** `10 April` */
  day: string;
}

interface ArchiveMonth<T> {
  /** `2025-04` */
  key: string;
  /** `April 2025` */
  label: string;
  /** `April` */
  name: string;
  /** `april`: the month's fragment on its year page. */
  anchor: string;
  entries: ArchiveEntry<T>[];
}

export interface ArchiveYear<T> {
  year: string;
  months: ArchiveMonth<T>[];
}

/** Years and months, newest first, by publication date in the site's zone. */
export function groupByMonth<T extends Dated>(items: readonly T[], zone: string): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const item of sortNewestFirst(items)) {
    const { year, month, day } = calendarDate(new Date(item.publishedAt), zone);
    const yearText = String(year);
    const monthText = String(month).padStart(2, "0");
    const key = `${yearText}-${monthText}`;
    const name = MONTH_NAMES[month - 1] ?? monthText;
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== yearText) {
      yearGroup = { year: yearText, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.key !== key) {
      monthGroup = { key, label: `${name} ${yearText}`, name, anchor: name.toLowerCase(), entries: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.entries.push({ item, date: `${key}-${String(day).padStart(2, "0")}`, day: `${day} ${name}` });
  }
  return years;
}

/**
 * Most issues a year page lists: a daily's year (366 in a leap year) fits on one page,
 * and 366 lines of date, link and headline stay well under the 100 KB page budget.
 */
export const ARCHIVE_PAGE_ISSUES = 366;

/** A month, or the part of a month, on one year page. */
interface ArchiveSection<T> {
  key: string;
  label: string;
  name: string;
  /** Set on the month's newest part only, so each month has one fragment. */
  anchor?: string;
  /** True on the older parts of a month split over pages: they come after its newest part. */
  continued: boolean;
  entries: ArchiveEntry<T>[];
}

interface YearLink {
  year: string;
  href: string;
}

/**
 * One page of a year: `/archive/<yyyy>/` (its newest issues), then, for a year too long for one
 * page, `/archive/<yyyy>/page/<k>/`, counted from the year's oldest so a page keeps its issues.
 */
export interface ArchiveYearPage<T> extends Page<ArchiveSection<T>> {
  year: string;
  /** Issues in the whole year: on the year's own page only, which a new issue changes anyway. */
  count?: number;
  archiveHref: string;
  /** On the year's own page only: the next year's first issue would change every page of this one. */
  newerYear?: YearLink;
  olderYear?: YearLink;
}

/** Part of a month as packed: its issues oldest first, and whether it holds the month's newest. */
interface PackedPart<T> {
  month: ArchiveMonth<T>;
  entries: ArchiveEntry<T>[];
  newest: boolean;
}

/**
 * A year's months packed into pages from its oldest issue, oldest page first. Months stay
 * whole: a month that does not fit in what is left of a page starts the next one, and only a
 * month longer than a page is split. Packing from the oldest is what keeps pages stable: a new
 * issue joins the newest month, so it can only change the last page or start a new one.
 */
function packFromOldest<T>(months: readonly ArchiveMonth<T>[], maxIssues: number): PackedPart<T>[][] {
  const pages: PackedPart<T>[][] = [[]];
  let filled = 0;
  for (const month of [...months].reverse()) {
    const entries = [...month.entries].reverse();
    if (filled > 0 && filled + entries.length > maxIssues) {
      pages.push([]);
      filled = 0;
    }
    for (let start = 0; start < entries.length; ) {
      if (filled === maxIssues) {
        pages.push([]);
        filled = 0;
      }
      const part = entries.slice(start, start + maxIssues - filled);
      start += part.length;
      filled += part.length;
      pages.at(-1)?.push({ month, entries: part, newest: start === entries.length });
    }
  }
  return pages;
}

/** A packed page as a year page shows it: newest month first, each month's newest issue first. */
function sectionsOf<T>(parts: readonly PackedPart<T>[]): ArchiveSection<T>[] {
  return parts
    .map(({ month, entries, newest }) => ({
      key: month.key,
      label: month.label,
      name: month.name,
      ...(newest ? { anchor: month.anchor } : {}),
      continued: !newest,
      entries: [...entries].reverse(),
    }))
    .reverse();
}

/**
 * The pages of every year, newest year first, each year's pages in reading order. A year's own
 * page holds its newest issues; older pages are numbered from the year's oldest, like every
 * newest-first listing (`newestFirstPages`, paging.ts), so a new issue changes at most the
 * year's own page and, when that page splits, the page just older than it.
 */
export function archiveYearPages<T>(
  years: readonly ArchiveYear<T>[],
  maxIssues = ARCHIVE_PAGE_ISSUES,
): ArchiveYearPage<T>[] {
  if (!Number.isInteger(maxIssues) || maxIssues < 1)
    throw new RangeError(
      `archiveYearPages: maxIssues must be a whole number of at least 1, not ${maxIssues}`,
    );
  return years.flatMap((yearGroup, index) => {
    const packed = packFromOldest(yearGroup.months, maxIssues).map(sectionsOf);
    const first = packed.pop() ?? [];
    const newer = years[index - 1];
    const older = years[index + 1];
    const count = yearGroup.months.reduce((sum, month) => sum + month.entries.length, 0);
    return newestFirstPages(archiveYearUrl(yearGroup.year), first, packed).map(
      (page, pageIndex): ArchiveYearPage<T> => ({
        year: yearGroup.year,
        ...(pageIndex === 0 ? { count } : {}),
        ...page,
        archiveHref: archiveUrl,
        ...(pageIndex === 0 && newer
          ? { newerYear: { year: newer.year, href: archiveYearUrl(newer.year) } }
          : {}),
        ...(older ? { olderYear: { year: older.year, href: archiveYearUrl(older.year) } } : {}),
      }),
    );
  });
}

/** A month on `/archive/`: its name, count, and the link to its fragment on its year page. */
interface ArchiveMonthSummary {
  key: string;
  name: string;
  count: number;
  href: string;
}

export interface ArchiveYearSummary {
  year: string;
  count: number;
  href: string;
  months: ArchiveMonthSummary[];
}

/** `/archive/`: years and months with counts, each month linked where its year pages put it. */
export function archiveOverview<T>(pages: readonly ArchiveYearPage<T>[]): ArchiveYearSummary[] {
  const years: ArchiveYearSummary[] = [];
  for (const page of pages) {
    let year = years.at(-1);
    if (year?.year !== page.year) {
      year = { year: page.year, count: 0, href: archiveYearUrl(page.year), months: [] };
      years.push(year);
    }
    for (const section of page.items) {
      year.count += section.entries.length;
      const month = year.months.at(-1);
      if (section.continued && month?.key === section.key) {
        month.count += section.entries.length;
        continue;
      }
      year.months.push({
        key: section.key,
        name: section.name,
        count: section.entries.length,
        href: `${page.href}#${section.anchor}`,
      });
    }
  }
  return years;
}
