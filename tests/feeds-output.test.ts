/**
 * The built feeds as a feed reader gets them: parsed with namespaces (saxes) and read by
 * a real feed client (@extractus/feed-extractor).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExpandedNames } from "./feeds/fixture-channel.ts";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { sharedSite } from "./helpers/shared-fixtures.ts";

let site: FixtureSite;
beforeAll(() => {
  site = sharedSite("standard");
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
});
afterAll(() => site.remove());

const origin = "https://dateline.example";
const newestFirst = ["charlie", "bravo", "alpha", "old-news"].map((slug) => `${origin}/2025/04/${slug}/`);
const published = [
  "2025-04-12T08:00:00Z",
  "2025-04-11T06:00:00Z",
  "2025-04-10T13:30:00Z",
  "2025-03-31T23:30:00Z",
];

interface ClientEntry {
  id: string;
  link: string;
  title: string;
  published: string;
  authors?: unknown;
  content?: string;
}

function readXmlFeed(file: string): ClientEntry[] {
  const feed = extractFromXml(site.read(file), {
    descriptionMaxLen: 0,
    useISODateFormat: true,
    getExtraEntryFields: (entry: Record<string, unknown>) => ({
      atomPublished: (entry.published as string | undefined) ?? (entry.pubDate as string | undefined),
      content: entry["content:encoded"] ?? (entry.content as { "#text"?: string } | undefined)?.["#text"],
    }),
  });
  return (feed.entries ?? []).map((entry) => {
    const extra = entry as unknown as { atomPublished: string; content: string };
    return { ...entry, published: extra.atomPublished, content: extra.content } as ClientEntry;
  });
}

describe.each([
  ["Atom", "feed.xml"],
  ["RSS", "rss.xml"],
])("the %s feed", (_format, file) => {
  it("is well-formed XML with every namespace prefix bound", () => {
    expect(() => readExpandedNames(site.read(file))).not.toThrow();
  });

  it("gives a feed client every published issue, newest first, with absolute links", () => {
    const entries = readXmlFeed(file);
    expect(entries.map((entry) => entry.link)).toEqual(newestFirst);
    expect(entries.map((entry) => new Date(entry.published).toISOString())).toEqual(
      published.map((date) => new Date(date).toISOString()),
    );
  });

  it("carries full content with absolute URLs, footnote anchors included", () => {
    const alpha = readXmlFeed(file).find((entry) => entry.link.endsWith("/alpha/"));
    expect(alpha?.content).toContain(`href="${origin}/2025/04/alpha/#fn1"`);
    expect(alpha?.content).toContain(`href="${origin}/archive/"`);
    expect(alpha?.content).not.toMatch(/(?:href|src)="\//);
  });

  it("keeps the publication offset of each date", () => {
    const xml = site.read(file);
    expect(xml).toContain(
      file === "feed.xml"
        ? "<published>2025-04-10T16:30:00+03:00</published>"
        : "<pubDate>Thu, 10 Apr 2025 16:30:00 +0300</pubDate>",
    );
  });
});

describe("the Atom feed", () => {
  it("names every author of an entry and lists topics as categories", () => {
    const xml = site.read("feed.xml");
    const bravo = xml.slice(xml.indexOf("<entry>", xml.indexOf("Charlie")), xml.indexOf("Alpha"));
    expect([...bravo.matchAll(/<name>([^<]+)<\/name>/g)].map((match) => match[1])).toEqual([
      "Daniel Hart",
      "Ayşe Demir",
    ]);
    expect(bravo).toContain('<category term="russia" label="Russia"');
    expect(bravo).toContain("<updated>2025-04-11T12:00:00+03:00</updated>");
  });

  it("links itself and the site", () => {
    const xml = site.read("feed.xml");
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${origin}/feed.xml"/>`);
    expect(xml).toContain(`<id>${origin}/</id>`);
  });
});

describe("the RSS feed", () => {
  it("attaches the lead photo as an absolute JPEG enclosure with its byte length", () => {
    const xml = site.read("rss.xml");
    const enclosure = xml.match(/<enclosure url="([^"]+)" length="(\d+)" type="image\/jpeg"\/>/);
    const url = enclosure?.[1] ?? "";
    expect(url).toMatch(
      /^https:\/\/dateline\.example\/photos\/2025\/istanbul-consulate-placeholder-1200\.[0-9a-f]{8}\.jpg$/,
    );
    expect(Number(enclosure?.[2])).toBe(statSync(path.join(site.output, new URL(url).pathname)).size);
    expect(xml).toContain('<media:credit role="photographer">Placeholder image — Dateline</media:credit>');
    // One plain JPEG in the content for readers and RSS-to-email, never <picture>: the email
    // edition's markup, the 1200 px rendition shown at 600 px (lib/email/).
    expect(xml).toContain(
      `&lt;img class=&quot;photo&quot; src=&quot;${url}&quot; width=&quot;600&quot; height=&quot;338&quot;`,
    );
    expect(xml).not.toContain("&lt;picture");
  });

  it("names authors with dc:creator", () => {
    expect(site.read("rss.xml").match(/<dc:creator>/g)).toHaveLength(5);
  });
});

describe("the JSON feed", () => {
  it("gives a feed client every published issue, newest first, with authors and unescaped titles", () => {
    const feed = extractFromJson(JSON.parse(site.read("feed.json")));
    expect(feed.entries?.map((entry) => entry.link)).toEqual(newestFirst);
    const json = JSON.parse(site.read("feed.json"));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.feed_url).toBe(`${origin}/feed.json`);
    expect(json.items[1].authors.map((author: { name: string }) => author.name)).toEqual([
      "Daniel Hart",
      "Ayşe Demir",
    ]);
    expect(json.items[1].date_published).toBe("2025-04-11T09:00:00+03:00");
    expect(json.items[1].image).toMatch(
      /\/photos\/2025\/istanbul-consulate-placeholder-1200\.[0-9a-f]{8}\.jpg$/,
    );
    expect(new Set(json.items.map((item: { id: string }) => item.id)).size).toBe(4);
  });
});

describe("topic feeds", () => {
  it("hold only the topic's issues", () => {
    const entries = readXmlFeed("topics/russia/feed.xml");
    expect(entries.map((entry) => entry.link)).toEqual([
      `${origin}/2025/04/bravo/`,
      `${origin}/2025/04/alpha/`,
    ]);
    expect(() => readExpandedNames(site.read("topics/russia/feed.xml"))).not.toThrow();
  });

  it("are linked for autodiscovery from the topic page", () => {
    expect(site.read("topics/russia/index.html")).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Dateline: Russia (Atom)" href="${origin}/topics/russia/feed.xml">`,
    );
  });
});
