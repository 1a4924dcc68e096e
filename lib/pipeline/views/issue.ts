/**
 * An issue as every output shows it: its page, its feed entries, its sitemap lines and,
 * next, its email edition. Built once per build from the checked issue, so no template
 * re-assembles fields and no output parses the file again.
 */

import { load as loadHtml } from "cheerio";
import { type Entities, NO_ENTITIES } from "../../contract/entities.ts";
import type { PhotoEntry } from "../../contract/photo-manifest.ts";
import type { Authors, IssueFrontMatter, Topics } from "../../contract/schema.ts";
import type { Source } from "../../contract/sources.ts";
import type { Threads } from "../../contract/threads.ts";
import { authorUrl, threadUrl, topicFeedUrl, topicUrl, workTypeUrl } from "../../contract/urls.ts";
import {
  type ArticleSchemaType,
  DEFAULT_WORK_TYPE,
  WORK_TYPES,
  type WorkType,
} from "../../contract/work-types.ts";
import { isoDateTime, readableCalendarDate, readableDate, readableDateTime } from "../../shared/dates.ts";
import type { Issue } from "../content/check-issue.ts";
import { issueNotes, type LastChange, lastChangeOf, type RecordNote } from "../content/record.ts";
import { type PhotoText, resolvePhotoText } from "../photos/credit.ts";
import type { PhotoDesk } from "../photos/desk.ts";
import { type EntityGroup, groupIssueEntities } from "./entities.ts";

interface Byline {
  id: string;
  name: string;
  url: string;
}

interface TopicLink {
  id: string;
  name: string;
  url: string;
  feedUrl: string;
}

/** The lead photo as every output shows it: front matter, the photo's own text, and its renditions. */
export interface LeadPhoto extends PhotoText {
  src: string;
  alt: string;
  /** Its renditions and crops; absent when the photo stage has no entry for it. */
  entry?: PhotoEntry;
}

interface ThreadLink {
  id: string;
  name: string;
  url: string;
}

/** A time as pages show it, in the site's zone: ISO 8601 with offset, the date, the date and time. */
export interface ShownTime {
  /** `2025-04-10T16:30:00+03:00`, for `<time datetime>`. */
  iso: string;
  /** `10 April 2025`. */
  date: string;
  /** `10 April 2025, 16:30 GMT+3`. */
  dateTime: string;
}

/** The type of work as readers see it: its label, beside the kicker, links to its definition. */
export interface WorkTypeLabel {
  id: WorkType;
  label: string;
  /** Its one-line definition on the about page. */
  url: string;
  /** The schema.org type of the article (JSON-LD `@type`). */
  schemaType: ArticleSchemaType;
}

/** An issue as a card shows it (listings, neighbours, related issues, the thread box): nothing more. */
export interface IssueCard {
  url: string;
  /** When it was published, in milliseconds since 1970 (listings sort by it). */
  publishedAt: number;
  title: string;
  dek: string;
  /** The section label, e.g. `Diplomacy`. */
  kicker?: string;
  /** The type of work: news, analysis, opinion… (an opinion card looks different). */
  workType: WorkTypeLabel;
  /** "No. 42" when the site numbers its issues (`site.numberedIssues`) and the issue has one. */
  number?: number;
  published: ShownTime;
  authors: Byline[];
  /** The authors' names as a card and the email print them after "By": `A, B and C`. */
  byline: string;
  /** The kicker line as text, `Analysis · Diplomacy · No. 3`: the type of work, then the kicker and number. */
  kickerLine: string;
}

/** One published (or, in previews, draft) issue. `url`, `date` and `data` match what listings read. */
export interface IssueView extends IssueCard {
  /** Project-relative source file, for messages that point the writer at it. */
  inputPath: string;
  /** The checked front matter. */
  data: IssueFrontMatter;
  /** The body as HTML, rendered once (no dateline: pages add it, feeds do not). */
  content: string;
  /** Where the reporting was done, as printed before the body: `ISTANBUL`. */
  dateline?: string;
  /** A draft, shown only by the dev server and preview builds. */
  draft: boolean;
  /** When it last changed after publication, and how; absent when it has not. */
  updated?: ShownTime & { kind: Exclude<LastChange["kind"], "published"> };
  topics: TopicLink[];
  /** The people, places and organisations it lists, by kind: the "In this issue" box and search filters. */
  entities: EntityGroup[];
  /** Its corrections and updates, oldest first (lib/record.ts). */
  notes: RecordNote[];
  /** When it last changed and how: the "Updated" line. */
  lastChange: LastChange;
  /** The story thread it belongs to, when it has one. */
  thread?: ThreadLink;
  /** The lead photo, when the issue has one. */
  photo?: LeadPhoto;
  /** Words in the body as readers see it (see `countWords`). */
  wordCount: number;
  /** Minutes to read the body at `WORDS_PER_MINUTE`, at least 1: the "6 min read" beside the date. */
  readingMinutes: number;
  /** The sources readers can check, as the foot lists them and JSON-LD cites them. */
  sources: ShownSource[];
  /** "How we reported this": the box near the top; absent when the issue says nothing of it. */
  reporting?: Reporting;
}

