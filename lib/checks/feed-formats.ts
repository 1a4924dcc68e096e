/**
 * Atom, RSS 2.0 and JSON Feed documents read into one shape of facts (features.md §4.2): the
 * required elements each spec names, every URL that must be absolute, the entries' ids and the
 * self link. `feeds.ts` then judges the facts the same way for all three formats.
 */
import { ATOM_NS, childNamed, childrenNamed, descendants, type XmlNode } from "./xml.ts";

const MEDIA_NS = "http://search.yahoo.com/mrss/";
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

/** A URL the document gives, and how to name it: `<link rel="alternate"> href`. */
export interface UrlFact {
  what: string;
  value: string;
}

interface EntryFacts {
  /** `entry 2 (https://…)`: position, and id when it has one. */
  label: string;
  id: string | undefined;
  /** Problems with required elements, already phrased. */
  problems: string[];
  urls: UrlFact[];
  /** Ids that must be absolute IRIs (Atom `id`, RSS permalink `guid`). */
  iris: UrlFact[];
  /** HTML bodies whose every URL must be absolute. */
  html: string[];
}

export interface FeedFacts {
  problems: string[];
  /** What the document calls its self link, for messages. */
  selfName: string;
  self: string | undefined;
  urls: UrlFact[];
  iris: UrlFact[];
  entries: EntryFacts[];
}

/** `missing <x>`, `<x> appears 2 times`, `empty <x>`, or nothing for exactly one non-empty child. */
function requireOne(node: XmlNode, uri: string, local: string, name = local): string[] {
  const found = childrenNamed(node, uri, local);
  if (found.length === 0) return [`missing <${name}>`];
  if (found.length > 1) return [`<${name}> appears ${found.length} times`];
  return found[0]?.text.trim() === "" && found[0].children.length === 0 ? [`empty <${name}>`] : [];
}

/** RFC 3339 as Atom and JSON Feed want it: date, time and offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function checkDate(node: XmlNode, uri: string, local: string): string[] {
  const value = childNamed(node, uri, local)?.text.trim();
  if (value === undefined || value === "") return [];
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value))
    ? []
    : [`<${local}> "${value}" is not an RFC 3339 date-time`];
}

function text(node: XmlNode | undefined): string | undefined {
  const value = node?.text.trim();
  return value === "" ? undefined : value;
}

function label(kind: string, index: number, id: string | undefined): string {
  return id === undefined ? `${kind} ${index + 1}` : `${kind} ${index + 1} (${id})`;
}

/** Media RSS `url` attributes anywhere under the node. */
function mediaUrls(node: XmlNode): UrlFact[] {
  return descendants(node)
    .filter((element) => element.uri === MEDIA_NS && element.attributes.has("url"))
    .map((element) => ({ what: `<media:${element.local}> url`, value: element.attributes.get("url") ?? "" }));
}

function atomLinks(node: XmlNode): UrlFact[] {
  return childrenNamed(node, ATOM_NS, "link").map((link) => ({
    what: `<link rel="${link.attributes.get("rel") ?? "alternate"}"> href`,
    value: link.attributes.get("href") ?? "",
  }));
}

function atomAuthorUris(node: XmlNode): UrlFact[] {
  return childrenNamed(node, ATOM_NS, "author").flatMap((author) => {
    const uri = text(childNamed(author, ATOM_NS, "uri"));
    return uri === undefined ? [] : [{ what: "<author><uri>", value: uri }];
  });
}

function hasAtomAuthor(node: XmlNode): boolean {
  return childrenNamed(node, ATOM_NS, "author").some((author) => text(childNamed(author, ATOM_NS, "name")));
}

/** `type="html"` bodies as text; `type="xhtml"` bodies as the URLs their elements carry. */
function atomBodies(entry: XmlNode): { html: string[]; urls: UrlFact[] } {
  const html: string[] = [];
  const urls: UrlFact[] = [];
  for (const body of [
    ...childrenNamed(entry, ATOM_NS, "content"),
    ...childrenNamed(entry, ATOM_NS, "summary"),
  ]) {
    const type = body.attributes.get("type") ?? "text";
    if (type === "html") html.push(body.text);
    if (type === "xhtml") {
      for (const element of descendants(body).slice(1)) {
        for (const attribute of ["href", "src"]) {
          const value = element.attributes.get(attribute);
          if (value !== undefined) urls.push({ what: `<${element.local} ${attribute}> in content`, value });
        }
      }
    }
  }
  return { html, urls };
}

