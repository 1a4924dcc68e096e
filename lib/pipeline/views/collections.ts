/**
 * Pure functions over the list of published issues: ordering, grouping, pagination,
 * related issues and neighbours. None of them sorts or changes its input in place,
 * because Eleventy shares collection arrays between templates.
 */

import { archiveUrl, archiveYearUrl, listingPageUrl } from "../../contract/urls.ts";
import { calendarDate } from "../../shared/dates.ts";

/** The part of an Eleventy collection item these functions read. */
export interface IssueLike {
  url: string;
  date: Date;
  data: { topics: string[]; authors: string[] };
}

/** Newest first; ties broken by URL so the order never depends on file-system order or locale. */
export function sortNewestFirst<T extends IssueLike>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || compareUrls(a.url, b.url));
}

/** Items per key, keeping the input order within each group. */
export function groupBy<T extends IssueLike>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  totalPages: number;
  href: string;
  previousHref?: string;
  nextHref?: string;
}

/**
 * Splits items into pages: the first at `baseUrl`, then `baseUrl + "page/2/"`, …
 * An empty list still has one (empty) page, so a topic with no issues yet has a page.
 * @example paginate(items, 10, "/topics/russia/")[1].href // "/topics/russia/page/2/"
 */
export function paginate<T>(items: readonly T[], size: number, baseUrl: string): Page<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const hrefOf = (pageNumber: number) => listingPageUrl(baseUrl, pageNumber);
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    return {
      items: items.slice(index * size, pageNumber * size),
      pageNumber,
      totalPages,
      href: hrefOf(pageNumber),
      ...(pageNumber > 1 ? { previousHref: hrefOf(pageNumber - 1) } : {}),
      ...(pageNumber < totalPages ? { nextHref: hrefOf(pageNumber + 1) } : {}),
    };
  });
}

/** One topic's or author's paginated listing, flattened so Eleventy can paginate over it. */
export interface ListingPage<T> extends Page<T> {
  id: string;
}

export function paginateGroups<T>(
  ids: readonly string[],
  groups: Map<string, T[]>,
  size: number,
  baseUrlOf: (id: string) => string,
): ListingPage<T>[] {
  return ids.flatMap((id) =>
    paginate(groups.get(id) ?? [], size, baseUrlOf(id)).map((page) => ({ ...page, id })),
  );
}

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
export function groupByMonth<T extends IssueLike>(items: readonly T[], zone: string): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const item of sortNewestFirst(items)) {
    const { year, month, day } = calendarDate(item.date, zone);
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

/**
 * Everything previous/next and related need, built once per list (so once per build, as
 * Eleventy hands every page the same collection array) instead of a search per page.
 */
interface IssueIndex<T extends IssueLike> {
  /** Newest first. */
  items: readonly T[];
  positionOf: ReadonlyMap<string, number>;
  /** Per topic: positions in `items` of the issues under it, newest first. */
  topicLists: ReadonlyMap<string, readonly number[]>;
  /** Per position: where the issue stands in each of its topics' lists (its topics are the keys). */
  topicRanks: readonly ReadonlyMap<string, number>[];
}

const issueIndexes = new WeakMap<readonly IssueLike[], IssueIndex<IssueLike>>();

function issueIndexOf<T extends IssueLike>(list: readonly T[]): IssueIndex<T> {
  const cached = issueIndexes.get(list);
  if (cached) return cached as IssueIndex<T>;
  const items = sortNewestFirst(list);
  const topicLists = new Map<string, number[]>();
  const topicRanks = items.map((item, position) => {
    const ranks = new Map<string, number>();
    for (const topic of new Set(item.data.topics)) {
      let positions = topicLists.get(topic);
      if (!positions) {
        positions = [];
        topicLists.set(topic, positions);
      }
      ranks.set(topic, positions.length);
      positions.push(position);
    }
    return ranks;
  });
  const index: IssueIndex<T> = {
    items,
    positionOf: new Map(items.map((item, position) => [item.url, position])),
    topicLists,
    topicRanks,
  };
  issueIndexes.set(list, index);
  return index;
}

export interface Neighbours<T> {
  /** The next issue published after this one. */
  newer?: T;
  /** The issue published before this one. */
  older?: T;
}

/** The issues published just after and just before `url`, by date (ties by URL): a map lookup. */
export function findNeighbours<T extends IssueLike>(items: readonly T[], url: string): Neighbours<T> {
  const index = issueIndexOf(items);
  const position = index.positionOf.get(url);
  if (position === undefined) return {};
  const newer = index.items[position - 1];
  const older = index.items[position + 1];
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

/** How many earlier issues on each of its topics an issue looks at for related ones. */
export const RELATED_WINDOW = 30;

/**
 * Up to `limit` earlier issues related to `url`. The candidates are the `window` issues
 * published just before it on each of its topics; among them, the ones that share the most
 * topics come first, then the nearest in time, then by URL. Only earlier issues count, so a
 * page's related list is settled when it is published and a new issue never rewrites it;
 * and each page looks at no more than `window` issues per topic, however large the archive.
 */
export function findRelated<T extends IssueLike>(
  items: readonly T[],
  url: string,
  limit = 3,
  window = RELATED_WINDOW,
): T[] {
  const index = issueIndexOf(items);
  const position = index.positionOf.get(url);
  const current = position === undefined ? undefined : index.items[position];
  const ranks = position === undefined ? undefined : index.topicRanks[position];
  if (!current || !ranks) return [];
  const candidates = new Set<number>();
  for (const [topic, rank] of ranks) {
    const positions = index.topicLists.get(topic) ?? [];
    for (const other of positions.slice(rank + 1, rank + 1 + window)) candidates.add(other);
  }
  // Keep the best `limit` while scanning (a few dozen candidates): no sort of them all.
  const best: { item: T; shared: number; distance: number }[] = [];
  for (const other of candidates) {
    const item = index.items[other];
    const otherTopics = index.topicRanks[other];
    if (!item || !otherTopics) continue;
    let shared = 0;
    for (const topic of ranks.keys()) if (otherTopics.has(topic)) shared++;
    const candidate = { item, shared, distance: current.date.getTime() - item.date.getTime() };
    let at = best.length;
    while (at > 0 && ranksBefore(candidate, best[at - 1] ?? candidate)) at--;
    if (at < limit) {
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ item }) => item);
}

/** Most shared topics first, then nearest in time, then URL. */
function ranksBefore(
  a: { item: IssueLike; shared: number; distance: number },
  b: { item: IssueLike; shared: number; distance: number },
): boolean {
  return (b.shared - a.shared || a.distance - b.distance || compareUrls(a.item.url, b.item.url)) < 0;
}

/** Code-point order: the same on every machine, unlike locale collation. */
function compareUrls(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