/** A source as the foot lists it. */
export interface ShownSource {
  title: string;
  url: string;
  publisher?: string;
  /** `10 April 2025`, with the ISO date for `<time>`. */
  date?: { iso: string; shown: string };
  /** An archived copy's address. */
  archived?: string;
}

/** What the issue says of how it was reported. */
interface Reporting {
  /** The backstory, Markdown rendered to HTML. */
  backstoryHtml?: string;
  /** The same as plain text, one line: JSON-LD's `backstory`. */
  backstoryText?: string;
  /** Sources the text does not name, when above 0. */
  unnamedSources?: number;
  /** The unnamed-sources policy's page (`site.policies.unnamedSources`), linked when there are any. */
  policyUrl?: string;
}

/** A reading speed for considered prose on a screen; the "min read" rule in the README. */
export const WORDS_PER_MINUTE = 230;

/**
 * Words in rendered HTML: runs of letters or digits, with an apostrophe or hyphen inside a
 * word keeping it one word (`Kılıçdaroğlu's`, `US-Russian`). Tags and entities are not words.
 * @example countWords("<p>US-Russian talks&nbsp;resumed.</p>") // 3
 */
export function countWords(html: string): number {
  const text = html.replace(/<[^>]*>/g, " ").replace(/&[#\w]+;/g, " ");
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whole minutes at WORDS_PER_MINUTE, rounded to the nearest, never below 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export interface ViewContext {
  /** The site's zone (`site.timeZone`): every shown time is in it. */
  timeZone: string;
  authors: Authors;
  topics: Topics;
  /** Markdown to HTML, with the photo desk's figures; `sourceFile` resolves links to other issues' `.md` files. */
  renderBody: (markdown: string, sourceFile?: string) => string;
  /** People, places and organisations; none when absent. */
  entities?: Entities;
  /** Story threads; none when absent. */
  threads?: Threads;
  /** Whether the site shows issue numbers (`site.numberedIssues`). */
  numberedIssues?: boolean;
  /** The type of an issue without `type:` (`site.defaultType`); news when absent. */
  defaultType?: WorkType;
  /** The unnamed-sources policy's path (`site.policies.unnamedSources`). */
  unnamedSourcesPolicy?: string;
  /** The photo desk's renditions and text; without it the lead photo carries front matter only. */
  photos?: Pick<PhotoDesk, "entry" | "text">;
}

/** The view of one checked issue; ids resolve as own keys only (a checked issue has no unknown ids). */
export function viewIssue(issue: Issue, context: ViewContext): IssueView {
  const content = context.renderBody(issue.body, issue.inputPath);
  const wordCount = countWords(content);
  const { data } = issue;
  const lastChange = lastChangeOf(data);
  const authors = data.authors.map((id) => ({
    id,
    name: Object.hasOwn(context.authors, id) ? (context.authors[id]?.name ?? id) : id,
    url: authorUrl(id),
  }));
  const number = context.numberedIssues ? data.number : undefined;
  const workType = workTypeLabel(data.type ?? context.defaultType ?? DEFAULT_WORK_TYPE);
  return {
    url: issue.url,
    title: data.title,
    dek: data.dek,
    ...(data.kicker ? { kicker: data.kicker } : {}),
    workType,
    ...(data.dateline ? { dateline: data.dateline } : {}),
    draft: data.draft === true,
    published: showTime(data.date, context.timeZone),
    ...(lastChange.kind === "published"
      ? {}
      : { updated: { ...showTime(lastChange.date, context.timeZone), kind: lastChange.kind } }),
    inputPath: issue.inputPath,
    publishedAt: issue.published.toMillis(),
    data: issue.data,
    content,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    authors,
    byline: joinNames(authors.map((author) => author.name)),
    kickerLine: kickerLineOf(workType.label, data.kicker, number),
    topics: issue.data.topics.map((id) => ({
      id,
      name: Object.hasOwn(context.topics, id) ? (context.topics[id]?.name ?? id) : id,
      url: topicUrl(id),
      feedUrl: topicFeedUrl(id),
    })),
    entities: groupIssueEntities(issue.data, context.entities ?? NO_ENTITIES),
    ...(number !== undefined ? { number } : {}),
    ...leadPhotoOf(issue.data.photo, context.photos),
    notes: issueNotes(issue.data),
    lastChange,
    ...threadOf(issue.data.thread, context.threads),
    sources: (data.sources ?? []).map(showSource),
    ...reportingOf(issue, context),
  };
}

function showSource(source: Source): ShownSource {
  return {
    title: source.title,
    url: source.url,
    ...(source.publisher ? { publisher: source.publisher } : {}),
    ...(source.date ? { date: { iso: source.date, shown: readableCalendarDate(source.date) } } : {}),
    ...(source.archived ? { archived: source.archived } : {}),
  };
}

function backstoryOf(html: string): Pick<Reporting, "backstoryHtml" | "backstoryText"> {
  return { backstoryHtml: html, backstoryText: loadHtml(html).text().replace(/\s+/g, " ").trim() };
}

function reportingOf(issue: Issue, context: ViewContext): { reporting?: Reporting } {
  const { backstory, unnamedSources } = issue.data;
  const unnamed = unnamedSources !== undefined && unnamedSources > 0 ? unnamedSources : undefined;
  if (backstory === undefined && unnamed === undefined) return {};
  return {
    reporting: {
      ...(backstory ? backstoryOf(context.renderBody(backstory, issue.inputPath)) : {}),
      ...(unnamed !== undefined ? { unnamedSources: unnamed } : {}),
      ...(unnamed !== undefined && context.unnamedSourcesPolicy
        ? { policyUrl: context.unnamedSourcesPolicy }
        : {}),
    },
  };
}

/** The label, definition link and schema.org type of a type of work. */
export function workTypeLabel(id: WorkType): WorkTypeLabel {
  const { label, schemaType } = WORK_TYPES[id];
  return { id, label, url: workTypeUrl(id), schemaType };
}

function threadOf(id: string | undefined, threads: Threads | undefined): { thread?: ThreadLink } {
  if (id === undefined || !threads || !Object.hasOwn(threads, id)) return {};
  const thread = threads[id];
  return thread ? { thread: { id, name: thread.name, url: threadUrl(id) } } : {};
}

function leadPhotoOf(photo: IssueFrontMatter["photo"], photos: ViewContext["photos"]): { photo?: LeadPhoto } {
  if (!photo) return {};
  const entry = photos?.entry(photo.src);
  const text = photos ? photos.text(photo) : resolvePhotoText(photo, undefined);
  return {
    photo: {
      src: photo.src,
      alt: photo.alt,
      // resolvePhotoText leaves out what is empty, in the order pages and feeds read it.
      ...text,
      ...(entry ? { entry } : {}),
    },
  };
}

/** A time as pages show it, in `zone`. */
export function showTime(value: string, zone: string): ShownTime {
  return {
    iso: isoDateTime(value, zone),
    date: readableDate(value, zone),
    dateTime: readableDateTime(value, zone),
  };
}

/** The card of an issue: what a listing, a neighbour link or the thread box shows, and only that. */
export function cardOf(issue: IssueCard): IssueCard {
  return {
    url: issue.url,
    publishedAt: issue.publishedAt,
    title: issue.title,
    dek: issue.dek,
    ...(issue.kicker ? { kicker: issue.kicker } : {}),
    workType: issue.workType,
    ...(issue.number !== undefined ? { number: issue.number } : {}),
    published: issue.published,
    authors: issue.authors,
    byline: issue.byline,
    kickerLine: issue.kickerLine,
  };
}

/**
 * Names as a list reads: `A`, `A and B`, `A, B and C`.
 * @example joinNames(["A", "B", "C"]) // "A, B and C"
 */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The kicker line as text: the type of work, the section label (unless it repeats the type) and
 * the issue's number.
 * @example kickerLineOf("Analysis", "Diplomacy", 3) // "Analysis · Diplomacy · No. 3"
 */
function kickerLineOf(type: string, kicker: string | undefined, number: number | undefined): string {
  const section = kicker && kicker.toLowerCase() !== type.toLowerCase() ? kicker : undefined;
  return [type, section, number !== undefined ? `No. ${number}` : undefined].filter(Boolean).join(" · ");
}
