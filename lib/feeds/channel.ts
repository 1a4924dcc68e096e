/**
 * Builds the feed model from published issues. Each entry is built once per build and
 * shared by every feed it appears in (site feeds and topic feeds).
 */
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { lastChange } from "../content.ts";
import { isoDateTime } from "../dates.ts";
import { absoluteUrl } from "../filters/absolute-url.ts";
import { photoUrl } from "../markdown.ts";
import { readPhotoSize } from "../photos/originals.ts";
import type { Authors, IssueFrontMatter, Photo, Site, Topics } from "../schema.ts";
import type { FeedChannel, FeedEntry, FeedImage } from "./model.ts";

/** One feed document the site publishes. */
export interface FeedSpec {
  format: "atom" | "rss" | "json";
  /** Site path of the document, e.g. `/feed.xml`. */
  path: string;
  mediaType: string;
  /** Set for a topic's own feed. */
  topicId?: string;
}

export interface FeedContext {
  site: Site;
  authors: Authors;
  topics: Topics;
  photosDir: string;
}

/** The part of an Eleventy collection item a feed entry is made from. */
export interface FeedSourceItem {
  url: string;
  content: string;
  data: IssueFrontMatter;
}

/** Site-wide feeds in three formats, then one Atom feed per topic. */
export function listFeeds(topics: Topics): FeedSpec[] {
  return [
    { format: "atom", path: "/feed.xml", mediaType: "application/atom+xml" },
    { format: "rss", path: "/rss.xml", mediaType: "application/rss+xml" },
    { format: "json", path: "/feed.json", mediaType: "application/feed+json" },
    ...Object.keys(topics).map(
      (topicId): FeedSpec => ({
        format: "atom",
        path: `/topics/${topicId}/feed.xml`,
        mediaType: "application/atom+xml",
        topicId,
      }),
    ),
  ];
}

const entryCache = new WeakMap<FeedSourceItem, Promise<FeedEntry>>();

/** The entry for one issue; cached per item so shared entries are built once. */
export function buildEntry(item: FeedSourceItem, context: FeedContext): Promise<FeedEntry> {
  let entry = entryCache.get(item);
  if (!entry) {
    entry = createEntry(item, context);
    entryCache.set(item, entry);
  }
  return entry;
}

async function createEntry(item: FeedSourceItem, context: FeedContext): Promise<FeedEntry> {
  const { site, authors, topics } = context;
  const data = item.data;
  const url = absoluteUrl(item.url, site.url);
  const image = data.photo ? await describeFeedImage(data.photo, context) : undefined;
  const lead = image ? renderLeadFigure(image) : "";
  return {
    id: url,
    url,
    title: data.title,
    summary: data.dek,
    contentHtml: await convertHtmlToAbsoluteUrls(lead + item.content, url),
    published: isoDateTime(data.date, site.timeZone),
    updated: isoDateTime(lastChange(data), site.timeZone),
    authors: data.authors.map((id) => ({
      name: authors[id]?.name ?? id,
      url: absoluteUrl(`/authors/${id}/`, site.url),
    })),
    categories: data.topics.map((id) => ({
      term: id,
      label: topics[id]?.name ?? id,
      url: absoluteUrl(`/topics/${id}/`, site.url),
    })),
    ...(image ? { image } : {}),
  };
}

/** Feed readers get one plain JPEG with its size, never `<picture>`. */
async function describeFeedImage(photo: Photo, context: FeedContext): Promise<FeedImage> {
  const { width, height, bytes } = await readPhotoSize(context.photosDir, photo.src);
  return {
    url: absoluteUrl(photoUrl(photo.src), context.site.url),
    type: "image/jpeg",
    width,
    height,
    length: bytes,
    alt: photo.alt,
    ...(photo.caption ? { caption: photo.caption } : {}),
    ...(photo.credit ? { credit: photo.credit } : {}),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function renderLeadFigure(image: FeedImage): string {
  const caption = [image.caption, image.credit].filter(Boolean).map((part) => escapeHtml(String(part)));
  return (
    `<figure><img src="${escapeHtml(image.url)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}">` +
    (caption.length > 0 ? `<figcaption>${caption.join(" ")}</figcaption>` : "") +
    "</figure>\n"
  );
}

/** A feed document's channel: the newest `site.feedSize` issues, or a topic's. */
export async function buildChannel(
  spec: FeedSpec,
  items: readonly FeedSourceItem[],
  context: FeedContext,
  buildTimeIso: string,
): Promise<FeedChannel> {
  const { site, topics } = context;
  const topic = spec.topicId ? topics[spec.topicId] : undefined;
  const selected = items
    .filter((item) => !spec.topicId || item.data.topics.includes(spec.topicId))
    .slice(0, site.feedSize);
  const entries = await Promise.all(selected.map((item) => buildEntry(item, context)));
  const homePath = spec.topicId ? `/topics/${spec.topicId}/` : "/";
  const alternates = spec.topicId
    ? []
    : listFeeds({})
        .filter((other) => other.path !== spec.path)
        .map((other) => ({ url: absoluteUrl(other.path, site.url), type: other.mediaType }));
  const updated = entries.map((entry) => entry.updated).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return {
    title: topic ? `${site.title}: ${topic.name}` : site.title,
    subtitle: topic ? topic.description : site.description,
    language: site.language,
    homeUrl: absoluteUrl(homePath, site.url),
    selfUrl: absoluteUrl(spec.path, site.url),
    alternates,
    updated: updated ?? isoDateTime(buildTimeIso, site.timeZone),
    author: { name: site.publisher.name, url: absoluteUrl("/", site.url) },
    icon: absoluteUrl("/assets/icon.svg", site.url),
    rights: `© ${site.publisher.name}`,
    entries,
  };
}
