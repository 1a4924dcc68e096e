/**
 * Atom 1.0 (RFC 4287) serialisation of the feed model, with the lead photo as an enclosure link
 * and as Media RSS. Dates are printed as the model holds them, so each keeps its own offset.
 */
import type { FeedCategory, FeedChannel, FeedEntry, FeedImage } from "./model.ts";
import type { XmlElement } from "./xml.ts";
import {
  MEDIA_RSS_NAMESPACE,
  makeElement,
  makeMediaContent,
  makeTextElement,
  renderXmlDocument,
} from "./xml.ts";

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
const ATOM_MEDIA_TYPE = "application/atom+xml";

/**
 * The channel as an Atom document.
 * @example renderAtom(channel).startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ') // true
 */
export function renderAtom(channel: FeedChannel): string {
  return renderXmlDocument(makeFeed(channel));
}

function makeFeed(channel: FeedChannel): XmlElement {
  const attributes = {
    xmlns: ATOM_NAMESPACE,
    "xmlns:media": MEDIA_RSS_NAMESPACE,
    "xml:lang": channel.language,
  };
  return makeElement("feed", attributes, [
    makeTextElement("id", channel.homeUrl),
    makeTextElement("title", channel.title, { type: "text" }),
    makeTextElement("subtitle", channel.subtitle, { type: "text" }),
    makeTextElement("updated", channel.updated),
    // The HTML page first: simple readers take the first link as "the site".
    makeLink("alternate", "text/html", channel.homeUrl),
    makeLink("self", ATOM_MEDIA_TYPE, channel.selfUrl),
    ...(channel.alternates ?? []).map((alternate) => makeLink("alternate", alternate.type, alternate.url)),
    makeAuthor(channel.author),
    channel.icon !== undefined && makeTextElement("icon", channel.icon),
    channel.rights !== undefined && makeTextElement("rights", channel.rights, { type: "text" }),
    makeTextElement("generator", "Dateline"),
    ...channel.entries.map(makeEntry),
  ]);
}

function makeEntry(entry: FeedEntry): XmlElement {
  return makeElement("entry", {}, [
    makeTextElement("id", entry.id),
    makeTextElement("title", entry.title, { type: "text" }),
    makeLink("alternate", "text/html", entry.url),
    entry.image && makeEnclosureLink(entry.image),
    makeTextElement("published", entry.published),
    makeTextElement("updated", entry.updated),
    ...entry.authors.map(makeAuthor),
    ...entry.categories.map(makeCategory),
    makeTextElement("summary", entry.summary, { type: "text" }),
    makeTextElement("content", entry.contentHtml, { type: "html" }),
    entry.image && makeMediaContent(entry.image),
  ]);
}

function makeLink(rel: string, type: string, href: string): XmlElement {
  return makeElement("link", { rel, type, href });
}

function makeEnclosureLink(image: FeedImage): XmlElement {
  return makeElement("link", { rel: "enclosure", type: image.type, length: image.length, href: image.url });
}

function makeAuthor(person: { name: string; url: string }): XmlElement {
  return makeElement("author", {}, [
    makeTextElement("name", person.name),
    makeTextElement("uri", person.url),
  ]);
}

/** No `scheme`: the model has no IRI for the topic vocabulary as a whole. */
function makeCategory(category: FeedCategory): XmlElement {
  return makeElement("category", { term: category.term, label: category.label });
}
