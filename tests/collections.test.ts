/**
 * Ordering, grouping, the archive's pages, neighbours and related issues over plain items shaped
 * like Eleventy collection entries. Pagination itself is tests/pipeline/views/paging.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  ARCHIVE_PAGE_ISSUES,
  archiveOverview,
  archiveYearPages,
  groupByMonth,
} from "../lib/pipeline/views/archive.ts";
import { findNeighbours, findRelated, RELATED_WINDOW } from "../lib/pipeline/views/neighbours.ts";
import { groupBy, type IssueLike, sortNewestFirst } from "../lib/pipeline/views/paging.ts";

function item(url: string, iso: string, topics: string[] = [], authors: string[] = []): IssueLike {
  return { url, publishedAt: Date.parse(iso), data: { topics, authors } };
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

describe("groupByMonth", () => {
  const items = [
    item("/2024/11/z/", "2024-11-15T10:00:00Z"),
    item("/2025/05/late/", "2025-04-30T22:30:00Z"),
    item("/2025/01/new-year/", "2024-12-31T23:30:00Z"),
    item("/2025/04/x/", "2025-04-02T10:00:00Z"),
    item("/2025/04/w/", "2025-04-20T10:00:00Z"),
  ];

  const summary = (zone: string) =>
    groupByMonth(items, zone).map((year) => ({
      year: year.year,
      months: year.months.map((month) => ({
        key: month.key,
        label: month.label,
        anchor: month.anchor,
        items: month.entries.map((entry) => `${entry.date} ${entry.day} ${entry.item.url}`),
      })),
    }));

  it("groups by year and month in the site's zone, newest first, with each issue's local day", () => {
    expect(summary("Europe/Istanbul")).toEqual([
      {
        year: "2025",
        months: [
          { key: "2025-05", label: "May 2025", anchor: "may", items: ["2025-05-01 1 May /2025/05/late/"] },
          {
            key: "2025-04",
            label: "April 2025",
            anchor: "april",
            items: ["2025-04-20 20 April /2025/04/w/", "2025-04-02 2 April /2025/04/x/"],
          },
          {
            key: "2025-01",
            label: "January 2025",
            anchor: "january",
            items: ["2025-01-01 1 January /2025/01/new-year/"],
          },
        ],
      },
      {
        year: "2024",
        months: [
          {
            key: "2024-11",
            label: "November 2024",
            anchor: "november",
            items: ["2024-11-15 15 November /2024/11/z/"],
          },
        ],
      },
    ]);
  });

  it("puts the same instants in other months and years in UTC", () => {
    expect(summary("UTC")).toEqual([
      {
        year: "2025",
        months: [
          {
            key: "2025-04",
            label: "April 2025",
            anchor: "april",
            items: [
              "2025-04-30 30 April /2025/05/late/",
              "2025-04-20 20 April /2025/04/w/",
              "2025-04-02 2 April /2025/04/x/",
            ],
          },
        ],
      },
      {
        year: "2024",
        months: [
          {
            key: "2024-12",
            label: "December 2024",
            anchor: "december",
            items: ["2024-12-31 31 December /2025/01/new-year/"],
          },
          {
            key: "2024-11",
            label: "November 2024",
            anchor: "november",
            items: ["2024-11-15 15 November /2024/11/z/"],
          },
        ],
      },
    ]);
  });

  it.each([
    // instant, zone, year, month key, local date
    ["2025-12-31T23:30:00Z", "Europe/Istanbul", "2026", "2026-01", "2026-01-01"],
    ["2025-12-31T23:30:00Z", "UTC", "2025", "2025-12", "2025-12-31"],
    ["2025-12-31T20:59:59Z", "Europe/Istanbul", "2025", "2025-12", "2025-12-31"],
    ["2025-12-31T21:00:00Z", "Europe/Istanbul", "2026", "2026-01", "2026-01-01"],
    ["2026-01-01T03:00:00Z", "America/New_York", "2025", "2025-12", "2025-12-31"],
  ])("files %s in %s under year %s, month %s, day %s", (iso, zone, year, key, date) => {
    const [group] = groupByMonth([item("/issue/", iso)], zone);
    expect([group?.year, group?.months[0]?.key, group?.months[0]?.entries[0]?.date]).toEqual([
      year,
      key,
      date,
    ]);
  });

  it("returns no years for no items", () => {
    expect(groupByMonth([], "Europe/Istanbul")).toEqual([]);
  });
});

/** `count` issues in one month of a year, one a day from the 28th down, in UTC. */
function monthOf(year: number, month: number, count: number): IssueLike[] {
  const mm = String(month).padStart(2, "0");
  return Array.from({ length: count }, (_, index) => {
    const day = String(28 - (index % 28)).padStart(2, "0");
    const hour = String(Math.floor(index / 28)).padStart(2, "0");
    return item(`/${year}/${mm}/issue-${index}/`, `${year}-${mm}-${day}T${hour}:00:00Z`);
  });
}

