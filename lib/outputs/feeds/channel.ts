/**
 * Builds the feed model from published issues. Each entry is built once per build and
 * shared by every feed it appears in (site feeds and topic feeds).
 */

import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { renderCaption } from "../../contract/caption.ts";
import { type Entities, findEntity } from "../../contract/entities.ts";
import { pickRendition } from "../../contract/photo-manifest.ts";
import { findById, type Site, type Topics } from "../../contract/schema.ts";
import type { Threads } from "../../contract/threads.ts";
import {
  absolutePhotoUrl,
  correctionsUrl,
  entityUrl,
  type FeedSpec,
  homeUrl,
  PAGE_PATHS,
  siteFeeds,
  threadUrl,
  topicUrl,
} from "../../contract/urls.ts";
import type { IssueView, LeadPhoto } from "../../pipeline/views/issue.ts";
import { correctionsSince, type LedgerEntry } from "../../pipeline/views/record.ts";
import { isoDateTime } from "../../shared/dates.ts";
import { inertView } from "../../shared/merge-tags.ts";
import { escapeHtml } from "../../shared/text.ts";
import {
  type CorrectionNotice,
  describeCorrectionsSince,
  renderCorrectionsSinceHtml,
} from "../email/corrections-since.ts";
import { emailPhotoOf, renderEmailFragment } from "../email/fragment.ts";
import { absoluteUrl } from "../filters/absolute-url.ts";

import type { FeedChannel, FeedEntry, FeedImage } from "./model.ts";

export interface FeedContext {
  site: Site;
  topics: Topics;
  /** People, places and organisations, for their feeds. */
  entities?: Entities;
  /** Story threads, for their feeds. */
  threads?: Threads;
  /** Makes RSS's email-safe body; the build passes one that keeps them between builds. */
  emailFragment?: typeof renderEmailFragment;
}

/** The part of an issue view a feed entry is made from. */
export type FeedSourceItem = Pick<
  IssueView,
  "url" | "content" | "data" | "lastChange" | "photo" | "authors" | "topics"
>;

const entryCache = new WeakMap<FeedSourceItem, Promise<FeedEntry>>();

/** The entry for one issue; cached per item so shared entries are built once. */
function buildEntry(item: FeedSourceItem, context: FeedContext): Promise<FeedEntry> {
  let entry = entryCache.get(item);
  if (!entry) {
    entry = createEntry(item, context);
    entryCache.set(item, entry);
  }
  return entry;
}

async function createEntry(item: FeedSourceItem, context: FeedContext): Promise<FeedEntry> {
  const { site } = context;
  const data = item.data;
  const url = absoluteUrl(item.url, site.url);
  const image = item.photo ? describeFeedImage(item.photo, context) : undefined;
  const lead = image ? renderLeadFigure(image) : "";
  const body = simplifyPictures(item.content);
  return {
    id: url,
    url,
    title: data.title,
    summary: data.dek,
    contentHtml: await convertHtmlToAbsoluteUrls(lead + body, url),
    emailContentHtml: (context.emailFragment ?? renderEmailFragment)(
      item.content,
      url,
      image ? emailPhotoOf(image) : undefined,
    ),
    published: isoDateTime(data.date, site.timeZone),
    updated: isoDateTime(item.lastChange.date, site.timeZone),
    authors: item.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url, site.url) })),
    categories: item.topics.map((topic) => ({
      term: topic.id,
      label: topic.name,
      url: absoluteUrl(topic.url, site.url),
    })),
    ...(image ? { image } : {}),
  };
}

/**
 * Feed readers and RSS-to-email get one plain JPEG (the 1200 px rendition) with its size,
 * never `<picture>`: several readers drop `<source>` or rewrite srcset badly.
 */
