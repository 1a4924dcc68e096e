/**
 * Every listing the site shows, computed once per build from the issue views: the home
 * pages, the archive, the topic and author listings, and each issue page's neighbours and
 * related issues. Pages and feeds read these; none of them sorts or searches again.
 */

import {
  ENTITY_KIND_INFO,
  ENTITY_KINDS,
  type Entities,
  type EntityKind,
  NO_ENTITIES,
} from "../../contract/entities.ts";
import { type Authors, findById, type Site, type Topics } from "../../contract/schema.ts";
import type { Threads } from "../../contract/threads.ts";
import {
  authorUrl,
  entityIndexUrl,
  entityUrl,
  homeUrl,
  outputFileOf,
  topicFeedUrl,
  topicUrl,
} from "../../contract/urls.ts";
import {
  type ArchiveYearPage,
  type ArchiveYearSummary,
  archiveOverview,
  archiveYearPages,
  groupByMonth,
} from "./archive.ts";
import { type EntitySummary, summariseEntity } from "./entities.ts";
import { buildFrontPage, type FrontPage } from "./front-page.ts";
import { cardOf, type IssueCard, type IssueView } from "./issue.ts";
import { findNeighbours, findRelated } from "./neighbours.ts";
import { groupBy, type ListingPage, type Page, paginate, paginateGroups, sortNewestFirst } from "./paging.ts";
import { buildLedger, correctionsSince, type Ledger, type LedgerEntry } from "./record.ts";
import { buildThreadViews, type ThreadBox, type ThreadPage, type ThreadSummary } from "./threads.ts";

/** What `/` shows: the lead keeps its photo; every other issue is a card. */
type FrontPageView = FrontPage<IssueCard & Pick<IssueView, "photo">>;

/**
 * One page of the home listing. The first (`/`) also holds its front page, chosen from its own
 * issues, so the page's view, and with it the page's output key, holds all the page shows.
 */
interface HomePage extends Page<IssueCard> {
  front?: FrontPageView;
}

/** One page of a person's, place's or organisation's listing: the entity and the issues naming it. */
interface EntityListingPage extends ListingPage<IssueCard> {
  kind: EntityKind;
  entity: EntitySummary;
}

/** `/people/`, `/places/`, `/organisations/`: every entity of a kind, by name, with its issue count. */
interface EntityIndex {
  kind: EntityKind;
  title: string;
  /** The Pagefind filter its issue pages carry: "person", "place", "organisation". */
  filter: string;
  url: string;
  entries: { entity: EntitySummary; count: number }[];
}

/** One issue page: the issue and what the page links around it. */
interface IssuePage {
  issue: IssueView;
  /** Cards, not issues: an edit to a neighbour's body changes nothing on this page. */
  newer?: IssueCard;
  older?: IssueCard;
  related: IssueCard[];
  /** "This story so far", when the issue is part of a thread. */
  thread?: ThreadBox;
}

export interface SiteViews {
  /** Newest first. */
  issues: IssueView[];
  issuePages: IssuePage[];
  /**
   * Listings hold cards, never whole issues: an edit to an issue's body changes no listing.
   * Each listing is split by `paginate` (paging.ts): a new issue changes at most two pages.
   */
  homePages: HomePage[];
  /** `/archive/`: years and months with counts. */
  archive: ArchiveYearSummary[];
  /** `/archive/<yyyy>/` and, for a busy year, its further pages. */
  archiveYearPages: ArchiveYearPage<IssueCard>[];
  /** `/topics/<id>/` and its further pages, each with the topic it lists. */
  topicPages: (ListingPage<IssueCard> & { topic: { name: string; description: string; feedUrl: string } })[];
  /** Each author's pages: the author as `_data/authors.ts` gives them (name, role, bio, expertise, languages, profiles). */
  authorPages: (ListingPage<IssueCard> & { author: Authors[string] & { id: string } })[];
  /** `/people/<id>/`, `/places/<id>/`, `/organisations/<id>/` and their further pages. */
  entityPages: EntityListingPage[];
  entityIndexes: EntityIndex[];
  /** `/corrections/`: every correction and update, newest first. */
  ledger: Ledger;
  /** Each issue's "Corrections since the last issue" (record.ts), by URL; issues without any are absent. */
  correctionsSince: Record<string, LedgerEntry[]>;
  /** `/threads/<id>/` and its further pages. */
  threadPages: ThreadPage[];
  /** `/threads/`. */
  threadIndex: ThreadSummary[];
  /** `/topics/`: the topics by kind (regions, countries, themes), each kind only when it has one. */
  topicIndex: TopicIndexGroup[];
  /** Every topic in `_data/topics.ts` order, with its feed: the subscribe page's list. */
  topicFeeds: { name: string; feedUrl: string }[];
  /** `/authors/`: every author, in the data file's order. */
  authorIndex: { name: string; url: string; role?: string }[];
}

