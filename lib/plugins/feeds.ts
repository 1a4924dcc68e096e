/**
 * Feeds: the list of feed documents and the function that renders one. The template
 * `src/feeds.11ty.ts` paginates over the list, one output file per feed.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import {
  buildChannel,
  type FeedContext,
  type FeedSourceItem,
  type FeedSpec,
  listFeeds,
} from "../feeds/channel.ts";
import { renderAtom, renderJsonFeed, renderRss } from "../feeds/index.ts";

export type FeedsOptions = FeedContext;

const renderers = { atom: renderAtom, rss: renderRss, json: renderJsonFeed } as const;

export interface FeedsData {
  list: FeedSpec[];
  render: (spec: FeedSpec, items: readonly FeedSourceItem[], buildTime: string) => Promise<string>;
}

export default function feedsPlugin(eleventyConfig: UserConfig, options: FeedsOptions): void {
  const feeds: FeedsData = {
    list: listFeeds(options.topics),
    render: async (spec, items, buildTime) =>
      renderers[spec.format](await buildChannel(spec, items, options, buildTime)),
  };
  eleventyConfig.addGlobalData("feeds", feeds);
}