/** RFC 4287: feed id/title/updated, entry id/title/updated, an author at either level. */
export function readAtom(feed: XmlNode): FeedFacts {
  const feedHasAuthor = hasAtomAuthor(feed);
  const entries = childrenNamed(feed, ATOM_NS, "entry").map((entry, index): EntryFacts => {
    const id = text(childNamed(entry, ATOM_NS, "id"));
    const bodies = atomBodies(entry);
    return {
      label: label("entry", index, id),
      id,
      problems: [
        ...requireOne(entry, ATOM_NS, "id"),
        ...requireOne(entry, ATOM_NS, "title"),
        ...requireOne(entry, ATOM_NS, "updated"),
        ...checkDate(entry, ATOM_NS, "updated"),
        ...checkDate(entry, ATOM_NS, "published"),
        ...(feedHasAuthor || hasAtomAuthor(entry) ? [] : ["no <author>, and the feed has none"]),
      ],
      urls: [...atomLinks(entry), ...atomAuthorUris(entry), ...mediaUrls(entry), ...bodies.urls],
      iris: id === undefined ? [] : [{ what: "<id>", value: id }],
      html: bodies.html,
    };
  });
  const id = text(childNamed(feed, ATOM_NS, "id"));
  return {
    problems: [
      ...requireOne(feed, ATOM_NS, "id"),
      ...requireOne(feed, ATOM_NS, "title"),
      ...requireOne(feed, ATOM_NS, "updated"),
      ...checkDate(feed, ATOM_NS, "updated"),
    ],
    selfName: '<link rel="self">',
    self: childrenNamed(feed, ATOM_NS, "link")
      .find((link) => link.attributes.get("rel") === "self")
      ?.attributes.get("href"),
    urls: [
      ...atomLinks(feed),
      ...atomAuthorUris(feed),
      ...["icon", "logo"].flatMap((name) => {
        const value = text(childNamed(feed, ATOM_NS, name));
        return value === undefined ? [] : [{ what: `<${name}>`, value }];
      }),
    ],
    iris: id === undefined ? [] : [{ what: "<id>", value: id }],
    entries,
  };
}

/** RSS 2.0 `enclosure` needs url, length (bytes) and type. */
function checkEnclosures(item: XmlNode): { problems: string[]; urls: UrlFact[] } {
  const problems: string[] = [];
  const urls: UrlFact[] = [];
  for (const enclosure of childrenNamed(item, "", "enclosure")) {
    for (const attribute of ["url", "length", "type"]) {
      if (!enclosure.attributes.get(attribute)) problems.push(`<enclosure> has no ${attribute}`);
    }
    const length = enclosure.attributes.get("length");
    if (length && !/^\d+$/.test(length))
      problems.push(`<enclosure> length "${length}" is not a number of bytes`);
    const url = enclosure.attributes.get("url");
    if (url) urls.push({ what: "<enclosure> url", value: url });
  }
  return { problems, urls };
}

