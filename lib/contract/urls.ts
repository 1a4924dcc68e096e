/**
 * Every site path the build publishes, in one place. Templates, feeds, sitemaps, JSON-LD
 * and checks all ask here, so a URL scheme changes in one file.
 */
import type { DateTime } from "luxon";
import { ENTITY_KINDS, type EntityKind } from "./entities.ts";
import type { Topics } from "./schema.ts";

/** `/<yyyy>/<mm>/<slug>/`, with year and month taken in the site's zone. */
export function issueUrl(slug: string, published: DateTime): string {
  return `/${published.toFormat("yyyy")}/${published.toFormat("MM")}/${slug}/`;
}

/** The site-relative file a page URL is written to: `/2025/04/x/` → `2025/04/x/index.html`. */
export function outputFileOf(url: string): string {
  const relative = url.replace(/^\//, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** The email edition's files, beside the issue's page. */
export const EMAIL_FILES = ["email.html", "email.txt", "email.eml"] as const;
/**
 * The edition as a writer previews it before a deploy, its images loading from this machine
 * (lib/outputs/email/preview.ts): `npm run email` writes both, the dev server serves the HTML.
 * Never published.
 */
export const EMAIL_PREVIEW_FILES = ["email.preview.html", "email.preview.eml"] as const;
export type EmailFile = (typeof EMAIL_FILES)[number];
export type EmailPreviewFile = (typeof EMAIL_PREVIEW_FILES)[number];

/**
 * `/<yyyy>/<mm>/<slug>/email.html` (and `.txt`, `.eml`): the issue's email edition.
 * @example emailUrl("/2025/04/x/", "email.txt") // "/2025/04/x/email.txt"
 */
export function emailUrl(issueUrl: string, file: EmailFile | EmailPreviewFile): string {
  return `${issueUrl}${file}`;
}

/**
 * Every fixed page and file of the site. Templates link them and set their permalinks through
 * the `paths` global data (lib/eleventy/content.ts), never by writing them out;
 * tests/templates.test.ts checks that, and tests/netlify.test.ts checks netlify.toml against them.
 */
export const PAGE_PATHS = {
  home: "/",
  archive: "/archive/",
  topics: "/topics/",
  authors: "/authors/",
  search: "/search/",
  subscribe: "/subscribe/",
  about: "/about/",
  /** Who runs the publication (the masthead policy). */
  masthead: "/masthead/",
  trustTxt: "/trust.txt",
  corrections: "/corrections/",
  correctionsFeed: "/corrections/feed.xml",
  threads: "/threads/",
  notFound: "/404.html",
  icon: "/assets/icon.svg",
  logo: "/assets/logo.png",
  robots: "/robots.txt",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  /** Where the photo desk publishes renditions. */
  photos: "/photos/",
  /** The search index (lib/search/). */
  pagefind: "/pagefind/",
  /** Content-hashed stylesheets and scripts (lib/eleventy/hashed-assets.ts). */
  stylesheets: "/assets/css/",
  scripts: "/assets/js/",
} as const;

/** The masthead's sections, in order: what every page links at its top. */
export const NAVIGATION = [
  { href: PAGE_PATHS.archive, label: "Archive" },
  { href: PAGE_PATHS.topics, label: "Topics" },
  { href: PAGE_PATHS.search, label: "Search" },
  { href: PAGE_PATHS.subscribe, label: "Subscribe" },
  { href: PAGE_PATHS.about, label: "About" },
] as const;

/** `/sitemap-<n>.xml`: one part of a sitemap split past the protocol's limits. */
export function sitemapPartUrl(index: number): string {
  return `/sitemap-${index}.xml`;
}

export const homeUrl = PAGE_PATHS.home;
export const archiveUrl = PAGE_PATHS.archive;
export const subscribeUrl = PAGE_PATHS.subscribe;

export function topicUrl(topicId: string): string {
  return `${PAGE_PATHS.topics}${topicId}/`;
}

export function authorUrl(authorId: string): string {
  return `${PAGE_PATHS.authors}${authorId}/`;
}

/**
 * A type of work's definition on the about page, where each type is a heading named by its label.
 * @example workTypeUrl("opinion") // "/about/#opinion"
 */
export function workTypeUrl(type: string): string {
  return `${PAGE_PATHS.about}#${type}`;
}

/**
 * `/people/`, `/places/`, `/organisations/`: the index of one kind of entity.
 * @example entityIndexUrl("people") // "/people/"
 */
export function entityIndexUrl(kind: EntityKind): string {
  return `/${kind}/`;
}

/**
 * `/people/<id>/` and its kin: one entity and every issue that names it.
 * @example entityUrl("people", "alexander-darchiev") // "/people/alexander-darchiev/"
 */
export function entityUrl(kind: EntityKind, id: string): string {
  return `${entityIndexUrl(kind)}${id}/`;
}

/** `/people/<id>/feed.xml` and its kin: an entity's Atom feed. */
export function entityFeedUrl(kind: EntityKind, id: string): string {
  return `${entityUrl(kind, id)}feed.xml`;
}

/** `/corrections/`: every correction and update across the archive, newest first. */
export const correctionsUrl = PAGE_PATHS.corrections;

/** `/corrections/<yyyy>/`: one earlier year of a long ledger (the newest year is `/corrections/`). */
export function correctionsYearUrl(year: number | string): string {
  return `${correctionsUrl}${year}/`;
}

/**
 * `/threads/<id>/`: a story thread as a timeline, oldest first.
 * @example threadUrl("istanbul-embassy-talks") // "/threads/istanbul-embassy-talks/"
 */
export function threadUrl(id: string): string {
  return `${PAGE_PATHS.threads}${id}/`;
}

/** `/threads/<id>/feed.xml`: a thread's Atom feed. */
export function threadFeedUrl(id: string): string {
  return `${threadUrl(id)}feed.xml`;
}

/** `/archive/<yyyy>/`: one year of the archive, by month. */
export function archiveYearUrl(year: number | string): string {
  return `${PAGE_PATHS.archive}${year}/`;
}

/**
 * `<baseUrl>page/<k>/`: older page `k` of a newest-first listing, counted from the oldest, so
 * `page/1/` holds the oldest issues and a page's address keeps its contents as issues arrive.
 * The listing's first page, the newest issues, is `baseUrl` itself.
 * @example olderPageUrl("/topics/russia/", 1) // "/topics/russia/page/1/"
 */
export function olderPageUrl(baseUrl: string, pageNumber: number): string {
  return `${baseUrl}page/${pageNumber}/`;
}

/**
 * Page `n` of an oldest-first timeline (a story thread): page 1 is the timeline itself, and a
 * new issue joins its last page, so numbering from the start already keeps pages stable.
 * @example timelinePageUrl("/threads/talks/", 1) // "/threads/talks/"
 * @example timelinePageUrl("/threads/talks/", 2) // "/threads/talks/page/2/"
 */
export function timelinePageUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`;
}

export type FeedFormat = "atom" | "rss" | "json";

/** One feed document the site publishes. */
export interface FeedSpec {
  format: FeedFormat;
  /** Site path of the document, e.g. `/feed.xml`. */
  path: string;
  mediaType: string;
  /** Short label for `<link rel="alternate" title>` and the subscribe page. */
  label: string;
  /** Set for a topic's feed: only that topic's issues. */
  topicId?: string;
  /** Set for a person's, place's or organisation's feed: only the issues that list it. */
  entity?: { kind: EntityKind; id: string };
  /** Set for a story thread's feed: only the thread's issues. */
  threadId?: string;
  /** Set for the corrections feed: one entry per correction or update, not per issue. */
  ledger?: true;
}

/** The site-wide feeds, in the order pages advertise them. */
export const siteFeeds: readonly FeedSpec[] = [
  { format: "atom", path: "/feed.xml", mediaType: "application/atom+xml", label: "Atom" },
  { format: "rss", path: "/rss.xml", mediaType: "application/rss+xml", label: "RSS" },
  { format: "json", path: "/feed.json", mediaType: "application/feed+json", label: "JSON Feed" },
];

/** The corrections ledger's feed: what an email subscriber follows, since RSS-to-email never resends. */
export const correctionsFeed: FeedSpec = {
  format: "atom",
  path: PAGE_PATHS.correctionsFeed,
  mediaType: "application/atom+xml",
  label: "Corrections and updates (Atom)",
  ledger: true,
};

/** `/topics/<id>/feed.xml`: a topic's Atom feed. */
export function topicFeedUrl(topicId: string): string {
  return `${topicUrl(topicId)}feed.xml`;
}

/**
 * The one list of feeds: the site-wide feeds, the corrections feed, then one Atom feed per
 * topic, then one per person, place and organisation (in that order, each in its data file's
 * order), then one per story thread.
 */
export function listFeeds(
  topics: Topics,
  entities: Partial<Record<EntityKind, Readonly<Record<string, unknown>>>> = {},
  threads: Readonly<Record<string, unknown>> = {},
): FeedSpec[] {
  return [
    ...siteFeeds,
    correctionsFeed,
    ...Object.keys(topics).map(
      (topicId): FeedSpec => ({
        format: "atom",
        path: topicFeedUrl(topicId),
        mediaType: "application/atom+xml",
        label: "Atom",
        topicId,
      }),
    ),
    ...ENTITY_KINDS.flatMap((kind) =>
      Object.keys(entities[kind] ?? {}).map(
        (id): FeedSpec => ({
          format: "atom",
          path: entityFeedUrl(kind, id),
          mediaType: "application/atom+xml",
          label: "Atom",
          entity: { kind, id },
        }),
      ),
    ),
    ...Object.keys(threads).map(
      (threadId): FeedSpec => ({
        format: "atom",
        path: threadFeedUrl(threadId),
        mediaType: "application/atom+xml",
        label: "Atom",
        threadId,
      }),
    ),
  ];
}

/**
 * A site path made absolute against the site's origin (with or without a trailing slash).
 *
 * @example
 * absolutePhotoUrl("/photos/a.jpg", "https://dateline.example/") // "https://dateline.example/photos/a.jpg"
 */
export function absolutePhotoUrl(sitePath: string, absoluteBase: string): string {
  return `${absoluteBase.replace(/\/+$/, "")}${sitePath}`;
}
