/**
 * The newsroom's record on a real built site (lib/record.ts, lib/numbering.ts, lib/threads.ts,
 * lib/views/record.ts, lib/views/threads.ts): the corrections ledger and its feed, the issue
 * foot and "Updated" line, issue numbers in the kicker and JSON-LD, story threads (box, timeline,
 * feed, JSON-LD), and the build's exact messages for repeated numbers, gaps and unknown threads.
 */
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../lib/shared/problems.ts";
import { runFixturePipeline } from "./helpers/fixture-pipeline.ts";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";

/** 1 May 2025, 00:00 UTC: after every fixture issue. */
const EPOCH = 1746057600;

const THREADS = `import type { Threads } from "../lib/contract/threads.ts";
const threads: Threads = {
  "embassy-talks": { name: "The embassy talks", summary: "Two delegations & their </script> talks." },
  "quiet-thread": { name: "A quiet thread", summary: "No issue has joined it yet." },
};
export default threads;
`;

const base = { dek: "Standfirst.", authors: ["ayse-demir"], topics: ["russia"] };

/** Seven issues of one thread, 1–7 April 2025, numbered 1, 2, 3, 5, 6, 7, 8 (No. 4 missing). */
function threadIssues(): Record<string, string> {
  const numbers = [1, 2, 3, 5, 6, 7, 8];
  return Object.fromEntries(
    numbers.map((number, index) => {
      const day = String(index + 1).padStart(2, "0");
      const notes =
        index === 0
          ? {
              corrections: [
                {
                  date: "2025-04-03T10:00:00+03:00",
                  text: "The talks were the second round, not the first.",
                },
              ],
            }
          : index === 1
            ? {
                updates: [
                  { date: "2025-04-04T10:00:00+03:00", text: "Adds the ministry's statement & its <date>." },
                ],
              }
            : {};
      return [
        `2025/talks-${day}.md`,
        issueFile({
          ...base,
          title: `Talks, day ${day}`,
          date: `2025-04-${day}T09:00:00+03:00`,
          type: "briefing",
          number,
          thread: "embassy-talks",
        }).replace("---\nA paragraph", `${notesYaml(notes)}---\nA paragraph`),
      ];
    }),
  );
}

/** Corrections and updates as YAML lines (issueFile writes flat fields only). */
function notesYaml(
  notes: Partial<Record<"corrections" | "updates", { date: string; text: string }[]>>,
): string {
  return Object.entries(notes)
    .filter((entry): entry is [string, { date: string; text: string }[]] => entry[1] !== undefined)
    .map(([field, list]) =>
      [
        `${field}:`,
        ...list.flatMap((note) => [`  - date: ${note.date}`, `    text: ${JSON.stringify(note.text)}`]),
      ].join("\n"),
    )
    .map((block) => `${block}\n`)
    .join("");
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === "entry" || name === "link",
});

function jsonLd(html: string): Record<string, unknown> {
  const $ = cheerio.load(html);
  return JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, unknown>;
}

const text = ($: cheerio.CheerioAPI, selector: string) =>
  $(selector)
    .toArray()
    .map((element) => $(element).text().replace(/\s+/g, " ").trim());

