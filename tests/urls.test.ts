/** Site paths (lib/urls.ts): the entity pages and the one list of feeds. */
import { describe, expect, it } from "vitest";
import { entityFeedUrl, entityIndexUrl, entityUrl, listFeeds, siteFeeds } from "../lib/urls.ts";

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
  it("lists the site feeds, then each topic's, then each person's, place's and organisation's Atom feed", () => {
    const feeds = listFeeds(
      { russia: { name: "Russia", kind: "country", description: "Russia." } },
      {
        people: { "tammy-bruce": {} },
        places: { istanbul: {} },
        organisations: { "us-state-department": {} },
      },
    );
    expect(feeds.slice(0, siteFeeds.length)).toEqual(siteFeeds);
    expect(feeds.slice(siteFeeds.length).map((feed) => [feed.path, feed.topicId ?? feed.entity])).toEqual([
      ["/topics/russia/feed.xml", "russia"],
      ["/people/tammy-bruce/feed.xml", { kind: "people", id: "tammy-bruce" }],
      ["/places/istanbul/feed.xml", { kind: "places", id: "istanbul" }],
      ["/organisations/us-state-department/feed.xml", { kind: "organisations", id: "us-state-department" }],
    ]);
    expect(new Set(feeds.slice(siteFeeds.length).map((feed) => feed.format))).toEqual(new Set(["atom"]));
  });

  it("lists no entity feeds when there are no entities", () => {
    expect(listFeeds({})).toEqual([...siteFeeds]);
  });
});
