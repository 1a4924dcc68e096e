/**
 * Ordering, grouping, pagination, neighbours and related issues over plain items shaped
 * like Eleventy collection entries.
 */
import { describe, expect, it } from "vitest";
import {
  findNeighbours,
  findRelated,
  groupBy,
  groupByMonth,
  type IssueLike,
  paginate,
  paginateGroups,
  sortNewestFirst,
} from "../lib/collections.ts";

function item(url: string, iso: string, topics: string[] = [], authors: string[] = []): IssueLike {
  return { url, date: new Date(iso), data: { topics, authors } };
}

const urls = (items: readonly IssueLike[]) => items.map((entry) => entry.url);

describe("sortNewestFirst", () => {
  const march = item("/2025/03/c/", "2025-03-01T10:00:00Z");
  const aprilB = item("/2025/04/b/", "2025-04-10T10:00:00Z");
  const aprilA = item("/2025/04/a/", "2025-04-10T10:00:00Z");
  const may = item("/2025/05/d/", "2025-05-01T10:00:00Z");

  it("puts the newest first and breaks ties by URL", () => {
    expect(urls(sortNewestFirst([march, aprilB, may, aprilA]))).toEqual([
      "/2025/05/d/",
      "/2025/04/a/",
      "/2025/04/b/",
      "/2025/03/c/",
    ]);
  });

  it("does not change its input", () => {
    const input = [march, aprilB, may, aprilA];
    const sorted = sortNewestFirst(input);
    expect(sorted).not.toBe(input);
    expect(urls(input)).toEqual(["/2025/03/c/", "/2025/04/b/", "/2025/05/d/", "/2025/04/a/"]);
  });

  it("returns an empty list for an empty list", () => {
    expect(sortNewestFirst([])).toEqual([]);
  });
});

describe("groupBy", () => {
  it("puts an item in every group it has a key for, keeping input order", () => {
    const a = item("/a/", "2025-01-01T00:00:00Z", ["turkey", "diplomacy"]);
    const b = item("/b/", "2025-01-02T00:00:00Z", ["diplomacy"]);
    const groups = groupBy([a, b], (entry) => entry.data.topics);
    expect([...groups].map(([key, group]) => [key, urls(group)])).toEqual([
      ["turkey", ["/a/"]],
      ["diplomacy", ["/a/", "/b/"]],
    ]);
  });
});

describe("paginate", () => {
  it("splits items into pages with hrefs and previous/next links", () => {
    expect(paginate([1, 2, 3, 4, 5], 2, "/")).toEqual([
      { items: [1, 2], pageNumber: 1, totalPages: 3, href: "/", nextHref: "/page/2/" },
      {
        items: [3, 4],
        pageNumber: 2,
        totalPages: 3,
        href: "/page/2/",
        previousHref: "/",
        nextHref: "/page/3/",
      },
      { items: [5], pageNumber: 3, totalPages: 3, href: "/page/3/", previousHref: "/page/2/" },
    ]);
  });

  it("gives a list that fills one page exactly a single page without links", () => {
    expect(paginate([1, 2], 2, "/topics/russia/")).toEqual([
      { items: [1, 2], pageNumber: 1, totalPages: 1, href: "/topics/russia/" },
    ]);
  });

  it("gives an empty list one empty page", () => {
    expect(paginate([], 10, "/topics/russia/")).toEqual([
      { items: [], pageNumber: 1, totalPages: 1, href: "/topics/russia/" },
    ]);
  });

  it("builds later pages under the base URL", () => {
    expect(paginate([1, 2, 3], 1, "/authors/ayse-kaya/").map((page) => page.href)).toEqual([
      "/authors/ayse-kaya/",
      "/authors/ayse-kaya/page/2/",
      "/authors/ayse-kaya/page/3/",
    ]);
  });
});

describe("paginateGroups", () => {
  it("paginates each id's group in the order of the ids, including ids with no items", () => {
    const groups = new Map([
      ["russia", [1, 2, 3]],
      ["turkey", [4]],
    ]);
    expect(paginateGroups(["russia", "turkey", "iran"], groups, 2, (id) => `/topics/${id}/`)).toEqual([
      {
        id: "russia",
        items: [1, 2],
        pageNumber: 1,
        totalPages: 2,
        href: "/topics/russia/",
        nextHref: "/topics/russia/page/2/",
      },
      {
        id: "russia",
        items: [3],
        pageNumber: 2,
        totalPages: 2,
        href: "/topics/russia/page/2/",
        previousHref: "/topics/russia/",
      },
      { id: "turkey", items: [4], pageNumber: 1, totalPages: 1, href: "/topics/turkey/" },
      { id: "iran", items: [], pageNumber: 1, totalPages: 1, href: "/topics/iran/" },
    ]);
  });
});

