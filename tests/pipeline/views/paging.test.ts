/**
 * Listings a new issue barely touches (lib/pipeline/views/paging.ts). A newest-first listing of
 * n items at s a page has m = max(0, ⌊n / s⌋ − 1) older pages of exactly s, numbered from the
 * oldest (`page/1/` holds the oldest s); its first page holds the newest n − m·s. Checked as
 * properties over every length up to 3s + 1 (s = 3) and spot lengths at s = 10: nothing lost or
 * repeated, page sizes, links that lead to pages that exist, and that one new item changes at
 * most two existing pages and adds at most one.
 */
import { describe, expect, it } from "vitest";
import {
  olderPageCount,
  type Page,
  paginate,
  paginateGroups,
  paginateTimeline,
} from "../../../lib/pipeline/views/paging.ts";

const BASE = "/topics/russia/";

/** `count` items newest first, each its place counted from the oldest: count, …, 2, 1. */
const newestFirst = (count: number): number[] => Array.from({ length: count }, (_, index) => count - index);

/** Every length from 0 to 3s + 1 at s = 3, then spot lengths at s = 10. */
const CASES: { n: number; s: number }[] = [
  ...Array.from({ length: 3 * 3 + 2 }, (_, n) => ({ n, s: 3 })),
  ...[0, 1, 9, 10, 11, 19, 20, 21, 29, 30, 31, 39, 40, 41, 99, 100, 101].map((n) => ({ n, s: 10 })),
];

/** Pages by href, each as its JSON: what an output's key hashes. */
const byHref = (pages: readonly Page<number>[]) =>
  new Map(pages.map((page) => [page.href, JSON.stringify(page)] as const));

describe("olderPageCount", () => {
  it.each([
    [0, 10, 0],
    [9, 10, 0],
    [10, 10, 0],
    [19, 10, 0],
    [20, 10, 1],
    [29, 10, 1],
    [30, 10, 2],
    [39, 10, 2],
    [40, 10, 3],
  ])("%i items at %i a page have %i older pages", (count, size, older) => {
    expect(olderPageCount(count, size)).toBe(older);
  });
});

describe("paginate: what each page holds", () => {
  it.each([
    // n at s = 3: the first page's length, then each older page's, in reading order
    [0, [0]],
    [1, [1]],
    [2, [2]],
    [3, [3]],
    [4, [4]],
    [5, [5]],
    [6, [3, 3]],
    [7, [4, 3]],
    [8, [5, 3]],
    [9, [3, 3, 3]],
    [10, [4, 3, 3]],
  ])("%i items at 3 a page: pages of %j", (count, lengths) => {
    expect(paginate(newestFirst(count), 3, BASE).map((page) => page.items.length)).toEqual(lengths);
  });

  it("numbers the older pages from the oldest and links each to its neighbours", () => {
    expect(paginate(newestFirst(10), 3, "/")).toEqual([
      { items: [10, 9, 8, 7], href: "/", nextHref: "/page/2/" },
      { items: [6, 5, 4], href: "/page/2/", pageNumber: 2, previousHref: "/", nextHref: "/page/1/" },
      { items: [3, 2, 1], href: "/page/1/", pageNumber: 1, previousHref: "/page/2/" },
    ]);
  });

  it("gives a list shorter than two pages one page without links", () => {
    expect(paginate(newestFirst(5), 3, BASE)).toEqual([{ items: [5, 4, 3, 2, 1], href: BASE }]);
  });

  it("gives an empty list one empty page", () => {
    expect(paginate([], 10, BASE)).toEqual([{ items: [], href: BASE }]);
  });

  it.each([0, -1, 0.5, Number.NaN])("refuses a page size of %s", (size) => {
    expect(() => paginate([1], size, BASE)).toThrow(
      `paginate: size must be a whole number of at least 1, not ${size}`,
    );
  });
});

