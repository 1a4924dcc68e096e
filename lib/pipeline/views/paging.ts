/** Pure list logic every listing shares: newest first, grouping, and pages of a fixed size with their URLs. */

import { listingPageUrl } from "../../contract/urls.ts";
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
