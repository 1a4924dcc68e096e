import { extractFromXml } from "@extractus/feed-extractor";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderRss } from "../../lib/outputs/feeds/rss.ts";
import { formatRfc822Date } from "../../lib/shared/dates.ts";
import {
  ATOM_NAMESPACE,
  HOSTILE_TEXTS,
  LEAD_CONTENT_HTML,
  MEDIA_NAMESPACE,
  makeEmptyChannel,
  makeFixtureChannel,
  makeHostileChannel,
  parseXmlTree,
  readExpandedNames,
  readPath,
  toInstant,
} from "./fixture-channel.ts";

const channel = makeFixtureChannel("rss");
const rss = renderRss(channel);
const tree = parseXmlTree(rss);
const items = readPath(tree, "rss", "channel", "item");

/**
 * The client strips tags from `description`, so the HTML it hands a reader, the body and the credit
 * come along as extras.
 */
function readWithClient(xml: string) {
  return extractFromXml(xml, {
    descriptionMaxLen: 0,
    useISODateFormat: true,
    getExtraEntryFields: (item) => ({
      summaryHtml: String(readPath(item, "description")),
      contentHtml: readPath(item, "content:encoded"),
      credit: readPath(item, "media:content", "media:credit", "#text"),
    }),
  });
}

/** What a reader shows for an HTML `description`: its text, and the elements it would render. */
function readHtml(html: string): { text: string; elements: string[] } {
  const $ = load(html, null, false);
  return {
    text: $.root().text(),
    elements: $("*")
      .toArray()
      .map((node) => ("name" in node ? node.name : node.type)),
  };
}

