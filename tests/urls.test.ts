/** Site paths (lib/contract/urls.ts): the entity pages, listing pages and the one list of feeds. */
import { describe, expect, it } from "vitest";
import {
  correctionsFeed,
  entityFeedUrl,
  entityIndexUrl,
  entityUrl,
  listFeeds,
  olderPageUrl,
  siteFeeds,
  timelinePageUrl,
} from "../lib/contract/urls.ts";

describe("entity paths", () => {
  it("puts each kind under its own folder", () => {
    expect(entityIndexUrl("people")).toBe("/people/");
    expect(entityUrl("places", "pioneer-point")).toBe("/places/pioneer-point/");
    expect(entityFeedUrl("organisations", "us-state-department")).toBe(
      "/organisations/us-state-department/feed.xml",
    );
  });
});

describe("listing page paths", () => {
  it("gives every older page of a newest-first listing its own address, page/1/ the oldest", () => {
    expect(olderPageUrl("/", 1)).toBe("/page/1/");
    expect(olderPageUrl("/topics/russia/", 3)).toBe("/topics/russia/page/3/");
  });

  it("makes a timeline's page 1 the timeline itself", () => {
    expect(timelinePageUrl("/threads/talks/", 1)).toBe("/threads/talks/");
    expect(timelinePageUrl("/threads/talks/", 2)).toBe("/threads/talks/page/2/");
  });
});

describe("listFeeds", () => {
  it("lists the site feeds, the corrections feed, then each topic's, entity's and thread's Atom feed", () => {
    const feeds = listFeeds(
      { russia: { name: "Russia", kind: "country", description: "Russia." } },
      {
        people: { "tammy-bruce": {} },
        places: { istanbul: {} },
        organisations: { "us-state-department": {} },
      },
      { "embassy-talks": {} },
    );
    expect(feeds.slice(0, siteFeeds.length)).toEqual(siteFeeds);
    expect(
      feeds
        .slice(siteFeeds.length)
        .map((feed) => [feed.path, feed.topicId ?? feed.entity ?? feed.threadId ?? feed.ledger]),
    ).toEqual([
      ["/corrections/feed.xml", true],
      ["/topics/russia/feed.xml", "russia"],
      ["/people/tammy-bruce/feed.xml", { kind: "people", id: "tammy-bruce" }],
      ["/places/istanbul/feed.xml", { kind: "places", id: "istanbul" }],
      ["/organisations/us-state-department/feed.xml", { kind: "organisations", id: "us-state-department" }],
      ["/threads/embassy-talks/feed.xml", "embassy-talks"],
    ]);
    expect(new Set(feeds.slice(siteFeeds.length).map((feed) => feed.format))).toEqual(new Set(["atom"]));
  });

  it("lists no topic, entity or thread feeds when there are none", () => {
    expect(listFeeds({})).toEqual([...siteFeeds, correctionsFeed]);
  });
});
