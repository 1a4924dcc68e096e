/** The archive: issues by year and month in the site's zone, a page per year (split when long), and the overview of years. */

import { archiveUrl, archiveYearUrl, listingPageUrl } from "../../contract/urls.ts";
import { calendarDate } from "../../shared/dates.ts";
import { type Dated, type Page, sortNewestFirst } from "./paging.ts";

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
  /** Set on the month's first part only, so each month has one fragment. */
  anchor?: string;
  /** True on the second and later parts of a month split over pages. */
  continued: boolean;
  entries: ArchiveEntry<T>[];
}

interface YearLink {
  year: string;
  href: string;
}

/** One page of a year: `/archive/<yyyy>/`, then `/archive/<yyyy>/page/2/` for a busy year. */
export interface ArchiveYearPage<T> extends Page<ArchiveSection<T>> {
  year: string;
  /** Issues in the whole year. */
  count: number;
  archiveHref: string;
  newerYear?: YearLink;
  olderYear?: YearLink;
}

/**
 * The pages of every year, newest first. Months stay whole: a month that does not fit in
 * what is left of a page starts the next one, and only a month longer than a page is split.
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
    const chunks: ArchiveSection<T>[][] = [[]];
    let filled = 0;
    for (const month of yearGroup.months) {
      if (filled > 0 && filled + month.entries.length > maxIssues) {
        chunks.push([]);
        filled = 0;
      }
      for (let start = 0; start < month.entries.length; ) {
        if (filled === maxIssues) {
          chunks.push([]);
          filled = 0;
        }
        const entries = month.entries.slice(start, start + maxIssues - filled);
        chunks.at(-1)?.push({
          key: month.key,
          label: month.label,
          name: month.name,
          ...(start === 0 ? { anchor: month.anchor } : {}),
          continued: start > 0,
          entries,
        });
        filled += entries.length;
        start += entries.length;
      }
    }
    const baseUrl = archiveYearUrl(yearGroup.year);
    const newer = years[index - 1];
    const older = years[index + 1];
    const count = yearGroup.months.reduce((sum, month) => sum + month.entries.length, 0);
    return chunks.map((sections, chunkIndex): ArchiveYearPage<T> => {
      const pageNumber = chunkIndex + 1;
      return {
        year: yearGroup.year,
        count,
        items: sections,
        pageNumber,
        totalPages: chunks.length,
        href: listingPageUrl(baseUrl, pageNumber),
        archiveHref: archiveUrl,
        ...(pageNumber > 1 ? { previousHref: listingPageUrl(baseUrl, pageNumber - 1) } : {}),
        ...(pageNumber < chunks.length ? { nextHref: listingPageUrl(baseUrl, pageNumber + 1) } : {}),
        ...(newer ? { newerYear: { year: newer.year, href: archiveYearUrl(newer.year) } } : {}),
        ...(older ? { olderYear: { year: older.year, href: archiveYearUrl(older.year) } } : {}),
      };
    });
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
      year = { year: page.year, count: page.count, href: archiveYearUrl(page.year), months: [] };
      years.push(year);
    }
    for (const section of page.items) {
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
