import { extractFromXml } from "@extractus/feed-extractor";
import { describe, expect, it } from "vitest";
import { renderAtom } from "../../lib/outputs/feeds/atom.ts";
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

const channel = makeFixtureChannel("atom");
const atom = renderAtom(channel);
const tree = parseXmlTree(atom);

/** The client's own `published` is the entry's `updated`, so the real `published` comes along as an extra. */
function readWithClient(xml: string) {
  return extractFromXml(xml, {
    descriptionMaxLen: 0,
    useISODateFormat: true,
    getExtraEntryFields: (entry) => ({
      atomPublished: readPath(entry, "published"),
      summaryText: readPath(entry, "summary", "#text"),
      credit: readPath(entry, "media:content", "media:credit", "#text"),
    }),
  });
}

describe("renderAtom", () => {
  it("writes a namespace-well-formed Atom document with Media RSS bound", () => {
    const names = readExpandedNames(atom);
    expect(names[0]).toBe(`{${ATOM_NAMESPACE}}feed`);
    expect(names).toContain(`{${MEDIA_NAMESPACE}}content`);
    expect(names).toContain(`{${MEDIA_NAMESPACE}}credit`);
  });

  it("starts with the UTF-8 declaration, indents by two spaces and ends with a newline", () => {
    expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true);
    expect(atom).toMatch(/^ {2}<entry>$/m);
    expect(atom).toMatch(/^ {4}<id>/m);
    expect(atom.endsWith("</feed>\n")).toBe(true);
  });

  it("gives the same bytes for the same channel", () => {
    expect(renderAtom(makeFixtureChannel("atom"))).toBe(atom);
  });

  it("is read by a feed client as three entries, newest first, with absolute links and exact titles", () => {
    const feed = readWithClient(atom);
    expect(feed.title).toBe("Dateline");
    expect(feed.link).toBe("https://dateline.example/");
    expect(feed.language).toBe("en-GB");
    const entries = feed.entries ?? [];
    expect(entries).toHaveLength(3);
    expect(entries.map((entry) => entry.title)).toEqual(channel.entries.map((entry) => entry.title));
    expect(entries.map((entry) => entry.link)).toEqual(channel.entries.map((entry) => entry.url));
    for (const entry of entries) expect(new URL(entry.link ?? "").protocol).toBe("https:");
    const published = entries.map((entry) => toInstant(entry.atomPublished));
    expect(published).toEqual(channel.entries.map((entry) => toInstant(entry.published)));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it("keeps each date's own offset", () => {
    expect(readPath(tree, "feed", "updated")).toBe("2025-04-10T18:00:00+03:00");
    expect(readPath(tree, "feed", "entry", 0, "published")).toBe("2025-04-10T16:30:00+03:00");
    expect(readPath(tree, "feed", "entry", 2, "published")).toBe("2025-03-27T07:15:00-04:00");
    expect(readPath(tree, "feed", "entry", 2, "updated")).toBe("2025-03-28T10:00:00-04:00");
  });

  it("links the HTML page, itself and the other formats", () => {
    const links = readPath(tree, "feed", "link");
    expect(links).toEqual([
      { "@_rel": "alternate", "@_type": "text/html", "@_href": "https://dateline.example/" },
      {
        "@_rel": "self",
        "@_type": "application/atom+xml",
        "@_href": "https://dateline.example/feed/atom.xml",
      },
      {
        "@_rel": "alternate",
        "@_type": "application/rss+xml",
        "@_href": "https://dateline.example/feed/rss.xml",
      },
      {
        "@_rel": "alternate",
        "@_type": "application/feed+json",
        "@_href": "https://dateline.example/feed/feed.json",
      },
    ]);
  });

  it("carries the feed's id, language, author, icon, rights and generator", () => {
    expect(readPath(tree, "feed", "@_xml:lang")).toBe("en-GB");
    expect(readPath(tree, "feed", "id")).toBe("https://dateline.example/");
    expect(readPath(tree, "feed", "subtitle", "#text")).toBe(channel.subtitle);
    expect(readPath(tree, "feed", "author")).toEqual([
      { name: "Dateline", uri: "https://dateline.example/about/" },
    ]);
    expect(readPath(tree, "feed", "icon")).toBe("https://dateline.example/icon-512.png");
    expect(readPath(tree, "feed", "rights", "#text")).toBe("© 2025 Dateline");
    expect(readPath(tree, "feed", "generator")).toBe("Dateline");
  });

  it("puts the full HTML, escaped and without CDATA, in content type html", () => {
    expect(readPath(tree, "feed", "entry", 0, "content", "@_type")).toBe("html");
    expect(readPath(tree, "feed", "entry", 0, "content", "#text")).toBe(LEAD_CONTENT_HTML);
    expect(atom).not.toContain("<![CDATA[");
    expect(atom).toContain("sequence ]]&gt; well");
  });

  it("gives the summary as text", () => {
    expect(readPath(tree, "feed", "entry", 0, "summary")).toEqual({
      "#text": channel.entries[0]?.summary,
      "@_type": "text",
    });
  });

  it("writes one author per person, with name and uri", () => {
    expect(readPath(tree, "feed", "entry", 1, "author")).toEqual([
      { name: "Olena Kovalenko", uri: "https://dateline.example/authors/olena-kovalenko/" },
      { name: "Tom Hale", uri: "https://dateline.example/authors/tom-hale/" },
    ]);
  });

  it("writes categories with term and label", () => {
    expect(readPath(tree, "feed", "entry", 0, "category")).toEqual([
      { "@_term": "turkey", "@_label": "Turkey" },
      { "@_term": "sanctions", "@_label": "Sanctions" },
    ]);
    expect(readPath(tree, "feed", "entry", 2, "category")).toBeUndefined();
  });

  it("offers the lead photo as an enclosure link and as Media RSS with caption and credit", () => {
    const entry = readPath(tree, "feed", "entry", 0);
    expect(readPath(entry, "link", 1)).toEqual({
      "@_rel": "enclosure",
      "@_type": "image/jpeg",
      "@_length": "234567",
      "@_href": "https://dateline.example/media/ankara-1600.jpg",
    });
    expect(readPath(entry, "media:content")).toEqual({
      "@_url": "https://dateline.example/media/ankara-1600.jpg",
      "@_medium": "image",
      "@_type": "image/jpeg",
      "@_width": "1600",
      "@_height": "900",
      "media:description": { "#text": "Talks in Ankara.", "@_type": "plain" },
      "media:credit": { "#text": "Ayşe Demir", "@_role": "photographer" },
    });
    expect(readPath(tree, "feed", "entry", 1, "media:content")).toBeUndefined();
  });

  it("is still a valid Atom document with no entries", () => {
    const empty = renderAtom(makeEmptyChannel("atom"));
    expect(readExpandedNames(empty)).not.toContain(`{${ATOM_NAMESPACE}}entry`);
    const emptyTree = parseXmlTree(empty);
    expect(readPath(emptyTree, "feed", "id")).toBe("https://dateline.example/");
    expect(readPath(emptyTree, "feed", "author", 0, "name")).toBe("Dateline");
    // feed-extractor 8 only recognises Atom that has an <entry>, so no client read here.
  });

  describe.each(HOSTILE_TEXTS)("with %s in the text", (_what, input, expected) => {
    const hostile = renderAtom(makeHostileChannel(input, "atom"));

    it("stays namespace-well-formed", () => {
      expect(() => readExpandedNames(hostile)).not.toThrow();
    });

    it("is read back exactly, minus control characters", () => {
      const [lead] = readWithClient(hostile).entries ?? [];
      expect(lead?.title).toBe(expected);
      expect(lead?.summaryText).toBe(expected);
      expect(lead?.credit).toBe(expected);
      const entry = readPath(parseXmlTree(hostile), "feed", "entry", 0);
      expect(readPath(entry, "author", 0, "name")).toBe(expected);
      expect(readPath(entry, "category", 0, "@_label")).toBe(expected);
    });

    it("contains no live script tag", () => {
      expect(hostile).not.toContain("<script");
      expect(hostile).not.toContain("</script");
    });
  });
});