describe("a numbered site with a story thread, corrections and updates", () => {
  let site: FixtureSite;

  beforeAll(() => {
    site = buildFixtureSite({
      epoch: EPOCH,
      files: { "_data/threads.ts": THREADS },
      issues: {
        ...threadIssues(),
        // Outside the thread, unnumbered: warned once numbering has started.
        "2025/aside.md": issueFile({ ...base, title: "An aside", date: "2025-04-09T09:00:00+03:00" }),
      },
    });
  }, 180_000);

  afterAll(() => site.remove());

  it("builds, warning about the gap in the numbers and the issue without one", () => {
    expect(site.status, site.stderr).toBe(0);
    const warnings = `${site.stdout}\n${site.stderr}`
      .split("\n")
      .filter((line) => line.startsWith("warning:"));
    expect(warnings).toEqual([
      "warning: src/issues/2025/aside.md: number: missing — this site numbers its issues; add number: 9 (the next unused number)",
      "warning: src/issues/2025/talks-04.md: number: No. 4 is missing: the numbers go from 3 to 5 here — check for a mistyped number, or ignore this if those issues were never published",
    ]);
  });

  it("shows the number in the kicker line, and says which kind of change the Updated line is", () => {
    const first = cheerio.load(site.read("2025/04/talks-01/index.html"));
    expect(first(".issue__header .kicker").text()).toBe("Briefing · No. 1");
    expect(first(".issue__dates").text().replace(/\s+/g, " ")).toContain(
      "Updated 3 April 2025, 10:00 GMT+3 with a correction",
    );
    const second = cheerio.load(site.read("2025/04/talks-02/index.html"));
    expect(second(".issue__dates").text().replace(/\s+/g, " ")).toContain(
      "Updated 4 April 2025, 10:00 GMT+3 with new information",
    );
    const plain = cheerio.load(site.read("2025/04/talks-03/index.html"));
    expect(plain(".issue__dates").text()).not.toContain("Updated");
  });

  it("lists each issue's corrections and updates at its foot, with kind, dated time and anchor", () => {
    const $ = cheerio.load(site.read("2025/04/talks-02/index.html"));
    expect(text($, ".record h2")).toEqual(["Corrections and updates"]);
    expect(text($, ".record__note")).toEqual([
      "Update, 4 April 2025, 10:00 GMT+3: Adds the ministry’s statement & its <date>.",
    ]);
    expect($(".record__note").attr("id")).toBe("update-1");
    expect($(".record__note time").attr("datetime")).toBe("2025-04-04T10:00:00+03:00");
  });

  it("lists every correction and update on /corrections/, newest first, each linked to its note", () => {
    const $ = cheerio.load(site.read("corrections/index.html"));
    expect(text($, ".ledger__meta")).toEqual([
      "Update, 4 April 2025, 10:00 GMT+3",
      "Correction, 3 April 2025, 10:00 GMT+3",
    ]);
    expect(text($, ".ledger__issue")).toEqual(["Talks, day 02 No. 2", "Talks, day 01 No. 1"]);
    expect(
      $(".ledger__issue a")
        .toArray()
        .map((link) => $(link).attr("href")),
    ).toEqual(["/2025/04/talks-02/#update-1", "/2025/04/talks-01/#correction-1"]);
    expect($('link[rel="alternate"][href$="/corrections/feed.xml"]').length).toBe(1);
  });

  it("gives the ledger an Atom feed: one entry per note, newest first, with stable ids", () => {
    const feed = parser.parse(site.read("corrections/feed.xml")).feed;
    expect(feed.title["#text"]).toBe("Dateline: corrections and updates");
    expect(feed.entry.map((entry: { title: { "#text": string } }) => entry.title["#text"])).toEqual([
      "Update: Talks, day 02",
      "Correction: Talks, day 01",
    ]);
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual([
      "https://dateline.example/2025/04/talks-02/#update-1",
      "https://dateline.example/2025/04/talks-01/#correction-1",
    ]);
    expect(feed.entry[0].updated).toBe("2025-04-04T10:00:00+03:00");
    expect(feed.entry[0].summary["#text"]).toBe("Adds the ministry’s statement & its <date>.");
  });

  it("moves a corrected issue's updated date in the site feed and keeps its id", () => {
    const feed = parser.parse(site.read("feed.xml")).feed;
    const entry = feed.entry.find((item: { id: string }) => item.id.endsWith("/2025/04/talks-01/"));
    expect(entry.id).toBe("https://dateline.example/2025/04/talks-01/");
    expect(entry.published).toBe("2025-04-01T09:00:00+03:00");
    expect(entry.updated).toBe("2025-04-03T10:00:00+03:00");
  });

  it("describes corrections, the issue number and the thread in the issue's JSON-LD", () => {
    const article = jsonLd(site.read("2025/04/talks-01/index.html"));
    expect(article.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "The talks were the second round, not the first.",
        datePublished: "2025-04-03T10:00:00+03:00",
      },
    ]);
    expect(article.isPartOf).toEqual([
      {
        "@type": "PublicationIssue",
        issueNumber: 1,
        isPartOf: { "@type": "Periodical", name: "Dateline", url: "https://dateline.example/" },
      },
      {
        "@type": "CreativeWorkSeries",
        name: "The embassy talks",
        url: "https://dateline.example/threads/embassy-talks/",
        description: "Two delegations & their </script> talks.",
      },
    ]);
    const publisher = article.publisher as Record<string, unknown>;
    expect(publisher.correctionsPolicy).toBe("https://dateline.example/about/#corrections");
    expect(publisher.publishingPrinciples).toBe("https://dateline.example/about/#principles");
    // An update is not a correction: the second issue has no CorrectionComment.
    expect(jsonLd(site.read("2025/04/talks-02/index.html")).correction).toBeUndefined();
    // The thread's summary holds "</script>": escaped, so the script element is not closed early.
    expect(site.read("2025/04/talks-01/index.html")).not.toContain("their </script>");
  });

  it("shows the nearest five issues of the thread in date order, the current one marked", () => {
    const $ = cheerio.load(site.read("2025/04/talks-01/index.html"));
    expect($(".thread-box h2").text()).toBe("This story so far");
    expect($(".thread-box__name a").attr("href")).toBe("/threads/embassy-talks/");
    expect(text($, ".thread-box__list li a")).toEqual([
      "Talks, day 01",
      "Talks, day 02",
      "Talks, day 03",
      "Talks, day 04",
      "Talks, day 05",
    ]);
    expect(text($, ".thread-box__current a")).toEqual(["Talks, day 01"]);
    expect($(".thread-box__current a").attr("aria-current")).toBe("page");
    expect(text($, ".thread-box__more")).toEqual(["2 later issues"]);
    const middle = cheerio.load(site.read("2025/04/talks-04/index.html"));
    expect(text(middle, ".thread-box__list li a")).toEqual([
      "Talks, day 02",
      "Talks, day 03",
      "Talks, day 04",
      "Talks, day 05",
      "Talks, day 06",
    ]);
    expect(middle(".thread-box__list").attr("start")).toBe("2");
    expect(text(middle, ".thread-box__more")).toEqual(["1 earlier issue", "1 later issue"]);
    expect(cheerio.load(site.read("2025/04/aside/index.html"))(".thread-box").length).toBe(0);
  });

  it("shows the thread as a timeline, oldest first, with its feed, and lists the threads", () => {
    const $ = cheerio.load(site.read("threads/embassy-talks/index.html"));
    expect($("h1").text()).toBe("The embassy talks");
    expect(text($, ".timeline .summary__title")).toEqual(
      Array.from({ length: 7 }, (_, index) => `Talks, day ${String(index + 1).padStart(2, "0")}`),
    );
    expect($('link[rel="alternate"][href$="/threads/embassy-talks/feed.xml"]').length).toBe(1);
    const feed = parser.parse(site.read("threads/embassy-talks/feed.xml")).feed;
    expect(feed.title["#text"]).toBe("Dateline: The embassy talks");
    expect(feed.entry).toHaveLength(7);
    expect(feed.entry[0].title["#text"]).toBe("Talks, day 07");
    const index = cheerio.load(site.read("threads/index.html"));
    expect(text(index, ".entity-list li")).toEqual([
      "The embassy talks — Two delegations & their </script> talks. (7 issues)",
      "A quiet thread — No issue has joined it yet. (0 issues)",
    ]);
    expect(cheerio.load(site.read("threads/quiet-thread/index.html"))("main").text()).toContain(
      "No issues in this thread yet.",
    );
  });
});

