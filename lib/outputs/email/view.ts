/**
 * The email edition of one issue, as data: everything the HTML and the text part show,
 * built once from the issue's view (lib/views/issue.ts). Every URL in it is absolute.
 */

import { pickRendition } from "../../contract/photo-manifest.ts";
import type { Site } from "../../contract/schema.ts";
import { homeUrl, siteFeeds, subscribeUrl } from "../../contract/urls.ts";
import { WORK_TYPES } from "../../contract/work-types.ts";
import type { IssueView, LeadPhoto, ShownSource } from "../../pipeline/views/issue.ts";
import type { LedgerEntry } from "../../pipeline/views/record.ts";
import { readableDateTime } from "../../shared/dates.ts";
import { inertView } from "../../shared/merge-tags.ts";
import { absoluteUrl } from "../filters/absolute-url.ts";
import { withDateline } from "../filters/with-dateline.ts";
import { displaySize, EMAIL_WIDTH, type EmailPhoto, type Endnote, toEmailBody } from "./body.ts";
import { type CorrectionNotice, describeCorrectionsSince } from "./corrections-since.ts";
import { SERVICE_TAGS, type ServiceTags } from "./services.ts";

export interface EmailContext {
  site: Site;
  /** Corrections to other issues made since the previous issue went out (SiteViews.correctionsSince). */
  correctionsSince?: readonly LedgerEntry[];
}

interface EmailLink {
  name: string;
  url: string;
}

/** A correction or update (lib/record.ts), its date in the site's zone. */
interface EmailCorrection {
  kind: IssueView["notes"][number]["kind"];
  /** "Correction" or "Update". */
  label: string;
  date: string;
  text: string;
}

/** Under an opinion piece's kicker, in the email and its text part. */
const OPINION_NOTE = `Opinion: ${WORK_TYPES.opinion.definition}`;

export interface EmailView {
  /** The subject line: the headline, after "No. 42: " on a numbered site. */
  subject: string;
  /** The site's name, at the top, linked to its home page. */
  masthead: EmailLink;
  /** The kicker line: type of work, section, number ("Opinion · Diplomacy · No. 3"). */
  kicker: string;
  /** For an opinion piece: the line that tells it apart from the reporting (and the styles that do). */
  opinionNote?: string;
  headline: string;
  dek: string;
  /** "Daniel Hart and Ayse Demir". */
  byline: string;
  authors: EmailLink[];
  dateline?: string;
  /** Published date and time in the site's zone, e.g. "11 April 2025, 09:00 GMT+3". */
  date: string;
  /** Set when the issue changed after it was published. */
  updated?: string;
  /** The issue's web page ("Read on the web"). */
  webUrl: string;
  leadPhoto?: EmailPhoto;
  /** The body, email-safe, with the dateline at its start. */
  bodyHtml: string;
  endnotes: Endnote[];
  corrections: EmailCorrection[];
  /** Corrections to other issues since the last edition (corrections-since.ts): the foot opens with them. */
  correctionsSince: CorrectionNotice[];
  /** The sources the issue cites, as its page lists them. */
  sources: ShownSource[];
  /** Each topic with its page and its feed. */
  topics: (EmailLink & { feedUrl: string })[];
  footer: EmailFooter;
  /** Language of the text, for `lang`. */
  language: string;
  /** The source file, for check messages. */
  inputPath: string;
}

interface EmailFooter {
  publisher: string;
  /** The sender's postal address, one line each (from `_data/site.ts`, `email.address`). */
  address: string[];
  /** The service's merge tags, when one is set. */
  service?: ServiceTags;
  /** Where to follow by feed (always shown; the only way out when no service is set). */
  feedUrl: string;
  subscribeUrl: string;
  homeUrl: string;
}

/** The view's HTML (made inert with references), and the footer's own merge tags (kept live). */
const HTML_FIELDS = new Set(["bodyHtml", "endnotes"]);
const LIVE_FIELDS = new Set(["service"]);

/**
 * The email view of one issue. Every string in it is inert (merge-tags.ts): the services read
 * the writer's text as text; only the footer's tags are live.
 */
export function buildEmailView(issue: IssueView, context: EmailContext): EmailView {
  return inertView(emailViewOf(issue, context), HTML_FIELDS, LIVE_FIELDS);
}

function emailViewOf(issue: IssueView, context: EmailContext): EmailView {
  const { site } = context;
  const data = issue.data;
  const webUrl = absoluteUrl(issue.url, site.url);
  const body = toEmailBody(withDateline(issue.content, data.dateline), webUrl);
  const changed = issue.lastChange.date;
  const rssFeed = siteFeeds.find((feed) => feed.format === "rss") ?? siteFeeds[0];
  const service = site.email?.service ? SERVICE_TAGS[site.email.service] : undefined;
  const leadPhoto = issue.photo ? describeLeadPhoto(issue.photo, context) : undefined;
  return {
    subject: issue.number !== undefined ? `No. ${issue.number}: ${data.title}` : data.title,
    masthead: { name: site.title, url: absoluteUrl(homeUrl, site.url) },
    kicker: issue.kickerLine,
    ...(issue.workType.id === "opinion" ? { opinionNote: OPINION_NOTE } : {}),
    headline: data.title,
    dek: data.dek,
    byline: issue.byline,
    authors: issue.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url, site.url) })),
    ...(data.dateline ? { dateline: data.dateline } : {}),
    date: readableDateTime(data.date, site.timeZone),
    ...(changed !== data.date ? { updated: readableDateTime(changed, site.timeZone) } : {}),
    webUrl,
    ...(leadPhoto ? { leadPhoto } : {}),
    bodyHtml: body.html,
    endnotes: body.endnotes,
    sources: issue.sources,
    correctionsSince: describeCorrectionsSince(context.correctionsSince ?? [], site),
    corrections: issue.notes.map((note) => ({
      kind: note.kind,
      label: note.label,
      date: readableDateTime(note.date, site.timeZone),
      text: note.text,
    })),
    topics: issue.topics.map((topic) => ({
      name: topic.name,
      url: absoluteUrl(topic.url, site.url),
      feedUrl: absoluteUrl(topic.feedUrl, site.url),
    })),
    footer: {
      publisher: site.publisher.name,
      address: site.email?.address ?? [],
      ...(service ? { service } : {}),
      feedUrl: absoluteUrl(rssFeed?.path ?? "/rss.xml", site.url),
      subscribeUrl: absoluteUrl(subscribeUrl, site.url),
      homeUrl: absoluteUrl(homeUrl, site.url),
    },
    language: site.language,
    inputPath: issue.inputPath,
  };
}

/** "Corrections", or "Corrections and updates" once an update is among them. */
export function correctionsHeading(view: Pick<EmailView, "corrections">): string {
  return view.corrections.some((note) => note.kind === "update") ? "Corrections and updates" : "Corrections";
}

/** The lead photo as one JPEG at twice the column width (or the largest there is). */
function describeLeadPhoto(photo: LeadPhoto, context: EmailContext): EmailPhoto | undefined {
  const { entry, caption, credit, sourceLabel } = photo;
  if (!entry) return undefined;
  const jpeg = pickRendition(entry, "jpeg", EMAIL_WIDTH * 2);
  return {
    src: absoluteUrl(jpeg.path, context.site.url),
    ...displaySize(jpeg.width, jpeg.height),
    alt: photo.alt,
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(sourceLabel ? { sourceLabel } : {}),
  };
}