function describeFeedImage(photo: LeadPhoto, context: FeedContext): FeedImage | undefined {
  const { entry, caption, credit, sourceLabel } = photo;
  if (!entry) return undefined;
  const jpeg = pickRendition(entry, "jpeg");
  return {
    url: absolutePhotoUrl(jpeg.path, context.site.url),
    type: "image/jpeg",
    width: jpeg.width,
    height: jpeg.height,
    length: jpeg.bytes,
    alt: photo.alt,
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(sourceLabel ? { sourceLabel } : {}),
  };
}

/**
 * Body figures in feeds: each `<picture>` becomes its JPEG `<img>` without srcset and sizes.
 * @example simplifyPictures('<picture><source …><img src="/a.jpg" srcset="…" sizes="…" width="1200"></picture>')
 *   // '<img src="/a.jpg" width="1200">'
 */
function simplifyPictures(html: string): string {
  return html.replace(/<picture>(?:<source[^>]*>)*(<img[^>]*>)<\/picture>/g, (_match, img: string) =>
    img.replace(/\s(?:srcset|sizes|loading|decoding|fetchpriority)="[^"]*"/g, ""),
  );
}

function renderLeadFigure(image: FeedImage): string {
  const caption = renderCaption(image);
  return (
    `<figure><img src="${escapeHtml(image.url)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}">` +
    (caption === "" ? "" : `<figcaption>${caption}</figcaption>`) +
    "</figure>\n"
  );
}

/**
 * The corrections feed's entries: the ledger's own, newest first in the page's order. The id is
 * the note's place on its issue page (`…/#correction-1`), so an entry keeps its id as notes are added.
 */
function buildLedgerEntries(notes: readonly LedgerEntry[], context: FeedContext): FeedEntry[] {
  const { site } = context;
  return notes.map((note) => {
    const issueUrl = absoluteUrl(note.issue.url, site.url);
    const url = absoluteUrl(note.url, site.url);
    const when = isoDateTime(note.date, site.timeZone);
    return {
      id: url,
      url,
      title: `${note.label}: ${note.issue.title}`,
      summary: note.text,
      contentHtml: `<p>${escapeHtml(note.text)}</p>\n<p>${note.label} to <a href="${escapeHtml(issueUrl)}">${escapeHtml(note.issue.title)}</a>.</p>`,
      published: when,
      updated: when,
      authors: [],
      categories: [],
    };
  });
}

/** What a feed is about: its title, subtitle and the page it mirrors. */
function describeChannel(
  spec: FeedSpec,
  context: FeedContext,
): { title: string; subtitle: string; homePath: string } {
  const { site } = context;
  if (spec.ledger) {
    return {
      title: `${site.title}: corrections and updates`,
      subtitle: `Every correction and update ${site.title} makes to its issues, newest first.`,
      homePath: correctionsUrl,
    };
  }
  if (spec.topicId) {
    const topic = findById(context.topics, spec.topicId);
    return {
      title: `${site.title}: ${topic?.name ?? spec.topicId}`,
      subtitle: topic?.description ?? site.description,
      homePath: topicUrl(spec.topicId),
    };
  }
  if (spec.threadId) {
    const thread = context.threads ? findById(context.threads, spec.threadId) : undefined;
    return {
      title: `${site.title}: ${thread?.name ?? spec.threadId}`,
      subtitle: thread?.summary ?? site.description,
      homePath: threadUrl(spec.threadId),
    };
  }
  if (spec.entity) {
    const entity = context.entities
      ? findEntity(context.entities, spec.entity.kind, spec.entity.id)
      : undefined;
    return {
      title: `${site.title}: ${entity?.name ?? spec.entity.id}`,
      subtitle: entity?.description ?? site.description,
      homePath: entityUrl(spec.entity.kind, spec.entity.id),
    };
  }
  return { title: site.title, subtitle: site.description, homePath: homeUrl };
}

/**
 * Everything a feed document shows besides the site's settings and the code: the issues it
 * carries (or the ledger's notes), what it is about, and the build time when it has no entry.
 * Its hash keys the feed in the output store (lib/eleventy/output-plan.ts).
 */
