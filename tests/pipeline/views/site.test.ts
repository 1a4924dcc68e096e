/** The site's views from issue views: what an issue's foot lists, each issue once. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../lib/pipeline/content/check-issue.ts";
import { viewIssue } from "../../../lib/pipeline/views/issue.ts";
import { buildSiteViews } from "../../../lib/pipeline/views/site.ts";

const authors = { "ayse-demir": { name: "Ayşe Demir", role: "Correspondent", bio: "Sample." } };
const topics = { russia: { name: "Russia", kind: "country" as const, description: "Russia." } };
const site = { pageSize: 10, timeZone: "Europe/Istanbul" };

function view(day: number) {
  const date = `2025-04-${String(day).padStart(2, "0")}T09:00:00+03:00`;
  const issue: Issue = {
    inputPath: `src/issues/2025/day-${day}.md`,
    slug: `day-${day}`,
    url: `/2025/04/day-${day}/`,
    data: {
      title: `Day ${day}`,
      dek: "Talks.",
      date,
      authors: ["ayse-demir"],
      topics: ["russia"],
    } as Issue["data"],
    body: "Talks.",
    published: DateTime.fromISO(date, { setZone: true }),
    modified: DateTime.fromISO(date, { setZone: true }),
  };
  return viewIssue(issue, {
    timeZone: site.timeZone,
    authors,
    topics,
    renderBody: (body) => `<p>${body}</p>`,
  });
}

describe("an issue page's foot", () => {
  it("lists earlier issues on its topics as related, leaving out the previous one, which it links already", () => {
    const views = buildSiteViews([1, 2, 3, 4, 5].map(view), { site, authors, topics });
    const newest = views.issuePages.find((page) => page.issue.url === "/2025/04/day-5/");
    expect(newest?.older?.url).toBe("/2025/04/day-4/");
    expect(newest?.related.map((card) => card.url)).toEqual([
      "/2025/04/day-3/",
      "/2025/04/day-2/",
      "/2025/04/day-1/",
    ]);
  });
});

describe("the home listing", () => {
  it("builds the front page from the first page's issues, and numbers older pages from the oldest", () => {
    const views = buildSiteViews([1, 2, 3, 4, 5, 6, 7].map(view), {
      site: { ...site, pageSize: 3 },
      authors,
      topics,
    });
    const days = (urls: readonly { url: string }[]) =>
      urls.map(({ url }) => Number(/day-(\d+)/.exec(url)?.[1]));
    expect(views.homePages.map((page) => [page.href, days(page.items)])).toEqual([
      ["/", [7, 6, 5, 4]],
      ["/page/1/", [3, 2, 1]],
    ]);
    const [first, older] = views.homePages;
    expect(older?.front).toBeUndefined();
    const front = first?.front;
    if (!front) throw new Error("the first home page has no front page");
    expect(days([...(front.lead ? [front.lead] : []), ...front.grid, ...front.more])).toEqual([7, 6, 5, 4]);
    expect(front.bands).toEqual([]);
  });
});