/**
 * What the content stage makes of them, run as the build runs it (tests/helpers/fixture-pipeline.ts):
 * a build prints `Build failed: ` and the ContentError's message, as tests/bad-input.test.ts
 * shows on a real build.
 */
describe("a site whose issue numbers repeat and whose thread id is unknown", () => {
  it("stops the build with every problem, each naming the file and the field", async () => {
    const result = await runFixturePipeline({
      epoch: EPOCH,
      files: { "_data/threads.ts": THREADS },
      issues: {
        "2025/first.md": issueFile({ ...base, title: "First", date: "2025-04-01T09:00:00+03:00", number: 1 }),
        "2025/second.md": issueFile({
          ...base,
          title: "Second",
          date: "2025-04-02T09:00:00+03:00",
          number: 1,
        }),
        "2025/third.md": issueFile({
          ...base,
          title: "Third",
          date: "2025-04-03T09:00:00+03:00",
          number: "3",
        }),
        "2025/fourth.md": issueFile({
          ...base,
          title: "Fourth",
          date: "2025-04-04T09:00:00+03:00",
          number: 4,
          thread: "embassy-talk",
        }),
      },
    });
    expect(result.views).toBeUndefined();
    expect(new ContentError(result.problems).message).toBe(
      [
        "3 problems in the content:",
        'src/issues/2025/fourth.md: thread: "embassy-talk" is not in _data/threads.ts — did you mean "embassy-talks"?',
        'src/issues/2025/third.md: number: must be a whole number, not a string — write it like 42, without "No."',
        "src/issues/2025/second.md: number: No. 1 is already the number of src/issues/2025/first.md — give each issue its own number; the next unused is 2",
      ].join("\n"),
    );
  });
});
