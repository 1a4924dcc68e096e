import { describe, expect, it } from "vitest";
import { BUNDLE_LIMIT, bundleUrl, groupIntoBundles, renderBundleList } from "../../lib/search/bundles.ts";

/** `count` issue pages in `year`, spread over its months (or only `months`). */
function issues(year: number, count: number, months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]): string[] {
  return Array.from({ length: count }, (_, n) => {
    const month = String(months[n % months.length]).padStart(2, "0");
    return `${year}/${month}/issue-${String(n).padStart(4, "0")}/index.html`;
  });
}

const shape = (files: string[]) =>
  groupIntoBundles(files).map((bundle) => [bundle.id, bundle.files.length] as const);

describe("groupIntoBundles", () => {
  it.each<[string, string[], (readonly [string, number])[]]>([
    ["no issue, no bundle", [], []],
    ["a year of up to the limit is one bundle", issues(2025, BUNDLE_LIMIT), [["2025", BUNDLE_LIMIT]]],
    [
      "years newest first",
      [...issues(2023, 3), ...issues(2025, 2), ...issues(2024, 1)],
      [
        ["2025", 2],
        ["2024", 1],
        ["2023", 3],
      ],
    ],
    [
      "a daily year is split by quarter",
      issues(2025, 365),
      [
        ["2025-q4", 90],
        ["2025-q3", 90],
        ["2025-q2", 92],
        ["2025-q1", 93],
      ],
    ],
    [
      "a quarter over the limit is split by month, ordered with the other quarters",
      [...issues(2025, 150, [1, 2, 3]), ...issues(2025, 240, [4, 5, 6])],
      [
        ["2025-06", 80],
        ["2025-05", 80],
        ["2025-04", 80],
        ["2025-q1", 150],
      ],
    ],
    [
      "pages outside /<yyyy>/<mm>/ last",
      ["about/index.html", ...issues(2025, 1), "2025/13/x/index.html"],
      [
        ["2025", 1],
        ["other", 2],
      ],
    ],
  ])("%s", (_what, files, expected) => {
    expect(shape(files)).toEqual(expected);
  });

  it("gives every page one bundle, in path order within it", () => {
    const files = [...issues(2025, 365), ...issues(2024, 52)].reverse();
    const bundles = groupIntoBundles(files);
    const all = bundles.flatMap((bundle) => bundle.files);
    expect([...all].sort()).toEqual([...files].sort());
    for (const bundle of bundles) expect(bundle.files).toEqual([...bundle.files].sort());
  });

  it("changes only the newest bundle when a new issue comes", () => {
    const before = groupIntoBundles([
      ...issues(2025, 300, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
      ...issues(2024, 365),
    ]);
    const after = groupIntoBundles([
      ...issues(2025, 300, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
      ...issues(2024, 365),
      "2025/09/the-newest/index.html",
    ]);
    const changed = after.filter(
      (bundle) => JSON.stringify(bundle) !== JSON.stringify(before.find((old) => old.id === bundle.id)),
    );
    expect(changed.map((bundle) => bundle.id)).toEqual(["2025-q3"]);
  });
});

describe("bundleUrl and renderBundleList", () => {
  it("publishes each bundle under /pagefind/ and lists them newest first", () => {
    expect(bundleUrl("2025-q2")).toBe("/pagefind/2025-q2/");
    expect(renderBundleList(groupIntoBundles([...issues(2024, 1), ...issues(2025, 1)]))).toBe(
      '{"bundles":["/pagefind/2025/","/pagefind/2024/"]}\n',
    );
  });
});
