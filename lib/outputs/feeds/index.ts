/**
 * The feeds: one model, three serialisations. Templates and the build loop over `feedFormats`
 * rather than naming formats, so adding one is one row here.
 */
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import type { FeedChannel } from "./model.ts";
import { renderRss } from "./rss.ts";

export { renderAtom } from "./atom.ts";
export { renderJsonFeed } from "./json-feed.ts";
export type { FeedCategory, FeedChannel, FeedEntry, FeedImage, FeedPerson } from "./model.ts";
export { formatRfc822Date, renderRss } from "./rss.ts";

/** One output format: what to call the file, what to serve it as, how to write it. */
export interface FeedFormat {
  readonly format: string;
  readonly extension: string;
  readonly mediaType: string;
  readonly render: (channel: FeedChannel) => string;
}

/**
 * Every feed format the site publishes.
 * @example for (const { format, extension, render } of feedFormats) write(`feed/${format}.${extension}`, render(channel));
 */
export const feedFormats = [
  { format: "atom", extension: "xml", mediaType: "application/atom+xml", render: renderAtom },
  { format: "rss", extension: "xml", mediaType: "application/rss+xml", render: renderRss },
  { format: "json", extension: "json", mediaType: "application/feed+json", render: renderJsonFeed },
] as const satisfies readonly FeedFormat[];
