/**
 * The facts the checks read from one XML or JSON file of the site: which files are feeds (Atom
 * and RSS by their root, JSON Feed by name or version) and sitemaps, each feed's problems as a
 * feed reader would meet them, and the first error of XML that is not well-formed.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGETS } from "../../lib/checks/budgets.ts";
import { type DocumentFacts, isDocument, readDocumentFacts } from "../../lib/checks/documents.ts";

const ORIGIN = "https://dateline.example";
const ALPHA = `${ORIGIN}/2025/04/alpha/`;

/** An Atom feed that passes every check: one entry, everything absolute. */
const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Dateline</title>
  <id>${ORIGIN}/</id>
  <updated>2025-04-10T16:30:00+03:00</updated>
  <link rel="self" href="${ORIGIN}/feed.xml"/>
  <link rel="alternate" href="${ORIGIN}/"/>
  <author><name>Dateline</name></author>
  <entry>
    <title>Alpha</title>
    <id>${ALPHA}</id>
    <link rel="alternate" href="${ALPHA}"/>
    <published>2025-04-10T16:30:00+03:00</published>
    <updated>2025-04-10T16:30:00+03:00</updated>
    <summary>The dek.</summary>
    <content type="html">&lt;p&gt;See &lt;a href="${ORIGIN}/archive/"&gt;the archive&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>`;
const ENTRY = ATOM.slice(ATOM.indexOf("  <entry>"), ATOM.indexOf("</entry>") + "</entry>\n".length);

const RSS = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Dateline</title><link>${ORIGIN}/</link><description>News.</description><atom:link href="${ORIGIN}/rss.xml" rel="self" type="application/rss+xml"/><item><title>Alpha</title><link>${ALPHA}</link><guid>${ALPHA}</guid><pubDate>Thu, 10 Apr 2025 13:30:00 GMT</pubDate><description>The dek.</description></item></channel></rss>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Dateline",
  home_page_url: `${ORIGIN}/`,
  feed_url: `${ORIGIN}/feed.json`,
  items: [
    {
      id: ALPHA,
      url: ALPHA,
      title: "Alpha",
      content_html: "<p>Text.</p>",
      date_published: "2025-04-10T16:30:00+03:00",
    },
  ],
});

/** ATOM with one replacement, which must change something. */
function atomWith(from: string, to: string): string {
  if (!ATOM.includes(from)) throw new Error(`not in the feed: ${from}`);
  return ATOM.replace(from, to);
}

const facts = (file: string, text: string): DocumentFacts =>
  readDocumentFacts(file, Buffer.from(text), ORIGIN, DEFAULT_BUDGETS);

describe("isDocument", () => {
  it.each([
    ["feed.xml", true],
    ["topics/russia/feed.xml", true],
    ["feed.json", true],
    ["pagefind/pagefind-entry.json", true],
    ["index.html", false],
    ["robots.txt", false],
  ])("%s: %s", (file, expected) => {
    expect(isDocument(file)).toBe(expected);
  });
});

describe("readDocumentFacts", () => {
  it.each<[string, string, string, DocumentFacts]>([
    ["a clean Atom feed", "feed.xml", ATOM, { feed: { format: "atom", problems: [] } }],
    ["a clean RSS feed", "rss.xml", RSS, { feed: { format: "rss", problems: [] } }],
    ["a clean JSON Feed", "feed.json", JSON_FEED, { feed: { format: "json", problems: [] } }],
    [
      "a sitemap",
      "sitemap.xml",
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${ORIGIN}/</loc></url></urlset>`,
      { sitemap: { kind: "urlset", locs: [`${ORIGIN}/`], problems: [] } },
    ],
    ["other well-formed XML", "notes.xml", "<note>Hi</note>", {}],
    ["XML that is not well-formed", "notes.xml", "<a><b></a>", { xmlError: "1:10: unexpected close tag." }],
    ["JSON that is not a feed", "pagefind/pagefind-entry.json", '{"version":"1.0"}', {}],
    ["JSON that is not JSON, unless it is named as a feed", "data.json", "{", {}],
  ])("reads %s", (_name, file, text, expected) => {
    expect(facts(file, text)).toEqual(expected);
  });

  it("reads a JSON Feed under another name by its version, and holds it to its own URL", () => {
    expect(facts("topics/russia/feed-copy.json", JSON_FEED)).toEqual({
      feed: {
        format: "json",
        problems: [
          `self link ${ORIGIN}/feed.json is not this feed's URL ${ORIGIN}/topics/russia/feed-copy.json`,
        ],
      },
    });
  });

  it("reports a feed.json that does not parse", () => {
    expect(facts("feed.json", "{").feed?.problems).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it.each<[string, string, string[]]>([
    [
      "no self link",
      atomWith(`<link rel="self" href="${ORIGIN}/feed.xml"/>`, ""),
      ['no self link (<link rel="self">)'],
    ],
    [
      "an entry without <updated>",
      atomWith("<updated>2025-04-10T16:30:00+03:00</updated>\n    <summary>", "<summary>"),
      [`entry 1 (${ALPHA}): missing <updated>`],
    ],
    [
      "two entries with one id",
      atomWith("</feed>", `${ENTRY}</feed>`),
      [`entry 2 (${ALPHA}): same id as entry 1`],
    ],
    [
      "a relative link, which a feed client cannot follow",
      atomWith(`<link rel="alternate" href="${ALPHA}"/>`, '<link rel="alternate" href="/2025/04/alpha/"/>'),
      [
        `entry 1 (${ALPHA}): <link rel="alternate"> href "/2025/04/alpha/" is not an absolute URL`,
        'a feed client reads entry 1 with link "", not an absolute URL',
      ],
    ],
    [
      "an entry without a title",
      atomWith("<title>Alpha</title>", ""),
      [`entry 1 (${ALPHA}): missing <title>`, "a feed client reads entry 1 without a title"],
    ],
    [
      "relative URLs in the content",
      atomWith(`href="${ORIGIN}/archive/"`, 'href="/archive/"'),
      [`entry 1 (${ALPHA}): relative URL in content: <a href="/archive/">`],
    ],
    [
      "a relative srcset candidate in the content",
      atomWith(
        "&lt;/p&gt;</content>",
        `&lt;img src="${ORIGIN}/a.jpg" srcset="/a.jpg 1x" alt=""&gt;&lt;/p&gt;</content>`,
      ),
      [`entry 1 (${ALPHA}): relative URL in content: <img srcset> candidate "/a.jpg"`],
    ],
  ])("reports an Atom feed with %s", (_name, text, problems) => {
    expect(facts("feed.xml", text)).toEqual({ feed: { format: "atom", problems } });
  });

  it("compares only the self link's path when the site's origin is unknown", () => {
    const elsewhere = atomWith(`href="${ORIGIN}/feed.xml"`, 'href="https://staging.example/feed.xml"');
    const unknownOrigin = readDocumentFacts("feed.xml", Buffer.from(elsewhere), undefined, DEFAULT_BUDGETS);
    expect(unknownOrigin.feed?.problems).toEqual([]);
    expect(facts("feed.xml", elsewhere).feed?.problems).toEqual([
      `self link https://staging.example/feed.xml is not this feed's URL ${ORIGIN}/feed.xml`,
    ]);
  });
});
