/** Every feed document: /feed.xml, /rss.xml, /feed.json and /topics/<id>/feed.xml. */

import type { FeedSpec } from "../lib/contract/urls.ts";
import type { FeedsData } from "../lib/eleventy/feeds.ts";
import type { FeedSourceItem } from "../lib/outputs/feeds/channel.ts";
import type { LedgerEntry } from "../lib/pipeline/views/record.ts";

interface FeedPageData {
  feed: FeedSpec;
  feeds: FeedsData;
  buildTime: string;
  views: { issues: FeedSourceItem[]; ledger: { entries: LedgerEntry[] } };
}

export const data = {
  // The feeds whose key the output store lacks (lib/eleventy/output-plan.ts); feeds.list has them all.
  pagination: { data: "outputs.feedDocuments", size: 1, alias: "feed" },
  permalink: (data: FeedPageData) => data.feed.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: FeedPageData): Promise<string> {
  return data.feeds.render(data.feed, data.views.issues, data.buildTime, data.views.ledger.entries);
}
