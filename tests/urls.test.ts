/** Site paths (lib/urls.ts): the entity pages and the one list of feeds. */
import { describe, expect, it } from "vitest";
import {
  correctionsFeed,
  entityFeedUrl,
  entityIndexUrl,
  entityUrl,
  listFeeds,
  siteFeeds,
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