export function feedInputs(
  spec: FeedSpec,
  items: readonly FeedSourceItem[],
  context: FeedContext,
  buildTimeIso: string,
  ledger: readonly LedgerEntry[] = [],
): {
  selected: FeedSourceItem[];
  notes: LedgerEntry[];
  /** Each selected issue's corrections since the previous issue: its content:encoded carries them. */
  since: LedgerEntry[][];
  about: ReturnType<typeof describeChannel>;
  buildTimeIso?: string;
} {
  const { site } = context;
  const { entity: named, threadId, topicId } = spec;
  const selected = spec.ledger
    ? []
    : items
        .filter((item) => !topicId || item.data.topics.includes(topicId))
        .filter((item) => !named || (item.data[named.kind] ?? []).includes(named.id))
        .filter((item) => !threadId || item.data.thread === threadId)
        .slice(0, site.feedSize);
  const notes = spec.ledger ? ledger.slice(0, site.feedSize) : [];
  const about = describeChannel(spec, context);
  const empty = selected.length === 0 && notes.length === 0;
  const sinceByUrl = correctionsSince(items, ledger);
  const since = selected.map((item) => sinceByUrl.get(item.url) ?? []);
  return { selected, notes, since, about, ...(empty ? { buildTimeIso } : {}) };
}

/** A feed document's channel: the newest `site.feedSize` issues (or a topic's, thread's, entity's), or the ledger's notes. */
export async function buildChannel(
  spec: FeedSpec,
  items: readonly FeedSourceItem[],
  context: FeedContext,
  buildTimeIso: string,
  ledger: readonly LedgerEntry[] = [],
): Promise<FeedChannel> {
  const { site } = context;
  const { entity: named, threadId, topicId } = spec;
  const { selected, notes, since, about } = feedInputs(spec, items, context, buildTimeIso, ledger);
  const shared = (await Promise.all(selected.map((item) => buildEntry(item, context)))).map((entry, index) =>
    withCorrectionsSince(entry, describeCorrectionsSince(since[index] ?? [], site)),
  );
  // A topic's feed is what a per-topic email edition is sent from: its content is the email's.
  const entries = spec.ledger
    ? buildLedgerEntries(notes, context)
    : topicId
      ? shared.map((entry) => ({ ...entry, contentHtml: entry.emailContentHtml ?? entry.contentHtml }))
      : shared;
  const { title, subtitle, homePath } = about;
  const alternates =
    topicId || named || threadId || spec.ledger
      ? []
      : siteFeeds
          .filter((other) => other.path !== spec.path)
          .map((other) => ({ url: absoluteUrl(other.path, site.url), type: other.mediaType }));
  const updated = entries.map((entry) => entry.updated).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  // RSS-to-email services send what a feed says, filling in template tags: none may be live.
  return inertView<FeedChannel>(
    {
      title,
      subtitle,
      language: site.language,
      homeUrl: absoluteUrl(homePath, site.url),
      selfUrl: absoluteUrl(spec.path, site.url),
      alternates,
      updated: updated ?? isoDateTime(buildTimeIso, site.timeZone),
      author: { name: site.publisher.name, url: absoluteUrl("/", site.url) },
      icon: absoluteUrl(PAGE_PATHS.icon, site.url),
      rights: `© ${site.publisher.name}`,
      entries,
    },
    FEED_HTML_FIELDS,
  );
}

/** The entry with "Corrections since the last issue" at the foot of its email-safe content (content:encoded). */
function withCorrectionsSince(entry: FeedEntry, notices: readonly CorrectionNotice[]): FeedEntry {
  if (notices.length === 0) return entry;
  const content = entry.emailContentHtml ?? entry.contentHtml;
  return { ...entry, emailContentHtml: `${content}\n${renderCorrectionsSinceHtml(notices)}` };
}

/** The feed fields that hold HTML (made inert with character references, merge-tags.ts). */
const FEED_HTML_FIELDS = new Set(["contentHtml", "emailContentHtml"]);
