/**
 * Pure list logic every listing shares: newest first, grouping, and pages of a fixed size with
 * their URLs, split so that a new issue changes as few pages as it can (see `paginate`).
 */

import { olderPageUrl, timelinePageUrl } from "../../contract/urls.ts";
import { compareCodePoints } from "../../shared/text.ts";

/** What sorting and the archive read of an issue or its card: where it is and when it was published. */
export interface Dated {
  url: string;
  /** When it was published, in milliseconds since 1970: a number, so a view stays plain data. */
  publishedAt: number;
}

/** The part of an issue view the topic and author groupings read. */
export interface IssueLike extends Dated {
  data: { topics: string[]; authors: string[] };
}

/** Newest first; ties broken by URL so the order never depends on file-system order or locale. */
export function sortNewestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.publishedAt - a.publishedAt || compareCodePoints(a.url, b.url));
}

/** Items per key, keeping the input order within each group. */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
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

/** One page of a listing: plain data, so an output's key is the hash of what the page shows. */
export interface Page<T> {
  /** In reading order. */
  items: T[];
  href: string;
  /**
   * The `k` of the page's `page/<k>/` address; absent on the listing's own page. A newest-first
   * listing counts its older pages from the oldest, so `page/1/` holds the oldest issues.
   */
  pageNumber?: number;
  /** The page before this one in reading order: newer issues in a newest-first listing. */
  previousHref?: string;
  /** The page after this one in reading order: older issues in a newest-first listing. */
  nextHref?: string;
}

/** A page size must be a whole number of at least 1, or the pages would never end. */
function checkPageSize(size: number, caller: string): void {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`${caller}: size must be a whole number of at least 1, not ${size}`);
}

/**
 * How many older pages a newest-first listing of `count` items has at `size` to a page: every
 * whole chunk of `size` counted from the oldest, but the newest, which stays on the first page
 * with what is left over. So the first page holds all of a short list, and `size` to
 * `2·size − 1` items once there are `size`.
 * @example olderPageCount(19, 10) // 0; olderPageCount(20, 10) // 1; olderPageCount(39, 10) // 2
 */
export function olderPageCount(count: number, size: number): number {
  return Math.max(0, Math.floor(count / size) - 1);
}

/**
 * Splits a newest-first list into pages that a new item barely touches. The first page, at
 * `baseUrl`, holds the newest items (see `olderPageCount`); the others hold exactly `size` each
 * and are numbered from the oldest: page k, at `baseUrl + "page/<k>/"`, holds the k-th `size`
 * items counted from the oldest, shown newest first. A new item changes the first page alone
 * until that page would reach `2·size` items; then its oldest `size` become the next older page,
 * and the page just older than that changes its "newer" link. Every other page keeps its
 * address and contents for good, so it stays cacheable, citable and byte-identical.
 *
 * Pages come in reading order: the first page, then the older pages from the newest to page 1.
 * An empty list still has one (empty) page, so a topic with no issues yet has a page.
 * @example paginate(twentyFive, 10, "/topics/russia/").map((page) => page.href)
 * // ["/topics/russia/" (15 items), "/topics/russia/page/1/" (the oldest 10)]
 */
export function paginate<T>(newestFirst: readonly T[], size: number, baseUrl: string): Page<T>[] {
  checkPageSize(size, "paginate");
  const count = newestFirst.length;
  const older = olderPageCount(count, size);
  // Older page k holds the k-th `size` items counted from the oldest: a new item never moves them.
  const olderChunks = Array.from({ length: older }, (_, index) =>
    newestFirst.slice(count - (index + 1) * size, count - index * size),
  );
  return newestFirstPages(baseUrl, newestFirst.slice(0, count - older * size), olderChunks);
}

/**
 * A newest-first listing's pages in reading order, from what each holds: `first` at `baseUrl`,
 * then the older pages, given oldest first (`older[k − 1]` is page k, at `page/<k>/`), from the
 * newest down to page 1. Each links the page of newer issues before it and of older ones after.
 */
export function newestFirstPages<T>(baseUrl: string, first: T[], older: readonly T[][]): Page<T>[] {
  const newest = older.length;
  const firstPage: Page<T> = {
    items: first,
    href: baseUrl,
    ...(newest > 0 ? { nextHref: olderPageUrl(baseUrl, newest) } : {}),
  };
  const olderPages = older
    .map(
      (items, index): Page<T> => ({
        items,
        href: olderPageUrl(baseUrl, index + 1),
        pageNumber: index + 1,
        previousHref: index + 1 === newest ? baseUrl : olderPageUrl(baseUrl, index + 2),
        ...(index > 0 ? { nextHref: olderPageUrl(baseUrl, index) } : {}),
      }),
    )
    .reverse();
  return [firstPage, ...olderPages];
}

/**
 * Splits an oldest-first timeline (a story thread) into pages of `size` from its start: page 1
 * at `baseUrl`, then `page/2/`, … A new item joins the last page, so numbering from the start
 * already leaves every earlier page as it was. An empty timeline still has one (empty) page.
 * @example paginateTimeline(sixty, 50, "/threads/talks/").map((page) => page.href)
 * // ["/threads/talks/" (the first 50), "/threads/talks/page/2/" (the last 10)]
 */
export function paginateTimeline<T>(oldestFirst: readonly T[], size: number, baseUrl: string): Page<T>[] {
  checkPageSize(size, "paginateTimeline");
  const total = Math.max(1, Math.ceil(oldestFirst.length / size));
  return Array.from({ length: total }, (_, index): Page<T> => {
    const pageNumber = index + 1;
    return {
      items: oldestFirst.slice(index * size, pageNumber * size),
      href: timelinePageUrl(baseUrl, pageNumber),
      ...(pageNumber > 1 ? { pageNumber, previousHref: timelinePageUrl(baseUrl, pageNumber - 1) } : {}),
      ...(pageNumber < total ? { nextHref: timelinePageUrl(baseUrl, pageNumber + 1) } : {}),
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
