/**
 * Feeds: the list of feed documents and the function that renders one. The template
 * `src/feeds.11ty.ts` paginates over the list, one output file per feed.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { checkEntities } from "../contract/entities.ts";
import { checkThreads } from "../contract/threads.ts";
import { correctionsFeed, type FeedSpec, listFeeds, siteFeeds } from "../contract/urls.ts";
import { type FragmentCache, openFragmentCache } from "../outputs/email/index.ts";
import { renderAtom } from "../outputs/feeds/atom.ts";
import { buildChannel, type FeedContext, type FeedSourceItem } from "../outputs/feeds/channel.ts";
import { renderJsonFeed } from "../outputs/feeds/json-feed.ts";
import { renderRss } from "../outputs/feeds/rss.ts";
import type { LedgerEntry } from "../pipeline/views/record.ts";
import { type SiteViews, VIEWS_EVENT } from "../pipeline/views/site.ts";

export type FeedsOptions = FeedContext & {
  /** The fragment cache's folder; `false` renders every fragment. Default: the email cache's. */
  cacheDir?: string | false;
};

const renderers = { atom: renderAtom, rss: renderRss, json: renderJsonFeed } as const;

export interface FeedsData {
  /** Every feed document (src/feeds.11ty.ts writes one file per entry). */
  list: FeedSpec[];
  /** The site-wide feeds, as pages advertise them. */
  siteFeeds: readonly FeedSpec[];
  /** Every correction and update, one entry each (`/corrections/feed.xml`). */
  correctionsFeed: FeedSpec;
  render: (
    spec: FeedSpec,
    items: readonly FeedSourceItem[],
    buildTime: string,
    ledger: readonly LedgerEntry[],
  ) => Promise<string>;
}

/**
 * The records as the content stage checks them (trimmed, typeset), so a feed's title and
 * subtitle read as the pages do. A record with problems stops the build there; it stays raw here.
 */
function checkedContext(options: FeedsOptions): FeedContext {
  const entities = options.entities && checkEntities(options.entities).entities;
  const threads = options.threads && checkThreads(options.threads).threads;
  return { ...options, ...(entities ? { entities } : {}), ...(threads ? { threads } : {}) };
}

export default function feedsPlugin(eleventyConfig: UserConfig, feedsOptions: FeedsOptions): void {
  const options = checkedContext(feedsOptions);
  const list = listFeeds(options.topics, options.entities, options.threads);
  // Opened for each build (and dev-server rebuild), finished once its feeds are written.
  let fragments: FragmentCache | undefined;
  /** At most one fragment per issue is live, though a build that changed no feed reads none. */
  let issues = 0;
  eleventyConfig.on("eleventy.before", () => {
    fragments = openFragmentCache(feedsOptions.cacheDir);
  });
  eleventyConfig.on(VIEWS_EVENT, (views: SiteViews) => {
    issues = views.issues.length;
  });
  eleventyConfig.on("eleventy.after", async () => {
    fragments?.expectLive(issues);
    await fragments?.finish();
  });
  const feeds: FeedsData = {
    list,
    siteFeeds,
    correctionsFeed,
    render: async (spec, items, buildTime, ledger) => {
      const store = fragments;
      const context: FeedContext = store
        ? { ...options, emailFragment: (body, url, lead) => store.fragment(body, url, lead) }
        : options;
      return renderers[spec.format](await buildChannel(spec, items, context, buildTime, ledger));
    },
  };
  eleventyConfig.addGlobalData("feeds", feeds);
}
