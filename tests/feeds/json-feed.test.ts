import { extractFromJson } from "@extractus/feed-extractor";
import { describe, expect, it } from "vitest";
import { renderJsonFeed } from "../../lib/outputs/feeds/json-feed.ts";
import {
  HOSTILE_TEXTS,
  LEAD_CONTENT_HTML,
  makeEmptyChannel,
  makeFixtureChannel,
  makeHostileChannel,
  readPath,
  toInstant,
} from "./fixture-channel.ts";

const channel = makeFixtureChannel("json");
const json = renderJsonFeed(channel);
const feed: unknown = JSON.parse(json);

describe("renderJsonFeed", () => {
  it("writes JSON Feed 1.1 with the channel's metadata", () => {
    expect(readPath(feed, "version")).toBe("https://jsonfeed.org/version/1.1");
    expect(readPath(feed, "title")).toBe("Dateline");
    expect(readPath(feed, "description")).toBe(channel.subtitle);
    expect(readPath(feed, "home_page_url")).toBe("https://dateline.example/");
    expect(readPath(feed, "feed_url")).toBe("https://dateline.example/feed/feed.json");
    expect(readPath(feed, "language")).toBe("en-GB");
    expect(readPath(feed, "icon")).toBe("https://dateline.example/icon-512.png");
    expect(readPath(feed, "authors")).toEqual([{ name: "Dateline", url: "https://dateline.example/about/" }]);
  });

  it("is two-space indented, ends with a newline and gives the same bytes for the same channel", () => {
    expect(json).toMatch(/^ {2}"version": /m);
    expect(json.endsWith("}\n")).toBe(true);
    expect(renderJsonFeed(makeFixtureChannel("json"))).toBe(json);
  });

  it("is read by a feed client as three items, newest first, with absolute links and exact titles", () => {
    const read = extractFromJson(json, { descriptionMaxLen: 0, useISODateFormat: true });
    expect(read.title).toBe("Dateline");
    expect(read.link).toBe("https://dateline.example/");
    const entries = read.entries ?? [];
    expect(entries).toHaveLength(3);
    expect(entries.map((entry) => entry.title)).toEqual(channel.entries.map((entry) => entry.title));
    expect(entries.map((entry) => entry.link)).toEqual(channel.entries.map((entry) => entry.url));
    for (const entry of entries) expect(new URL(entry.link ?? "").protocol).toBe("https:");
    const published = entries.map((entry) => toInstant(entry.published));
    expect(published).toEqual(channel.entries.map((entry) => toInstant(entry.published)));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it("does not HTML-escape titles", () => {
    expect(readPath(feed, "items", 0, "title")).toBe('Sanctions & "secondary" tariffs reach Ankara');
    expect(json).toContain(String.raw`"title": "Sanctions & \"secondary\" tariffs reach Ankara"`);
  });

  it("gives each item its dates with their own offsets, summary, HTML, authors, tags and image", () => {
    expect(readPath(feed, "items", 0)).toEqual({
      id: "https://dateline.example/issues/2025/04/ankara-sanctions/",
      url: "https://dateline.example/issues/2025/04/ankara-sanctions/",
      title: 'Sanctions & "secondary" tariffs reach Ankara',
      summary: "Why Turkey's banks are suddenly careful about Russian clients.",
      content_html: LEAD_CONTENT_HTML,
      date_published: "2025-04-10T16:30:00+03:00",
      date_modified: "2025-04-10T18:00:00+03:00",
      authors: [{ name: "Ayşe Demir", url: "https://dateline.example/authors/ayse-demir/" }],
      tags: ["Turkey", "Sanctions"],
      image: "https://dateline.example/media/ankara-1600.jpg",
    });
    expect(readPath(feed, "items", 1, "authors")).toHaveLength(2);
  });

  it("leaves out empty tags and a missing image rather than writing empty values", () => {
    const last = readPath(feed, "items", 2);
    expect(last).not.toHaveProperty("tags");
    expect(last).not.toHaveProperty("image");
  });

  it("is still a valid feed with no items", () => {
    const empty = renderJsonFeed(makeEmptyChannel("json"));
    expect(readPath(JSON.parse(empty), "items")).toEqual([]);
    expect(extractFromJson(empty).entries).toEqual([]);
  });

  describe.each(HOSTILE_TEXTS)("with %s in the text", (_what, input, expected) => {
    const hostile: unknown = JSON.parse(renderJsonFeed(makeHostileChannel(input, "json")));

    it("gives back the exact text, minus control characters", () => {
      expect(readPath(hostile, "items", 0, "title")).toBe(expected);
      expect(readPath(hostile, "items", 0, "summary")).toBe(expected);
      expect(readPath(hostile, "items", 0, "authors", 0, "name")).toBe(expected);
      expect(readPath(hostile, "items", 0, "tags", 0)).toBe(expected);
    });
  });
});