describe("groupByMonth", () => {
  const items = [
    item("/2024/11/z/", "2024-11-15T10:00:00Z"),
    item("/2025/05/late/", "2025-04-30T22:30:00Z"),
    item("/2025/01/new-year/", "2024-12-31T21:30:00Z"),
    item("/2025/04/x/", "2025-04-02T10:00:00Z"),
    item("/2025/04/w/", "2025-04-20T10:00:00Z"),
  ];

  const summary = (zone: string) =>
    groupByMonth(items, zone).map((year) => ({
      year: year.year,
      months: year.months.map((month) => ({ key: month.key, label: month.label, items: urls(month.items) })),
    }));

  it("groups by year and month in the site's zone, newest first", () => {
    expect(summary("Europe/Istanbul")).toEqual([
      {
        year: "2025",
        months: [
          { key: "2025-05", label: "May 2025", items: ["/2025/05/late/"] },
          { key: "2025-04", label: "April 2025", items: ["/2025/04/w/", "/2025/04/x/"] },
          { key: "2025-01", label: "January 2025", items: ["/2025/01/new-year/"] },
        ],
      },
      { year: "2024", months: [{ key: "2024-11", label: "November 2024", items: ["/2024/11/z/"] }] },
    ]);
  });

  it("puts the same instants in other months in UTC", () => {
    expect(summary("UTC")).toEqual([
      {
        year: "2025",
        months: [
          { key: "2025-04", label: "April 2025", items: ["/2025/05/late/", "/2025/04/w/", "/2025/04/x/"] },
        ],
      },
      {
        year: "2024",
        months: [
          { key: "2024-12", label: "December 2024", items: ["/2025/01/new-year/"] },
          { key: "2024-11", label: "November 2024", items: ["/2024/11/z/"] },
        ],
      },
    ]);
  });

  it("returns no years for no items", () => {
    expect(groupByMonth([], "Europe/Istanbul")).toEqual([]);
  });
});

describe("findNeighbours", () => {
  const newest = item("/2025/04/c/", "2025-04-20T10:00:00Z");
  const middle = item("/2025/04/b/", "2025-04-10T10:00:00Z");
  const oldest = item("/2025/03/a/", "2025-03-01T10:00:00Z");
  const list = [newest, middle, oldest];

  it("gives the middle issue a newer and an older one", () => {
    expect(findNeighbours(list, "/2025/04/b/")).toEqual({ newer: newest, older: oldest });
  });

  it("gives the newest issue only an older one", () => {
    expect(findNeighbours(list, "/2025/04/c/")).toEqual({ older: middle });
  });

  it("gives the oldest issue only a newer one", () => {
    expect(findNeighbours(list, "/2025/03/a/")).toEqual({ newer: middle });
  });

  it("gives a lone issue no neighbours", () => {
    expect(findNeighbours([middle], "/2025/04/b/")).toEqual({});
  });

  it("gives an unknown URL no neighbours", () => {
    expect(findNeighbours(list, "/2025/04/unknown/")).toEqual({});
  });
});

describe("findRelated", () => {
  // Newest first, as the function requires.
  const current = item("/2025/05/current/", "2025-05-10T10:00:00Z", ["turkey", "russia", "diplomacy"]);
  const newerOne = item("/2025/05/newer-one/", "2025-05-12T10:00:00Z", ["turkey"]);
  const recentOne = item("/2025/05/recent-one/", "2025-05-05T10:00:00Z", ["russia"]);
  const unrelated = item("/2025/05/unrelated/", "2025-05-04T10:00:00Z", ["iran"]);
  const olderTwo = item("/2025/04/older-two/", "2025-04-20T10:00:00Z", ["turkey", "diplomacy"]);
  const oldOne = item("/2025/04/old-one/", "2025-04-10T10:00:00Z", ["diplomacy"]);
  const oldestThree = item("/2025/03/oldest-three/", "2025-03-01T10:00:00Z", [
    "diplomacy",
    "russia",
    "turkey",
  ]);
  const list = [newerOne, current, recentOne, unrelated, olderTwo, oldOne, oldestThree];

  it("puts most shared topics first, then the most recent, and keeps three", () => {
    expect(urls(findRelated(list, "/2025/05/current/"))).toEqual([
      "/2025/03/oldest-three/",
      "/2025/04/older-two/",
      "/2025/05/newer-one/",
    ]);
  });

  it("excludes the issue itself and issues with no shared topic", () => {
    expect(urls(findRelated(list, "/2025/05/current/", 10))).toEqual([
      "/2025/03/oldest-three/",
      "/2025/04/older-two/",
      "/2025/05/newer-one/",
      "/2025/05/recent-one/",
      "/2025/04/old-one/",
    ]);
  });

  it("honours a smaller limit", () => {
    expect(urls(findRelated(list, "/2025/05/current/", 1))).toEqual(["/2025/03/oldest-three/"]);
  });

  it("finds nothing for an issue whose topics no other issue has", () => {
    expect(findRelated(list, "/2025/05/unrelated/")).toEqual([]);
  });

  it("finds nothing for an unknown URL", () => {
    expect(findRelated(list, "/2025/05/unknown/")).toEqual([]);
  });

  it("does not change its input", () => {
    findRelated(list, "/2025/05/current/");
    expect(urls(list)).toEqual([
      "/2025/05/newer-one/",
      "/2025/05/current/",
      "/2025/05/recent-one/",
      "/2025/05/unrelated/",
      "/2025/04/older-two/",
      "/2025/04/old-one/",
      "/2025/03/oldest-three/",
    ]);
  });
});
