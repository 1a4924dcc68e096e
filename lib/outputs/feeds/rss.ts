/**
 * RSS 2.0 serialisation of the feed model, with content:encoded for the full body, dc:creator for
 * authors (RSS `author` wants an e-mail address) and Media RSS for the lead photo.
 */

import { formatRfc822Date } from "../../shared/dates.ts";
import { escapeHtml } from "../../shared/text.ts";
import type { FeedCategory, FeedChannel, FeedEntry, FeedImage } from "./model.ts";
import type { XmlChild, XmlElement } from "./xml.ts";
import {
  MEDIA_RSS_NAMESPACE,
  makeElement,
  makeMediaContent,
  makeTextElement,
  renderXmlDocument,
} from "./xml.ts";

const RSS_NAMESPACES = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:media": MEDIA_RSS_NAMESPACE,
};

/**
 * The channel as an RSS 2.0 document.
 * @example renderRss(channel).includes("<rss version=\"2.0\"") // true
 */
export function renderRss(channel: FeedChannel): string {
  return renderXmlDocument(makeElement("rss", { version: "2.0", ...RSS_NAMESPACES }, [makeChannel(channel)]));
}

function makeChannel(channel: FeedChannel): XmlElement {
  return makeElement("channel", {}, [
    makeTextElement("title", channel.title),
    makeTextElement("link", channel.homeUrl),
    makeHtmlTextElement("description", channel.subtitle),
    makeTextElement("language", channel.language),
    channel.rights !== undefined && makeTextElement("copyright", channel.rights),
    makeTextElement("lastBuildDate", formatRfc822Date(channel.updated)),
    makeElement("atom:link", { href: channel.selfUrl, rel: "self", type: "application/rss+xml" }),
    ...(channel.alternates ?? []).map((alternate) =>
      makeElement("atom:link", { href: alternate.url, rel: "alternate", type: alternate.type }),
    ),
    makeTextElement("generator", "Dateline"),
    makeTextElement("docs", "https://www.rssboard.org/rss-specification"),
    ...channel.entries.map(makeItem),
  ]);
}

/**
 * One item, in the order RSS-to-email services and validators expect: title, link, guid,
 * pubDate, description (the dek, before the body), content:encoded (the email-safe body),
 * then the lead photo as media:content and an enclosure, then authors and topics.
 */
function makeItem(entry: FeedEntry): XmlElement {
  return makeElement("item", {}, [
    makeTextElement("title", entry.title),
    makeTextElement("link", entry.url),
    makeTextElement("guid", entry.id, { isPermaLink: "true" }),
    makeTextElement("pubDate", formatRfc822Date(entry.published)),
    makeHtmlTextElement("description", entry.summary),
    makeTextElement("content:encoded", entry.emailContentHtml ?? entry.contentHtml),
    ...(entry.image ? makeImageElements(entry.image) : []),
    ...entry.authors.map((author) => makeTextElement("dc:creator", author.name)),
    ...entry.categories.map(makeCategory),
  ]);
}

/**
 * RSS `description` is HTML that readers render, so plain text is HTML-escaped before it is
 * XML-escaped: a dek reading `<img onerror=…>` reaches the reader as those characters, not as an image.
 */
function makeHtmlTextElement(name: string, text: string): XmlElement {
  return makeTextElement(name, escapeHtml(text));
}

function makeCategory(category: FeedCategory): XmlElement {
  return makeTextElement("category", category.label, { domain: category.url });
}

function makeImageElements(image: FeedImage): XmlChild[] {
  return [
    makeMediaContent(image),
    makeElement("enclosure", { url: image.url, length: image.length, type: image.type }),
    makeElement("media:thumbnail", { url: image.url, width: image.width, height: image.height }),
  ];
}
