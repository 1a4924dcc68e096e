/**
 * Pure functions over the list of published issues: ordering, grouping, pagination,
 * related issues and neighbours. None of them sorts or changes its input in place,
 * because Eleventy shares collection arrays between templates.
 */
import { DateTime } from "luxon";

/** The part of an Eleventy collection item these functions read. */
export interface IssueLike {
  url: string;
  date: Date;
  data: { topics: string[]; authors: string[] };
}

/** Newest first; ties broken by URL so the order never depends on file-system order. */
export function sortNewestFirst<T extends IssueLike>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
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
  const hrefOf = (pageNumber: number) => (pageNumber === 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`);
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

export interface ArchiveMonth<T> {
  /** `2025-04` */
  key: string;
  /** `April 2025` */
  label: string;
  items: T[];
}

export interface ArchiveYear<T> {
  year: string;
  months: ArchiveMonth<T>[];
}

/** Years and months, newest first, by publication date in the site's zone. */
export function groupByMonth<T extends IssueLike>(items: readonly T[], zone: string): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const item of sortNewestFirst(items)) {
    const date = DateTime.fromJSDate(item.date).setZone(zone).setLocale("en-GB");
    const year = date.toFormat("yyyy");
    const key = date.toFormat("yyyy-MM");
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let month = yearGroup.months.at(-1);
    if (month?.key !== key) {
      month = { key, label: date.toFormat("LLLL yyyy"), items: [] };
      yearGroup.months.push(month);
    }
    month.items.push(item);
  }
  return years;
}

export interface Neighbours<T> {
  /** The next issue published after this one. */
  newer?: T;
  /** The issue published before this one. */
  older?: T;
}

const indexCache = new WeakMap<readonly IssueLike[], Map<string, number>>();

/** Position of each URL in a newest-first list, computed once per list, not once per page. */
function positionOf(items: readonly IssueLike[], url: string): number {
  let index = indexCache.get(items);
  if (!index) {
    index = new Map(items.map((item, position) => [item.url, position]));
    indexCache.set(items, index);
  }
  return index.get(url) ?? -1;
}

/** Neighbours in a newest-first list. */
export function findNeighbours<T extends IssueLike>(items: readonly T[], url: string): Neighbours<T> {
  const position = positionOf(items, url);
  if (position === -1) return {};
  const newer = items[position - 1];
  const older = items[position + 1];
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

const topicIndexCache = new WeakMap<readonly IssueLike[], Map<string, number[]>>();

/** Positions of the issues under each topic, built once per list. */
function topicIndexOf(items: readonly IssueLike[]): Map<string, number[]> {
  let index = topicIndexCache.get(items);
  if (!index) {
    index = new Map();
    items.forEach((item, position) => {
      for (const topic of item.data.topics) {
        const positions = index?.get(topic);
        if (positions) positions.push(position);
        else index?.set(topic, [position]);
      }
    });
    topicIndexCache.set(items, index);
  }
  return index;
}

/**
 * Up to `limit` other issues that share a topic: most shared topics first, then most recent.
 * `items` must be newest first. Only issues under the current issue's topics are looked
 * at, so a site of N issues costs far less than N² comparisons.
 */
export function findRelated<T extends IssueLike>(items: readonly T[], url: string, limit = 3): T[] {
  const position = positionOf(items, url);
  const current = items[position];
  if (!current) return [];
  const index = topicIndexOf(items);
  const shared = new Map<number, number>();
  for (const topic of new Set(current.data.topics)) {
    for (const other of index.get(topic) ?? []) {
      if (other !== position) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || a - b)
    .slice(0, limit)
    .flatMap(([other]) => {
      const item = items[other];
      return item ? [item] : [];
    });
}