describe("archiveYearPages", () => {
  /** Each page as `href: key(count)…`, `+` marking a continued part. */
  const layout = (months: [year: number, month: number, count: number][], max: number) =>
    archiveYearPages(
      groupByMonth(
        months.flatMap(([year, month, count]) => monthOf(year, month, count)),
        "UTC",
      ),
      max,
    ).map(
      (page) =>
        `${page.href}: ${page.items
          .map((section) => `${section.continued ? "+" : ""}${section.key}(${section.entries.length})`)
          .join(" ")}`,
    );

  it.each<[string, [number, number, number][], number, string[]]>([
    [
      "a year that fits is one page",
      [
        [2025, 3, 2],
        [2025, 1, 3],
      ],
      10,
      ["/archive/2025/: 2025-03(2) 2025-01(3)"],
    ],
    [
      "a page holds exactly the maximum",
      [
        [2025, 2, 5],
        [2025, 1, 5],
      ],
      10,
      ["/archive/2025/: 2025-02(5) 2025-01(5)"],
    ],
    [
      "a month that does not fit starts the next page whole",
      [
        [2025, 3, 6],
        [2025, 2, 5],
        [2025, 1, 4],
      ],
      10,
      ["/archive/2025/: 2025-03(6)", "/archive/2025/page/1/: 2025-02(5) 2025-01(4)"],
    ],
    [
      "a month longer than a page is split from its oldest issue, its older parts marked continued",
      [
        [2025, 5, 2],
        [2025, 4, 25],
        [2025, 3, 1],
      ],
      10,
      [
        "/archive/2025/: 2025-05(2) 2025-04(5)",
        "/archive/2025/page/3/: +2025-04(10)",
        "/archive/2025/page/2/: +2025-04(10)",
        "/archive/2025/page/1/: 2025-03(1)",
      ],
    ],
    [
      "years never share a page",
      [
        [2025, 1, 1],
        [2024, 12, 1],
      ],
      10,
      ["/archive/2025/: 2025-01(1)", "/archive/2024/: 2024-12(1)"],
    ],
  ])("%s", (_, months, max, expected) => {
    expect(layout(months, max)).toEqual(expected);
  });

  it("fits a daily's year, 365 or 366 issues, on one page by default", () => {
    expect(ARCHIVE_PAGE_ISSUES).toBe(366);
    const leapYear = Array.from({ length: 366 }, (_, day) =>
      item(`/2024/d${day}/`, new Date(Date.UTC(2024, 0, 1 + day, 9)).toISOString()),
    );
    expect(archiveYearPages(groupByMonth(leapYear, "UTC")).map((page) => [page.href, page.count])).toEqual([
      ["/archive/2024/", 366],
    ]);
  });

  it("links every page to the archive, the older year and its neighbouring pages; only the year's own page to the newer year and its count", () => {
    const pages = archiveYearPages(
      groupByMonth(
        [...monthOf(2026, 1, 1), ...monthOf(2025, 2, 2), ...monthOf(2025, 1, 2), ...monthOf(2023, 5, 1)],
        "UTC",
      ),
      2,
    );
    expect(
      pages.map(({ year, count, href, previousHref, nextHref, newerYear, olderYear, archiveHref }) => ({
        year,
        count,
        href,
        previousHref,
        nextHref,
        newerYear,
        olderYear,
        archiveHref,
      })),
    ).toEqual([
      {
        year: "2026",
        count: 1,
        href: "/archive/2026/",
        previousHref: undefined,
        nextHref: undefined,
        newerYear: undefined,
        olderYear: { year: "2025", href: "/archive/2025/" },
        archiveHref: "/archive/",
      },
      {
        year: "2025",
        count: 4,
        href: "/archive/2025/",
        previousHref: undefined,
        nextHref: "/archive/2025/page/1/",
        newerYear: { year: "2026", href: "/archive/2026/" },
        olderYear: { year: "2023", href: "/archive/2023/" },
        archiveHref: "/archive/",
      },
      {
        year: "2025",
        count: undefined,
        href: "/archive/2025/page/1/",
        previousHref: "/archive/2025/",
        nextHref: undefined,
        newerYear: undefined,
        olderYear: { year: "2023", href: "/archive/2023/" },
        archiveHref: "/archive/",
      },
      {
        year: "2023",
        count: 1,
        href: "/archive/2023/",
        previousHref: undefined,
        nextHref: undefined,
        newerYear: { year: "2025", href: "/archive/2025/" },
        olderYear: undefined,
        archiveHref: "/archive/",
      },
    ]);
  });

  it("gives each month one fragment, on its newest part", () => {
    const pages = archiveYearPages(groupByMonth(monthOf(2025, 4, 5), "UTC"), 2);
    expect(pages.map((page) => page.items.map((section) => section.anchor ?? "-"))).toEqual([
      ["april"],
      ["-"],
      ["-"],
    ]);
  });

  it.each([0, -1, 0.5, Number.NaN])("refuses a page size of %s", (max) => {
    expect(() => archiveYearPages([], max)).toThrow(
      `archiveYearPages: maxIssues must be a whole number of at least 1, not ${max}`,
    );
  });

  it("has no pages for no years", () => {
    expect(archiveYearPages([])).toEqual([]);
  });

  it("changes at most the year's own page and the page just older, and adds at most one, as issues arrive", () => {
    // Months of 1 to 9 issues, a page of 4: months that fit, that do not, and that split.
    const issues = [1, 6, 2, 9, 3, 1, 4, 4, 5].flatMap((count, index) => monthOf(2025, index + 1, count));
    const oldestFirst = sortNewestFirst(issues).reverse();
    const pagesOf = (count: number) =>
      new Map(
        archiveYearPages(groupByMonth(oldestFirst.slice(0, count), "UTC"), 4).map(
          (page) => [page.href, JSON.stringify(page)] as const,
        ),
      );
    for (let count = 1; count < oldestFirst.length; count += 1) {
      const before = pagesOf(count);
      const after = pagesOf(count + 1);
      const changed = [...before].filter(([href, json]) => after.get(href) !== json).map(([href]) => href);
      const added = [...after.keys()].filter((href) => !before.has(href));
      const newestOlder = [...before.keys()][1];
      expect(
        [...before.keys()].filter((href) => !after.has(href)),
        `at ${count}`,
      ).toEqual([]);
      expect(added.length, `at ${count}`).toBeLessThanOrEqual(1);
      expect(
        changed.filter((href) => href !== "/archive/2025/" && href !== newestOlder),
        `at ${count}`,
      ).toEqual([]);
    }
    // Every issue once, newest first, whatever the pages.
    const all = archiveYearPages(groupByMonth(issues, "UTC"), 4).flatMap((page) =>
      page.items.flatMap((section) => section.entries.map((entry) => entry.item.url)),
    );
    expect(all).toEqual(urls(sortNewestFirst(issues)));
  });
});

