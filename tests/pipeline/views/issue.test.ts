/**
 * An issue as its view holds it: the kicker line, the byline, the shown times and the card,
 * made once here for every page, card, feed and email.
 */

import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../lib/pipeline/content/check-issue.ts";
import { createMarkdown } from "../../../lib/pipeline/content/markdown.ts";
import { cardOf, joinNames, showTime, viewIssue } from "../../../lib/pipeline/views/issue.ts";

const authors = {
  "ayse-demir": { name: "Ayşe Demir", role: "Istanbul correspondent", bio: "Sample." },
  "daniel-hart": { name: "Daniel Hart", role: "Diplomatic editor", bio: "Sample." },
};
const topics = { russia: { name: "Russia", kind: "country" as const, description: "Russia." } };

function issue(data: Partial<Issue["data"]> = {}): Issue {
  const full = {
    title: "Delegations meet in Istanbul",
    dek: "Six hours of talks.",
    date: "2025-04-10T16:30:00+03:00",
    authors: ["daniel-hart", "ayse-demir"],
    topics: ["russia"],
    ...data,
  } as Issue["data"];
  const published = DateTime.fromISO(full.date, { setZone: true });
  return {
    inputPath: "src/issues/2025/talks.md",
    slug: "talks",
    url: "/2025/04/talks/",
    data: full,
    body: "The talks began.",
    published,
    modified: published,
  };
}

const context = (numbered: boolean) => ({
  timeZone: "Europe/Istanbul",
  authors,
  topics,
  numberedIssues: numbered,
  renderBody: (body: string) => `<p>${body}</p>`,
});

describe("viewIssue", () => {
  it.each([
    [{ type: "analysis", kicker: "Diplomacy", number: 3 }, true, "Analysis · Diplomacy · No. 3"],
    [{ type: "analysis", kicker: "Diplomacy", number: 3 }, false, "Analysis · Diplomacy"],
    // A kicker that repeats the type is shown once.
    [{ type: "analysis", kicker: "ANALYSIS", number: 3 }, true, "Analysis · No. 3"],
    [{ kicker: "Analysis" }, true, "News · Analysis"],
    [{ number: 3 }, true, "News · No. 3"],
    [{}, true, "News"],
  ] as const)(
    "with %o on a site numbering its issues (%s), the kicker line is %s",
    (data, numbered, line) => {
      expect(viewIssue(issue(data), context(numbered)).kickerLine).toBe(line);
    },
  );

  it.each([
    ["opinion", undefined, "opinion", "OpinionNewsArticle"],
    ["analysis", undefined, "analysis", "AnalysisNewsArticle"],
    ["explainer", undefined, "explainer", "BackgroundNewsArticle"],
    ["review", undefined, "review", "ReviewNewsArticle"],
    ["briefing", undefined, "briefing", "NewsArticle"],
    ["news", undefined, "news", "NewsArticle"],
    [undefined, undefined, "news", "NewsArticle"],
    [undefined, "analysis", "analysis", "AnalysisNewsArticle"],
    ["opinion", "analysis", "opinion", "OpinionNewsArticle"],
  ] as const)(
    "type %s on a site whose defaultType is %s is %s, a schema.org %s",
    (type, defaultType, id, schemaType) => {
      const view = viewIssue(issue(type ? { type } : {}), {
        ...context(false),
        ...(defaultType ? { defaultType } : {}),
      });
      expect(view.workType).toEqual({
        id,
        label: id.charAt(0).toUpperCase() + id.slice(1),
        url: `/about/#${id}`,
        schemaType,
      });
    },
  );

  it("holds the byline, the shown times and, once changed, what changed", () => {
    const view = viewIssue(
      issue({ corrections: [{ date: "2025-04-11T12:00:00+03:00", text: "A name was misspelt." }] }),
      context(true),
    );
    expect(view.byline).toBe("Daniel Hart and Ayşe Demir");
    expect(view.published).toEqual({
      iso: "2025-04-10T16:30:00+03:00",
      date: "10 April 2025",
      dateTime: "10 April 2025, 16:30 GMT+3",
    });
    expect(view.updated).toEqual({
      iso: "2025-04-11T12:00:00+03:00",
      date: "11 April 2025",
      dateTime: "11 April 2025, 12:00 GMT+3",
      kind: "correction",
    });
    expect(viewIssue(issue(), context(true)).updated).toBeUndefined();
  });

  it("lists the sources as the foot shows them, each date as written and as read", () => {
    const view = viewIssue(
      issue({
        sources: [
          {
            title: "A statement",
            url: "https://example.org/s",
            date: "2025-04-08",
            archived: "https://example.org/a",
          },
          { title: "A briefing", url: "https://example.org/b", publisher: "US State Department" },
        ],
      }),
      context(false),
    );
    expect(view.sources).toEqual([
      {
        title: "A statement",
        url: "https://example.org/s",
        date: { iso: "2025-04-08", shown: "8 April 2025" },
        archived: "https://example.org/a",
      },
      { title: "A briefing", url: "https://example.org/b", publisher: "US State Department" },
    ]);
  });

  it.each([
    [{}, undefined, undefined],
    [{ unnamedSources: 0 }, "/about/#unnamed-sources", undefined],
    [{ unnamedSources: 2 }, undefined, { unnamedSources: 2 }],
    [
      { unnamedSources: 2 },
      "/about/#unnamed-sources",
      { unnamedSources: 2, policyUrl: "/about/#unnamed-sources" },
    ],
  ] as const)("with %o and the policy at %s, the reporting box holds %o", (data, policy, expected) => {
    const view = viewIssue(issue(data), {
      ...context(false),
      ...(policy ? { unnamedSourcesPolicy: policy } : {}),
    });
    expect(view.reporting).toEqual(expected);
  });

  it("renders the backstory as the body is rendered, raw HTML removed, and keeps it as one line of text", () => {
    const markdown = createMarkdown();
    const view = viewIssue(
      issue({
        backstory: "We spoke to **two** officials.\n\nOne <script>alert(1)</script>asked not to be named.",
      }),
      {
        ...context(false),
        renderBody: (body: string) => markdown.render(body),
      },
    );
    expect(view.reporting?.backstoryHtml).toBe(
      "<p>We spoke to <strong>two</strong> officials.</p>\n<p>One asked not to be named.</p>\n",
    );
    expect(view.reporting?.backstoryText).toBe("We spoke to two officials. One asked not to be named.");
  });

  it("gives a card with what a listing shows and nothing of the body", () => {
    const card = cardOf(viewIssue(issue({ kicker: "Briefing" }), context(false)));
    expect(Object.keys(card).sort()).toEqual(
      [
        "authors",
        "byline",
        "dek",
        "kicker",
        "kickerLine",
        "published",
        "publishedAt",
        "title",
        "url",
        "workType",
      ].sort(),
    );
  });

  it("is plain data: it survives a JSON round trip unchanged", () => {
    const view = viewIssue(issue({ photo: { src: "2025/a.jpg", alt: "A photo" } }), context(true));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe("joinNames", () => {
  it.each([
    [[], ""],
    [["A"], "A"],
    [["A", "B"], "A and B"],
    [["A", "B", "C"], "A, B and C"],
  ])("joins %o as %s", (names, joined) => {
    expect(joinNames(names)).toBe(joined);
  });
});

describe("showTime", () => {
  it("shows a UTC instant in the site's zone", () => {
    expect(showTime("2025-04-10T13:30:00Z", "Europe/Istanbul").iso).toBe("2025-04-10T16:30:00+03:00");
  });
});