describe.each(CASES)("paginate: $n items at $s a page", ({ n, s }) => {
  const items = newestFirst(n);
  const pages = paginate(items, s, BASE);
  const [first, ...older] = pages;
  const hrefs = pages.map((page) => page.href);

  it("shows every item once, newest first, reading from the first page on", () => {
    expect(pages.flatMap((page) => page.items)).toEqual(items);
  });

  it("puts s items on each older page and the rest, s to 2s − 1 once there are s, on the first", () => {
    for (const page of older) expect(page.items).toHaveLength(s);
    const firstLength = first?.items.length ?? -1;
    if (n < s) expect(firstLength).toBe(n);
    else {
      expect(firstLength).toBeGreaterThanOrEqual(s);
      expect(firstLength).toBeLessThanOrEqual(2 * s - 1);
    }
  });

  it("puts the first page at the listing's URL and older page k at page/k/, holding the k-th s from the oldest", () => {
    expect(first?.href).toBe(BASE);
    expect(first?.pageNumber).toBeUndefined();
    older.forEach((page, index) => {
      const k = older.length - index;
      expect(page.pageNumber).toBe(k);
      expect(page.href).toBe(`${BASE}page/${k}/`);
      expect(page.items).toEqual(Array.from({ length: s }, (_, offset) => k * s - offset));
    });
    expect(new Set(hrefs).size).toBe(pages.length);
  });

  it("links only pages that exist, and following older issues from the first page visits each once", () => {
    for (const page of pages) {
      for (const link of [page.previousHref, page.nextHref]) {
        if (link !== undefined) expect(hrefs).toContain(link);
      }
    }
    const visited: string[] = [];
    for (let page = first; page; page = pages.find((other) => other.href === page?.nextHref)) {
      visited.push(page.href);
      if (visited.length > pages.length) break;
    }
    expect(visited).toEqual(hrefs);
    expect(pages.map((page) => page.previousHref)).toEqual([undefined, ...hrefs.slice(0, -1)]);
  });

  it("changes at most two existing pages and adds at most one when a newer item arrives", () => {
    const before = byHref(pages);
    const after = byHref(paginate(newestFirst(n + 1), s, BASE));
    const changed = [...before].filter(([href, json]) => after.get(href) !== json).map(([href]) => href);
    const added = [...after.keys()].filter((href) => !before.has(href));
    expect([...before.keys()].filter((href) => !after.has(href))).toEqual([]);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(added.length).toBeLessThanOrEqual(1);
    // The two it may change: the first page, and the newest older page, whose newer link moves.
    const newestOlder = older[0]?.href;
    expect(changed.filter((href) => href !== BASE && href !== newestOlder)).toEqual([]);
    if (added.length === 0) expect(changed).toEqual([BASE]);
  });
});

describe("paginate as a listing grows one item at a time", () => {
  it("leaves an older page as it was from the build that made it on", () => {
    const firstSeen = new Map<string, string>();
    for (let count = 0; count <= 100; count += 1) {
      for (const page of paginate(newestFirst(count), 7, BASE)) {
        if (page.href === BASE) continue;
        const json = JSON.stringify({ ...page, previousHref: undefined });
        expect(firstSeen.get(page.href) ?? json, `${page.href} at ${count} items`).toBe(json);
        firstSeen.set(page.href, json);
      }
    }
    expect(firstSeen.size).toBe(olderPageCount(100, 7));
  });
});

describe("paginateTimeline (oldest first, a story thread)", () => {
  it("numbers pages from the start: page 1 is the timeline itself", () => {
    expect(paginateTimeline([1, 2, 3, 4, 5], 2, "/threads/talks/")).toEqual([
      { items: [1, 2], href: "/threads/talks/", nextHref: "/threads/talks/page/2/" },
      {
        items: [3, 4],
        href: "/threads/talks/page/2/",
        pageNumber: 2,
        previousHref: "/threads/talks/",
        nextHref: "/threads/talks/page/3/",
      },
      { items: [5], href: "/threads/talks/page/3/", pageNumber: 3, previousHref: "/threads/talks/page/2/" },
    ]);
  });

  it("gives an empty timeline one empty page", () => {
    expect(paginateTimeline([], 50, "/threads/talks/")).toEqual([{ items: [], href: "/threads/talks/" }]);
  });

  it.each(Array.from({ length: 10 }, (_, count) => count))(
    "changes at most the last page and the one before it when item %i + 1 arrives",
    (count) => {
      const oldestFirst = (length: number) => Array.from({ length }, (_, index) => index + 1);
      const before = byHref(paginateTimeline(oldestFirst(count), 3, "/t/"));
      const after = byHref(paginateTimeline(oldestFirst(count + 1), 3, "/t/"));
      const changed = [...before].filter(([href, json]) => after.get(href) !== json);
      const added = [...after.keys()].filter((href) => !before.has(href));
      expect(changed.length + added.length).toBeLessThanOrEqual(2);
      expect(added.length).toBeLessThanOrEqual(1);
    },
  );
});

describe("paginateGroups", () => {
  it("paginates each id's group in the order of the ids, including ids with no items", () => {
    const groups = new Map([
      ["russia", [5, 4, 3, 2, 1]],
      ["turkey", [1]],
    ]);
    expect(paginateGroups(["russia", "turkey", "iran"], groups, 2, (id) => `/topics/${id}/`)).toEqual([
      { id: "russia", items: [5, 4, 3], href: "/topics/russia/", nextHref: "/topics/russia/page/1/" },
      {
        id: "russia",
        items: [2, 1],
        href: "/topics/russia/page/1/",
        pageNumber: 1,
        previousHref: "/topics/russia/",
      },
      { id: "turkey", items: [1], href: "/topics/turkey/" },
      { id: "iran", items: [], href: "/topics/iran/" },
    ]);
  });
});