describe("archiveOverview", () => {
  it("counts each year and month, and links each month to its fragment on the page that holds it", () => {
    const issues = [
      ...monthOf(2025, 3, 3),
      ...monthOf(2025, 2, 5),
      ...monthOf(2025, 1, 1),
      ...monthOf(2024, 12, 2),
    ];
    expect(archiveOverview(archiveYearPages(groupByMonth(issues, "UTC"), 4))).toEqual([
      {
        year: "2025",
        count: 9,
        href: "/archive/2025/",
        months: [
          { key: "2025-03", name: "March", count: 3, href: "/archive/2025/#march" },
          { key: "2025-02", name: "February", count: 5, href: "/archive/2025/#february" },
          { key: "2025-01", name: "January", count: 1, href: "/archive/2025/page/1/#january" },
        ],
      },
      {
        year: "2024",
        count: 2,
        href: "/archive/2024/",
        months: [{ key: "2024-12", name: "December", count: 2, href: "/archive/2024/#december" }],
      },
    ]);
  });

  it("is empty for an empty archive", () => {
    expect(archiveOverview([])).toEqual([]);
  });
});

describe("findNeighbours", () => {
  const newest = item("/2025/04/c/", "2025-04-20T10:00:00Z");
  const middle = item("/2025/04/b/", "2025-04-10T10:00:00Z");
  const oldest = item("/2025/03/a/", "2025-03-01T10:00:00Z");
  const sameTimeA = item("/2025/04/same-a/", "2025-04-15T10:00:00Z");
  const sameTimeB = item("/2025/04/same-b/", "2025-04-15T10:00:00Z");

  it.each<[string, IssueLike[], string, { newer?: IssueLike; older?: IssueLike }]>([
    [
      "the middle issue has a newer and an older one",
      [newest, middle, oldest],
      "/2025/04/b/",
      { newer: newest, older: oldest },
    ],
    ["the newest issue has only an older one", [newest, middle, oldest], "/2025/04/c/", { older: middle }],
    ["the oldest issue has only a newer one", [newest, middle, oldest], "/2025/03/a/", { newer: middle }],
    ["a lone issue has none", [middle], "/2025/04/b/", {}],
    ["an unknown URL has none", [newest, middle, oldest], "/2025/04/unknown/", {}],
    [
      "they go by date whatever the input order",
      [oldest, newest, middle],
      "/2025/04/b/",
      { newer: newest, older: oldest },
    ],
    [
      "issues at the same instant go by URL",
      [sameTimeB, newest, sameTimeA, middle],
      "/2025/04/same-b/",
      { newer: sameTimeA, older: middle },
    ],
  ])("%s", (_, list, url, expected) => {
    expect(findNeighbours(list, url)).toEqual(expected);
  });
});