describe("renderRss", () => {
  it("writes a namespace-well-formed RSS 2.0 document with every prefix bound to the right URI", () => {
    const names = readExpandedNames(rss);
    expect(names[0]).toBe("{}rss");
    expect(names).toContain(`{${ATOM_NAMESPACE}}link`);
    expect(names).toContain("{http://purl.org/rss/1.0/modules/content/}encoded");
    expect(names).toContain("{http://purl.org/dc/elements/1.1/}creator");
    expect(names).toContain(`{${MEDIA_NAMESPACE}}content`);
    expect(names).toContain(`{${MEDIA_NAMESPACE}}thumbnail`);
    expect(readPath(tree, "rss", "@_version")).toBe("2.0");
  });

  it("starts with the UTF-8 declaration, indents by two spaces and ends with a newline", () => {
    expect(rss.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" ')).toBe(true);
    expect(rss).toMatch(/^ {4}<item>$/m);
    expect(rss.endsWith("</rss>\n")).toBe(true);
  });

  it("gives the same bytes for the same channel", () => {
    expect(renderRss(makeFixtureChannel("rss"))).toBe(rss);
  });

  it("is read by a feed client as three items, newest first, with absolute links and exact titles", () => {
    const feed = readWithClient(rss);
    expect(feed.title).toBe("Dateline");
    expect(feed.link).toBe("https://dateline.example/");
    expect(feed.description).toBe(channel.subtitle);
    const entries = feed.entries ?? [];
    expect(entries).toHaveLength(3);
    expect(entries.map((entry) => entry.title)).toEqual(channel.entries.map((entry) => entry.title));
    expect(entries.map((entry) => entry.link)).toEqual(channel.entries.map((entry) => entry.url));
    expect(entries.map((entry) => entry.id)).toEqual(channel.entries.map((entry) => entry.id));
    for (const entry of entries) expect(new URL(entry.link ?? "").protocol).toBe("https:");
    const published = entries.map((entry) => toInstant(entry.published));
    expect(published).toEqual(channel.entries.map((entry) => toInstant(entry.published)));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it("writes RFC 822 dates in each date's own offset", () => {
    expect(readPath(tree, "rss", "channel", "lastBuildDate")).toBe("Thu, 10 Apr 2025 18:00:00 +0300");
    expect(readPath(items, 0, "pubDate")).toBe("Thu, 10 Apr 2025 16:30:00 +0300");
    expect(readPath(items, 1, "pubDate")).toBe("Thu, 03 Apr 2025 09:00:00 +0200");
    expect(readPath(items, 2, "pubDate")).toBe("Thu, 27 Mar 2025 07:15:00 -0400");
  });

  it("points atom:link rel=self at itself and lists the other formats", () => {
    expect(readPath(tree, "rss", "channel", "atom:link")).toEqual([
      { "@_href": "https://dateline.example/feed/rss.xml", "@_rel": "self", "@_type": "application/rss+xml" },
      {
        "@_href": "https://dateline.example/feed/atom.xml",
        "@_rel": "alternate",
        "@_type": "application/atom+xml",
      },
      {
        "@_href": "https://dateline.example/feed/feed.json",
        "@_rel": "alternate",
        "@_type": "application/feed+json",
      },
    ]);
  });

  it("carries the channel's link, language, rights, generator and docs", () => {
    const rssChannel = readPath(tree, "rss", "channel");
    expect(readPath(rssChannel, "link")).toEqual(["https://dateline.example/"]);
    expect(readPath(rssChannel, "language")).toBe("en-GB");
    expect(readPath(rssChannel, "copyright")).toBe("© 2025 Dateline");
    expect(readPath(rssChannel, "generator")).toBe("Dateline");
    expect(readPath(rssChannel, "docs")).toBe("https://www.rssboard.org/rss-specification");
  });

  it("marks the guid as a permalink", () => {
    expect(readPath(items, 0, "guid")).toEqual({
      "#text": "https://dateline.example/issues/2025/04/ankara-sanctions/",
      "@_isPermaLink": "true",
    });
  });

  it("puts the summary in description as HTML-escaped text and the full HTML in content:encoded, without CDATA", () => {
    expect(readHtml(String(readPath(items, 0, "description")))).toEqual({
      text: channel.entries[0]?.summary,
      elements: [],
    });
    expect(rss).toContain(
      "<description>Why Turkey&amp;#39;s banks are suddenly careful about Russian clients.</description>",
    );
    expect(readPath(items, 0, "content:encoded")).toBe(LEAD_CONTENT_HTML);
    expect(readWithClient(rss).entries?.[0]?.contentHtml).toBe(LEAD_CONTENT_HTML);
    expect(rss).not.toContain("<![CDATA[");
  });

  it("writes one dc:creator per author and no RSS author element", () => {
    expect(readPath(items, 0, "dc:creator")).toEqual(["Ayşe Demir"]);
    expect(readPath(items, 1, "dc:creator")).toEqual(["Olena Kovalenko", "Tom Hale"]);
    expect(rss).not.toContain("<author>");
  });

  it("writes categories as labels with the topic page as domain", () => {
    expect(readPath(items, 0, "category")).toEqual([
      { "#text": "Turkey", "@_domain": "https://dateline.example/topics/turkey/" },
      { "#text": "Sanctions", "@_domain": "https://dateline.example/topics/sanctions/" },
    ]);
    expect(readPath(items, 2, "category")).toBeUndefined();
  });

  it("offers the lead photo as enclosure, Media RSS content with caption and credit, and thumbnail", () => {
    expect(readPath(items, 0, "enclosure")).toEqual({
      "@_url": "https://dateline.example/media/ankara-1600.jpg",
      "@_length": "234567",
      "@_type": "image/jpeg",
    });
    expect(readPath(items, 0, "media:content")).toEqual({
      "@_url": "https://dateline.example/media/ankara-1600.jpg",
      "@_medium": "image",
      "@_type": "image/jpeg",
      "@_width": "1600",
      "@_height": "900",
      "media:description": { "#text": "Talks in Ankara.", "@_type": "plain" },
      "media:credit": { "#text": "Ayşe Demir", "@_role": "photographer" },
    });
    expect(readPath(items, 0, "media:thumbnail")).toEqual({
      "@_url": "https://dateline.example/media/ankara-1600.jpg",
      "@_width": "1600",
      "@_height": "900",
    });
    expect(readPath(items, 1, "enclosure")).toBeUndefined();
    expect(readPath(items, 1, "media:content")).toBeUndefined();
  });

  it("describes the photo by its alt text when it has no caption, and leaves out a missing credit", () => {
    const noCaption = makeFixtureChannel("rss");
    const image = noCaption.entries[0]?.image;
    if (image === undefined) throw new Error("fixture: the lead entry needs an image");
    delete image.caption;
    delete image.credit;
    const media = readPath(parseXmlTree(renderRss(noCaption)), "rss", "channel", "item", 0, "media:content");
    expect(readPath(media, "media:description", "#text")).toBe("Ministers at a podium");
    expect(readPath(media, "media:credit")).toBeUndefined();
  });

  it("is still a valid RSS document with no items", () => {
    const empty = renderRss(makeEmptyChannel("rss"));
    expect(readExpandedNames(empty)).not.toContain("{}item");
    const feed = extractFromXml(empty, { descriptionMaxLen: 0, useISODateFormat: true });
    expect(feed.title).toBe("Dateline");
    expect(feed.entries).toEqual([]);
  });

  describe.each(HOSTILE_TEXTS)("with %s in the text", (_what, input, expected) => {
    const hostile = renderRss(makeHostileChannel(input, "rss"));

    it("stays namespace-well-formed", () => {
      expect(() => readExpandedNames(hostile)).not.toThrow();
    });

    it("is read back exactly, minus control characters", () => {
      const [lead] = readWithClient(hostile).entries ?? [];
      expect(lead?.title).toBe(expected);
      // description is HTML to readers: the summary must reach them as text, never as markup.
      expect(readHtml(String(lead?.summaryHtml))).toEqual({ text: expected, elements: [] });
      expect(lead?.credit).toBe(expected);
      const item = readPath(parseXmlTree(hostile), "rss", "channel", "item", 0);
      expect(readPath(item, "dc:creator", 0)).toBe(expected);
      expect(readPath(item, "category", 0, "#text")).toBe(expected);
    });

    it("contains no live script tag", () => {
      expect(hostile).not.toContain("<script");
      expect(hostile).not.toContain("</script");
    });
  });
});

describe("formatRfc822Date", () => {
  it("keeps the offset written in the ISO string", () => {
    expect(formatRfc822Date("2025-04-10T16:30:00+03:00")).toBe("Thu, 10 Apr 2025 16:30:00 +0300");
    expect(formatRfc822Date("2025-12-31T23:59:59-05:00")).toBe("Wed, 31 Dec 2025 23:59:59 -0500");
  });

  it("writes UTC as +0000", () => {
    expect(formatRfc822Date("2025-01-02T03:04:05Z")).toBe("Thu, 02 Jan 2025 03:04:05 +0000");
  });

  it("reads a date-time without offset as UTC, never the machine's zone", () => {
    expect(formatRfc822Date("2025-01-02T03:04:05")).toBe("Thu, 02 Jan 2025 03:04:05 +0000");
  });

  it("refuses what is not a date-time", () => {
    expect(() => formatRfc822Date("last Tuesday")).toThrow(/not an ISO 8601 date-time/);
  });
});