/** One kind of topic on `/topics/`. */
interface TopicIndexGroup {
  label: string;
  topics: { name: string; url: string; description: string }[];
}

/** The kinds of topic, in the order `/topics/` lists them. */
const TOPIC_KINDS = [
  ["region", "Regions"],
  ["country", "Countries"],
  ["theme", "Themes"],
] as const;

export interface SiteViewContext {
  site: Pick<Site, "pageSize" | "timeZone">;
  authors: Authors;
  topics: Topics;
  /** People, places and organisations; none when absent. */
  entities?: Entities;
  /** Story threads; none when absent. */
  threads?: Threads;
}

/** How many related issues an issue page shows. */
const RELATED_LIMIT = 3;

export function buildSiteViews(views: readonly IssueView[], context: SiteViewContext): SiteViews {
  const { site, authors, topics } = context;
  const issues = sortNewestFirst(views);
  const cards = new Map(issues.map((issue) => [issue.url, cardOf(issue)]));
  const card = (issue: IssueView): IssueCard => cards.get(issue.url) ?? cardOf(issue);
  const cardGroups = (groups: Map<string, IssueView[]>) =>
    new Map([...groups].map(([key, list]) => [key, list.map(card)]));
  const yearPages = archiveYearPages(groupByMonth(issues.map(card), site.timeZone));
  const { threadPages, threadIndex, threadBoxes } = buildThreadViews(issues, context.threads ?? {});
  const homeListing = paginate(issues, site.pageSize, homeUrl);
  const frontPage = frontPageOf(homeListing[0]?.items ?? [], topics, card);
  const ledger = buildLedger(issues, site.timeZone);
  return {
    issues,
    issuePages: issues.map((issue) => {
      const thread = threadBoxes.get(issue.url);
      const { newer, older } = findNeighbours(issues, issue.url);
      // Each list at the foot adds what the others do not show: related issues leave out the
      // thread box's and the previous and next issues.
      const shown = new Set([
        ...(thread?.items.map((item) => item.issue.url) ?? []),
        ...[newer, older].flatMap((neighbour) => (neighbour ? [neighbour.url] : [])),
      ]);
      const related = findRelated(issues, issue.url, RELATED_LIMIT + shown.size)
        .filter((candidate) => !shown.has(candidate.url))
        .slice(0, RELATED_LIMIT);
      return {
        issue,
        ...(newer ? { newer: card(newer) } : {}),
        ...(older ? { older: card(older) } : {}),
        related: related.map(card),
        ...(thread ? { thread } : {}),
      };
    }),
    homePages: homeListing.map((page, index) => ({
      ...page,
      items: page.items.map(card),
      ...(index === 0 ? { front: frontPage } : {}),
    })),
    archive: archiveOverview(yearPages),
    archiveYearPages: yearPages,
    topicPages: paginateGroups(
      Object.keys(topics),
      cardGroups(groupBy(issues, (issue) => issue.data.topics)),
      site.pageSize,
      topicUrl,
    ).flatMap((page) => {
      const topic = findById(topics, page.id);
      return topic
        ? [
            {
              ...page,
              topic: { name: topic.name, description: topic.description, feedUrl: topicFeedUrl(page.id) },
            },
          ]
        : [];
    }),
    authorPages: paginateGroups(
      Object.keys(authors),
      cardGroups(groupBy(issues, (issue) => issue.data.authors)),
      site.pageSize,
      authorUrl,
    ).flatMap((page) => {
      const author = findById(authors, page.id);
      return author
        ? [
            {
              ...page,
              author: { id: page.id, ...author },
            },
          ]
        : [];
    }),
    ...buildEntityViews(issues, context.entities ?? NO_ENTITIES, site.pageSize, card),
    ledger,
    correctionsSince: Object.fromEntries(correctionsSince(issues, ledger.entries)),
    threadPages,
    threadIndex,
    topicIndex: TOPIC_KINDS.map(([kind, label]) => ({
      label,
      topics: Object.entries(topics)
        .filter(([, topic]) => topic.kind === kind)
        .map(([id, topic]) => ({ name: topic.name, url: topicUrl(id), description: topic.description })),
    })).filter((group) => group.topics.length > 0),
    topicFeeds: Object.entries(topics).map(([id, topic]) => ({
      name: topic.name,
      feedUrl: topicFeedUrl(id),
    })),
    authorIndex: Object.entries(authors).map(([id, author]) => ({
      name: author.name,
      url: authorUrl(id),
      ...(author.role ? { role: author.role } : {}),
    })),
  };
}

