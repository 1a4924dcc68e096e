/**
 * Feed conformance for RSS-to-email services: the built site's feeds read the way Buttondown,
 * Mailchimp and Kit document that they read them. Each reader below takes only what that
 * service says it takes, from the built `rss.xml` (and a topic's feed), and the test checks
 * that every item gives the service a complete, email-safe issue.
 *
 * - Buttondown (RSS-to-email): title; content:encoded; link; published (pubDate); guid; the
 *   enclosure or media:content image as the featured image.
 * - Mailchimp (RSS campaigns): *|RSSITEM:TITLE|*, *|RSSITEM:URL|* (link), *|RSSITEM:DATE|*
 *   (pubDate), *|RSSITEM:CONTENT_FULL|* (content:encoded), *|RSSITEM:IMAGE|* (media:content
 *   only); it ignores xml:base, so every URL must be absolute already.
 * - Kit (RSS automations): the item's title, link, description, content and published date.
 */
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";

const ORIGIN = "https://dateline.example";

let site: FixtureSite;

beforeAll(() => {
  site = sharedSite("standard");
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stdout}\n${site.stderr}`);
}, 180_000);
afterAll(() => site?.remove());

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "item",
});
/** The same document with element order kept, to check the order of each item's children. */
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true });

function rssItems(file: string): XmlNode[] {
  const tree = parser.parse(site.read(file)) as { rss: { channel: { item: XmlNode[] } } };
  return tree.rss.channel.item;
}

function text(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String((node as XmlNode)["#text"]);
  return "";
}

function attribute(node: unknown, name: string): string | undefined {
  return node && typeof node === "object" ? ((node as XmlNode)[`@${name}`] as string | undefined) : undefined;
}

/** Buttondown's reading, field by field in its documented order. */
function readAsButtondown(item: XmlNode) {
  const enclosure = item.enclosure;
  const media = item["media:content"];
  const enclosureImage = attribute(enclosure, "type")?.startsWith("image/")
    ? attribute(enclosure, "url")
    : undefined;
  return {
    title: text(item.title),
    content: text(item["content:encoded"]),
    link: text(item.link),
    published: new Date(text(item.pubDate)),
    guid: text(item.guid),
    featuredImage: enclosureImage ?? attribute(media, "url"),
  };
}

/** Mailchimp's RSS merge tags. */
function readAsMailchimp(item: XmlNode) {
  const media = item["media:content"];
  return {
    "RSSITEM:TITLE": text(item.title),
    "RSSITEM:URL": text(item.link),
    "RSSITEM:DATE": new Date(text(item.pubDate)),
    "RSSITEM:CONTENT_FULL": text(item["content:encoded"]),
    "RSSITEM:IMAGE": media
      ? { url: attribute(media, "url"), width: attribute(media, "width"), height: attribute(media, "height") }
      : undefined,
  };
}

/** Kit's RSS item fields. */
function readAsKit(item: XmlNode) {
  return {
    title: text(item.title),
    url: text(item.link),
    description: text(item.description),
    content: text(item["content:encoded"]),
    publishedAt: new Date(text(item.pubDate)),
  };
}

/** What an email client would refuse in a body. */
function emailSafety(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const problems: string[] = [];
  if ($("picture, source, svg, style, script").length > 0) problems.push("web-only element");
  if ($("[srcset]").length > 0) problems.push("srcset");
  $("a[href], img[src]").each((_i, element) => {
    const value = $(element).attr("href") ?? $(element).attr("src") ?? "";
    if (!/^(?:https?:|mailto:)/.test(value)) problems.push(`relative URL ${value}`);
  });
  $("img").each((_i, img) => {
    const src = $(img).attr("src") ?? "";
    if (!/\.(?:jpe?g|png)$/.test(src)) problems.push(`not JPEG/PNG ${src}`);
    if (Number($(img).attr("width")) > 600) problems.push(`wider than the email ${src}`);
    if (!$(img).attr("alt")) problems.push(`no alt ${src}`);
  });
  return problems;
}

describe("rss.xml items", () => {
  it("hold title, link, guid, pubDate, description, content:encoded, then media:content and enclosure, in that order", () => {
    const ordered = orderedParser.parse(site.read("rss.xml")) as XmlNode[];
    const rss = ordered.find((node) => "rss" in node)?.rss as XmlNode[];
    const channel = rss.find((node) => "channel" in node)?.channel as XmlNode[];
    const items = channel
      .filter((node) => "item" in node)
      .map((node) => (node.item as XmlNode[]).map((child) => Object.keys(child)[0]));
    expect(items.length).toBe(4);
    for (const names of items) {
      const core = names.filter((name) =>
        [
          "title",
          "link",
          "guid",
          "pubDate",
          "description",
          "content:encoded",
          "media:content",
          "enclosure",
        ].includes(name ?? ""),
      );
      const expected = ["title", "link", "guid", "pubDate", "description", "content:encoded"];
      if (names.includes("media:content")) expected.push("media:content", "enclosure");
      expect(core).toEqual(expected);
      expect(names.slice(0, expected.length)).toEqual(expected);
    }
  });

  it("carry no xml:base, which Mailchimp ignores", () => {
    expect(site.read("rss.xml")).not.toContain("xml:base");
  });
});

describe("read as Buttondown reads it", () => {
  it("gives every item a title, email-safe content, link, date, stable guid and, with a photo, a featured image", () => {
    const items = rssItems("rss.xml").map(readAsButtondown);
    expect(items.map((item) => item.title)).toEqual([
      "Charlie: a Turkey briefing",
      "Bravo: the property dispute",
      "Alpha: delegations meet in Istanbul",
      "Old news: published just after midnight in Istanbul",
    ]);
    for (const item of items) {
      expect(item.content.length).toBeGreaterThan(20);
      expect(emailSafety(item.content)).toEqual([]);
      expect(item.link).toMatch(/^https:\/\/dateline\.example\/2025\/0[34]\/[a-z-]+\/$/);
      expect(item.guid).toBe(item.link);
      expect(Number.isNaN(item.published.getTime())).toBe(false);
    }
    const bravo = items[1];
    expect(bravo?.featuredImage).toMatch(
      /^https:\/\/dateline\.example\/photos\/2025\/istanbul-consulate-placeholder-1200\.[0-9a-f]{8}\.jpg$/,
    );
    expect(items[0]?.featuredImage).toBeUndefined();
  });

  it("gives the content the email edition's markup: the lead photo at 600 px, caption and credit as text", () => {
    const bravo = readAsButtondown(rssItems("rss.xml")[1] ?? {});
    const $ = cheerio.load(bravo.content, null, false);
    expect($("img").first().attr("width")).toBe("600");
    expect($("img").first().attr("src")).toBe(bravo.featuredImage);
    expect($(".caption").first().text()).toBe(
      "Composite image with synthetic elements. A placeholder standing in for a photo Placeholder image — Dateline",
    );
    const email = cheerio.load(site.read("2025/04/bravo/email.html"));
    // The same body paragraph, with the same inline style, as the email's content cell.
    const first = $("p:not(.caption)").first();
    const emailFirst = email("td.content p").first();
    expect(first.text()).toBe("A paragraph of the issue.");
    expect(first.text()).toBe(emailFirst.text());
    expect(first.attr("style")).toBe(emailFirst.attr("style"));
  });
});

describe("read as Mailchimp reads it", () => {
  it("fills *|RSSITEM:IMAGE|* from media:content: an absolute JPEG with width and height", () => {
    const bravo = readAsMailchimp(rssItems("rss.xml")[1] ?? {});
    expect(bravo["RSSITEM:IMAGE"]?.url).toMatch(/^https:\/\/dateline\.example\/photos\/.+\.jpg$/);
    expect(bravo["RSSITEM:IMAGE"]?.width).toBe("1200");
    expect(bravo["RSSITEM:IMAGE"]?.height).toBe("675");
  });

  it("fills title, URL, date and full content, every URL in it absolute", () => {
    for (const item of rssItems("rss.xml").map(readAsMailchimp)) {
      expect(item["RSSITEM:TITLE"]).not.toBe("");
      expect(item["RSSITEM:URL"].startsWith(`${ORIGIN}/`)).toBe(true);
      expect(Number.isNaN(item["RSSITEM:DATE"].getTime())).toBe(false);
      expect(emailSafety(item["RSSITEM:CONTENT_FULL"])).toEqual([]);
    }
    const alpha = readAsMailchimp(rssItems("rss.xml")[2] ?? {});
    // The footnote reference leads to the note on the web page; the note itself is an endnote.
    expect(alpha["RSSITEM:CONTENT_FULL"]).toContain(`href="${ORIGIN}/2025/04/alpha/#fn1"`);
    expect(cheerio.load(alpha["RSSITEM:CONTENT_FULL"], null, false)("ol li").text()).toBe("A footnote.");
  });
});

describe("read as Kit reads it", () => {
  it("gives each item its title, URL, dek as description, content and date", () => {
    const items = rssItems("rss.xml").map(readAsKit);
    expect(items[1]).toMatchObject({
      title: "Bravo: the property dispute",
      url: `${ORIGIN}/2025/04/bravo/`,
      description: "The second fixture issue, with a photo and a correction.",
    });
    for (const item of items) expect(emailSafety(item.content)).toEqual([]);
  });
});

describe("a topic's feed, for a per-topic email edition", () => {
  it("carries only the topic's issues, with the email-safe content", () => {
    const tree = parser.parse(site.read("topics/russia/feed.xml")) as {
      feed: { entry: XmlNode[] | XmlNode };
    };
    const entries = [tree.feed.entry].flat();
    expect(entries.map((entry) => text(entry.title))).toEqual([
      "Bravo: the property dispute",
      "Alpha: delegations meet in Istanbul",
    ]);
    for (const entry of entries) expect(emailSafety(text(entry.content))).toEqual([]);
  });
});

describe("the subscribe page", () => {
  it("says how to connect each service to the site feed, the corrections feed and a topic feed", () => {
    const $ = cheerio.load(site.read("subscribe/index.html"));
    const services = $("main h3")
      .map((_i, h3) => $(h3).text())
      .get();
    expect(services).toEqual([
      "Buttondown",
      "Mailchimp",
      "Kit",
      "Corrections by email",
      "One topic by email",
    ]);
    const text = $("main").text();
    // RSS-to-email never resends a changed item: the corrections feed is how email readers hear of one.
    expect(text).toContain("the service does not send it again");
    expect(text).toContain(`follow the corrections feed, ${ORIGIN}/corrections/feed.xml`);
    expect(text).toContain(`give it the RSS address, ${ORIGIN}/rss.xml`);
    expect(text).toMatch(new RegExp(`for example ${ORIGIN}/topics/[a-z-]+/feed\\.xml`));
  });
});