/** RSS 2.0: channel title/link/description; each item a title or a description; enclosures complete. */
export function readRss(rss: XmlNode): FeedFacts {
  const channels = childrenNamed(rss, "", "channel");
  const channel = channels[0];
  if (!channel) {
    return {
      problems: ["missing <channel>"],
      selfName: "",
      self: undefined,
      urls: [],
      iris: [],
      entries: [],
    };
  }
  const entries = childrenNamed(channel, "", "item").map((item, index): EntryFacts => {
    const guid = childNamed(item, "", "guid");
    const link = text(childNamed(item, "", "link"));
    const id = text(guid) ?? link;
    const enclosures = checkEnclosures(item);
    const permalink = guid !== undefined && guid.attributes.get("isPermaLink") !== "false";
    const title = text(childNamed(item, "", "title"));
    const description = childNamed(item, "", "description");
    return {
      label: label("item", index, id),
      id,
      problems: [
        ...(title === undefined && text(description) === undefined
          ? ["has neither <title> nor <description>"]
          : []),
        ...enclosures.problems,
      ],
      urls: [
        ...(link === undefined ? [] : [{ what: "<link>", value: link }]),
        ...enclosures.urls,
        ...mediaUrls(item),
      ],
      iris: permalink && text(guid) !== undefined ? [{ what: "<guid>", value: text(guid) ?? "" }] : [],
      html: [description?.text ?? "", childNamed(item, CONTENT_NS, "encoded")?.text ?? ""].filter(Boolean),
    };
  });
  const image = childNamed(channel, "", "image");
  const link = text(childNamed(channel, "", "link"));
  return {
    problems: [
      ...(rss.attributes.get("version") === "2.0" ? [] : ['<rss> has no version="2.0"']),
      ...(channels.length > 1 ? [`<channel> appears ${channels.length} times`] : []),
      ...requireOne(channel, "", "title"),
      ...requireOne(channel, "", "link"),
      ...(childrenNamed(channel, "", "description").length === 0 ? ["missing <description>"] : []),
    ],
    selfName: '<atom:link rel="self">',
    self: childrenNamed(channel, ATOM_NS, "link")
      .find((atomLink) => atomLink.attributes.get("rel") === "self")
      ?.attributes.get("href"),
    urls: [
      ...(link === undefined ? [] : [{ what: "<link>", value: link }]),
      ...childrenNamed(channel, ATOM_NS, "link").map((atomLink) => ({
        what: `<atom:link rel="${atomLink.attributes.get("rel") ?? "alternate"}"> href`,
        value: atomLink.attributes.get("href") ?? "",
      })),
      ...(image
        ? ["url", "link"].flatMap((name) => {
            const value = text(childNamed(image, "", name));
            return value === undefined ? [] : [{ what: `<image><${name}>`, value }];
          })
        : []),
    ],
    iris: [],
    entries,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringAt(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** The listed keys that hold a string, as URLs to check. */
function jsonUrls(record: Record<string, unknown>, keys: readonly string[], prefix = ""): UrlFact[] {
  return keys.flatMap((key) => {
    const value = stringAt(record, key);
    return value === undefined ? [] : [{ what: `"${prefix}${key}"`, value }];
  });
}

function jsonAuthorUrls(record: Record<string, unknown>): UrlFact[] {
  const authors = Array.isArray(record.authors) ? record.authors : [];
  return authors.filter(isRecord).flatMap((author) => jsonUrls(author, ["url", "avatar"], "authors[]."));
}

/** JSON Feed 1.1: version, title, items; each item an id and content_html or content_text. */
export function readJsonFeed(json: unknown): FeedFacts {
  if (!isRecord(json)) {
    return {
      problems: ["is not a JSON object"],
      selfName: "",
      self: undefined,
      urls: [],
      iris: [],
      entries: [],
    };
  }
  const version = stringAt(json, "version");
  const items = Array.isArray(json.items) ? json.items : [];
  const entries = items.map((item: unknown, index): EntryFacts => {
    const record = isRecord(item) ? item : {};
    const id = typeof record.id === "string" && record.id !== "" ? record.id : undefined;
    const attachments = Array.isArray(record.attachments) ? record.attachments.filter(isRecord) : [];
    const html = stringAt(record, "content_html");
    return {
      label: label("item", index, id),
      id,
      problems: [
        ...(id === undefined ? ['missing "id" (a non-empty string)'] : []),
        ...(html === undefined && stringAt(record, "content_text") === undefined
          ? ['has neither "content_html" nor "content_text"']
          : []),
      ],
      urls: [
        ...jsonUrls(record, ["url", "external_url", "image", "banner_image"]),
        ...jsonAuthorUrls(record),
        ...attachments.flatMap((attachment) => jsonUrls(attachment, ["url"], "attachments[].")),
      ],
      // An id is opaque in JSON Feed, but one written as a URL path is a relative URL.
      iris: id !== undefined && /^(?:\/|\.\.?\/|https?:)/i.test(id) ? [{ what: '"id"', value: id }] : [],
      html: html === undefined ? [] : [html],
    };
  });
  return {
    problems: [
      ...(version?.startsWith("https://jsonfeed.org/version/")
        ? []
        : ['"version" is not a JSON Feed version URL']),
      ...(stringAt(json, "title") === undefined ? ['missing "title"'] : []),
      ...(Array.isArray(json.items) ? [] : ['missing "items"']),
    ],
    selfName: '"feed_url"',
    self: stringAt(json, "feed_url"),
    urls: [...jsonUrls(json, ["home_page_url", "feed_url", "icon", "favicon"]), ...jsonAuthorUrls(json)],
    iris: [],
    entries,
  };
}