/** The front page from the home listing's first page: cards, and the lead's photo. */
function frontPageOf(
  firstPage: readonly IssueView[],
  topics: Topics,
  card: (issue: IssueView) => IssueCard,
): FrontPageView {
  const front = buildFrontPage(firstPage, topics);
  return {
    ...(front.lead
      ? { lead: { ...card(front.lead), ...(front.lead.photo ? { photo: front.lead.photo } : {}) } }
      : {}),
    grid: front.grid.map(card),
    bands: front.bands.map((band) => ({ ...band, issues: band.issues.map(card) })),
    more: front.more.map(card),
  };
}

/** Each entity's listing (newest first, paginated like the topic pages) and the three indexes. */
function buildEntityViews(
  issues: readonly IssueView[],
  entities: Entities,
  pageSize: number,
  card: (issue: IssueView) => IssueCard,
): Pick<SiteViews, "entityPages" | "entityIndexes"> {
  const entityPages: EntityListingPage[] = [];
  const entityIndexes: EntityIndex[] = [];
  for (const kind of ENTITY_KINDS) {
    const groups = groupBy(issues, (issue) => issue.data[kind] ?? []);
    const entries: EntityIndex["entries"] = [];
    for (const id of Object.keys(entities[kind])) {
      const entity = summariseEntity(entities, kind, id);
      if (!entity) continue;
      const listed = groups.get(id) ?? [];
      entries.push({ entity, count: listed.length });
      for (const page of paginate(listed.map(card), pageSize, entityUrl(kind, id))) {
        entityPages.push({ ...page, id, kind, entity });
      }
    }
    entries.sort((a, b) => a.entity.name.localeCompare(b.entity.name, "en"));
    const { title, filter } = ENTITY_KIND_INFO[kind];
    entityIndexes.push({ kind, title, filter, url: entityIndexUrl(kind), entries });
  }
  return { entityPages, entityIndexes };
}

/** The event the content stage emits with this build's views (the build script listens). */
export const VIEWS_EVENT = "dateline.views";

/** Each issue page's output file and the source file it comes from, for check messages. */
export function pageSources(views: Pick<SiteViews, "issues">): Record<string, string> {
  return Object.fromEntries(views.issues.map((issue) => [outputFileOf(issue.url), issue.inputPath]));
}
