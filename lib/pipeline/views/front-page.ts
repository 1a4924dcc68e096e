/**
 * What the front page (`/`) shows, chosen once per build from the home listing's first page
 * (lib/pipeline/views/paging.ts): the lead issue, a grid of the next few, then a band per topic
 * with that topic's latest issues, then the rest of the page as headlines. A story appears once
 * above the bands: a band skips the lead and the grid, so readers never meet the same headline
 * twice before the topic sections. Bands follow `_data/topics.ts` order; a topic with nothing left
 * to show gets no band. Pure: the input is never sorted or changed.
 */
import { topicUrl } from "../../contract/urls.ts";

/** How much the front page shows. */
export interface FrontPageOptions {
  /** Issues in the grid after the lead. */
  gridSize: number;
  /** Issues in each topic band at most. */
  bandSize: number;
}

export const FRONT_PAGE_DEFAULTS = { gridSize: 4, bandSize: 3 } satisfies FrontPageOptions;

/** The part of an issue view the selection reads. */
export interface FrontPageIssue {
  url: string;
  data: { topics: readonly string[] };
}

/** One topic's band: its heading links to the topic page. */
interface TopicBand<T> {
  id: string;
  name: string;
  url: string;
  issues: T[];
}

export interface FrontPage<T> {
  /** The newest issue; absent before anything is published. */
  lead?: T;
  grid: T[];
  bands: TopicBand<T>[];
  /**
   * The rest of the issues given that neither the grid nor a band shows, as headlines: the
   * older pages start after the first page's issues, so without this list some would be on no
   * listing page.
   */
  more: T[];
}

/**
 * @example buildFrontPage(issues, topics).lead // issues[0]
 * @example buildFrontPage(issues, topics, { gridSize: 2 }).grid // issues[1], issues[2]
 */
export function buildFrontPage<T extends FrontPageIssue>(
  /** The home listing's first page, newest first. */
  issuesNewestFirst: readonly T[],
  /** `_data/topics.ts`, in its order; only the names are read. */
  topics: Readonly<Record<string, { name: string } | undefined>>,
  limits: Partial<FrontPageOptions> = {},
): FrontPage<T> {
  const { gridSize, bandSize } = { ...FRONT_PAGE_DEFAULTS, ...limits };
  const [lead, ...rest] = issuesNewestFirst;
  if (!lead) return { grid: [], bands: [], more: [] };
  const grid = rest.slice(0, Math.max(0, gridSize));
  const above = new Set([lead, ...grid].map((issue) => issue.url));
  const below = rest.filter((issue) => !above.has(issue.url));
  const bands: TopicBand<T>[] = [];
  for (const [id, topic] of Object.entries(topics)) {
    if (!topic) continue;
    const issues = below.filter((issue) => issue.data.topics.includes(id)).slice(0, Math.max(0, bandSize));
    if (issues.length > 0) bands.push({ id, name: topic.name, url: topicUrl(id), issues });
  }
  const shown = new Set([...above, ...bands.flatMap((band) => band.issues.map((issue) => issue.url))]);
  const more = issuesNewestFirst.filter((issue) => !shown.has(issue.url));
  return { lead, grid, bands, more };
}
