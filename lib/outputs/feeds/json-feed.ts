/**
 * JSON Feed 1.1 serialisation of the feed model. Plain JSON: strings are not HTML-escaped
 * (`Sanctions & "secondary"` stays literally that), only cleared of characters XML forbids,
 * so that the JSON feed says exactly what the XML feeds say.
 */
import type { FeedChannel, FeedEntry, FeedPerson } from "./model.ts";
import { cleanText } from "./xml.ts";

interface JsonFeedAuthor {
  name: string;
  url: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  image?: string;
}

interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  icon?: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

/**
 * The channel as a JSON Feed 1.1 document, two-space indented, with a final newline.
 * @example JSON.parse(renderJsonFeed(channel)).version // "https://jsonfeed.org/version/1.1"
 */
export function renderJsonFeed(channel: FeedChannel): string {
  return `${JSON.stringify(makeJsonFeed(channel), cleanStrings, 2)}\n`;
}

function makeJsonFeed(channel: FeedChannel): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    description: channel.subtitle,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl,
    language: channel.language,
    icon: channel.icon,
    authors: [makeAuthor(channel.author)],
    items: channel.entries.map(makeItem),
  };
}

/** Empty lists are left out: an item without `authors` inherits the feed's. */
function makeItem(entry: FeedEntry): JsonFeedItem {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    summary: entry.summary,
    content_html: entry.contentHtml,
    date_published: entry.published,
    date_modified: entry.updated,
    authors: entry.authors.length > 0 ? entry.authors.map(makeAuthor) : undefined,
    tags: entry.categories.length > 0 ? entry.categories.map((category) => category.label) : undefined,
    image: entry.image?.url,
  };
}

function makeAuthor(person: FeedPerson): JsonFeedAuthor {
  return { name: person.name, url: person.url };
}

function cleanStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? cleanText(value) : value;
}