describe("findRelated", () => {
  const current = item("/2025/05/current/", "2025-05-10T10:00:00Z", ["turkey", "russia", "diplomacy"]);
  const newerThree = item("/2025/05/newer-three/", "2025-05-12T10:00:00Z", ["turkey", "russia", "diplomacy"]);
  const recentOne = item("/2025/05/recent-one/", "2025-05-05T10:00:00Z", ["russia"]);
  const unrelated = item("/2025/05/unrelated/", "2025-05-04T10:00:00Z", ["iran"]);
  const olderTwo = item("/2025/04/older-two/", "2025-04-20T10:00:00Z", ["turkey", "diplomacy"]);
  const oldOne = item("/2025/04/old-one/", "2025-04-10T10:00:00Z", ["diplomacy"]);
  const oldestTwo = item("/2025/03/oldest-two/", "2025-03-01T10:00:00Z", ["diplomacy", "russia"]);
  const list = [newerThree, current, recentOne, unrelated, olderTwo, oldOne, oldestTwo];

  it.each<[string, number, string[]]>([
    [
      "most shared topics first, then the nearest earlier issue; never a later one",
      3,
      ["/2025/04/older-two/", "/2025/03/oldest-two/", "/2025/05/recent-one/"],
    ],
    [
      "every earlier issue sharing a topic, and none that shares none",
      10,
      ["/2025/04/older-two/", "/2025/03/oldest-two/", "/2025/05/recent-one/", "/2025/04/old-one/"],
    ],
    ["a smaller limit keeps the best", 1, ["/2025/04/older-two/"]],
    ["a limit of zero keeps none", 0, []],
  ])("%s", (_, limit, expected) => {
    expect(urls(findRelated(list, "/2025/05/current/", limit))).toEqual(expected);
  });

  it("breaks ties of shared topics and distance by URL, whatever the input order", () => {
    const page = item("/2025/06/page/", "2025-06-10T10:00:00Z", ["iran", "iraq"]);
    const tiedB = item("/2025/06/b-tied/", "2025-06-01T10:00:00Z", ["iran"]);
    const tiedA = item("/2025/06/a-tied/", "2025-06-01T10:00:00Z", ["iraq"]);
    const tiedC = item("/2025/06/c-tied/", "2025-06-01T10:00:00Z", ["iran"]);
    const orders = [
      [page, tiedA, tiedB, tiedC],
      [tiedC, tiedB, page, tiedA],
      [tiedB, tiedA, tiedC, page],
    ];
    for (const order of orders) {
      expect(urls(findRelated(order, "/2025/06/page/", 2))).toEqual(["/2025/06/a-tied/", "/2025/06/b-tied/"]);
    }
  });

  it("looks only at the nearest earlier issues on each topic, however long the archive", () => {
    const page = item("/2025/07/page/", "2025-07-31T10:00:00Z", ["iran", "iraq"]);
    // Three near issues on each topic share one topic; further back, one shares both.
    const near = ["iran", "iraq"].flatMap((topic, t) =>
      Array.from({ length: 3 }, (_, day) =>
        item(`/2025/07/near-${topic}-${day}/`, `2025-07-${String(30 - day).padStart(2, "0")}T1${t}:00:00Z`, [
          topic,
        ]),
      ),
    );
    const farBoth = item("/2025/06/far-both/", "2025-06-01T10:00:00Z", ["iran", "iraq"]);
    const all = [page, ...near, farBoth];
    expect(urls(findRelated(all, "/2025/07/page/", 1, 3))).toEqual(["/2025/07/near-iraq-0/"]);
    expect(urls(findRelated(all, "/2025/07/page/", 1, 4))).toEqual(["/2025/06/far-both/"]);
    expect(RELATED_WINDOW).toBe(30);
  });

  it("a new issue does not change any older issue's related list", () => {
    const topicsOf = (index: number) =>
      [["iran"], ["iran", "iraq"], ["iraq", "turkey"], ["turkey"], ["iran", "turkey"]][index % 5] ?? [];
    const archive = Array.from({ length: 120 }, (_, index) =>
      item(
        `/archive/${String(index).padStart(3, "0")}/`,
        new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString(),
        topicsOf(index),
      ),
    );
    const relatedOfAll = (list: IssueLike[]) => archive.map((entry) => urls(findRelated(list, entry.url, 3)));
    const before = relatedOfAll(archive);
    const newIssue = item("/archive/new/", "2025-06-01T00:00:00Z", ["iran", "iraq", "turkey"]);
    expect(relatedOfAll([newIssue, ...archive])).toEqual(before);
    // The new issue itself has related issues, the nearest earlier ones sharing two topics.
    expect(urls(findRelated([newIssue, ...archive], "/archive/new/", 3))).toEqual([
      "/archive/119/",
      "/archive/117/",
      "/archive/116/",
    ]);
  });

  it("finds nothing for an issue whose topics no earlier issue has, or for an unknown URL", () => {
    expect(findRelated(list, "/2025/05/unrelated/")).toEqual([]);
    expect(findRelated(list, "/2025/03/oldest-two/")).toEqual([]);
    expect(findRelated(list, "/2025/05/unknown/")).toEqual([]);
  });

  it("does not change its input", () => {
    const input = [oldOne, current, newerThree];
    findRelated(input, "/2025/05/current/");
    findNeighbours(input, "/2025/05/current/");
    expect(urls(input)).toEqual(["/2025/04/old-one/", "/2025/05/current/", "/2025/05/newer-three/"]);
  });
});
