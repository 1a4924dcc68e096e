/** An issue's neighbours (previous and next) and its related issues, found through one index per list. */
import { compareCodePoints } from "../../shared/text.ts";
import { type IssueLike, sortNewestFirst } from "./paging.ts";

/**
 * Everything previous/next and related need, built once per list (so once per build, as
 * Eleventy hands every page the same collection array) instead of a search per page.
 */
interface IssueIndex<T extends IssueLike> {
  /** Newest first. */
  items: readonly T[];
  positionOf: ReadonlyMap<string, number>;
  /** Per topic: positions in `items` of the issues under it, newest first. */
  topicLists: ReadonlyMap<string, readonly number[]>;
  /** Per position: where the issue stands in each of its topics' lists (its topics are the keys). */
  topicRanks: readonly ReadonlyMap<string, number>[];
}

const issueIndexes = new WeakMap<readonly IssueLike[], IssueIndex<IssueLike>>();

function issueIndexOf<T extends IssueLike>(list: readonly T[]): IssueIndex<T> {
  const cached = issueIndexes.get(list);
  if (cached) return cached as IssueIndex<T>;
  const items = sortNewestFirst(list);
  const topicLists = new Map<string, number[]>();
  const topicRanks = items.map((item, position) => {
    const ranks = new Map<string, number>();
    for (const topic of new Set(item.data.topics)) {
      let positions = topicLists.get(topic);
      if (!positions) {
        positions = [];
        topicLists.set(topic, positions);
      }
      ranks.set(topic, positions.length);
      positions.push(position);
    }
    return ranks;
  });
  const index: IssueIndex<T> = {
    items,
    positionOf: new Map(items.map((item, position) => [item.url, position])),
    topicLists,
    topicRanks,
  };
  issueIndexes.set(list, index);
  return index;
}

export interface Neighbours<T> {
  /** The next issue published after this one. */
  newer?: T;
  /** The issue published before this one. */
  older?: T;
}

/** The issues published just after and just before `url`, by date (ties by URL): a map lookup. */
export function findNeighbours<T extends IssueLike>(items: readonly T[], url: string): Neighbours<T> {
  const index = issueIndexOf(items);
  const position = index.positionOf.get(url);
  if (position === undefined) return {};
  const newer = index.items[position - 1];
  const older = index.items[position + 1];
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

/** How many earlier issues on each of its topics an issue looks at for related ones. */
export const RELATED_WINDOW = 30;

/**
 * Up to `limit` earlier issues related to `url`. The candidates are the `window` issues
 * published just before it on each of its topics; among them, the ones that share the most
 * topics come first, then the nearest in time, then by URL. Only earlier issues count, so a
 * page's related list is settled when it is published and a new issue never rewrites it;
 * and each page looks at no more than `window` issues per topic, however large the archive.
 */
export function findRelated<T extends IssueLike>(
  items: readonly T[],
  url: string,
  limit = 3,
  window = RELATED_WINDOW,
): T[] {
  const index = issueIndexOf(items);
  const position = index.positionOf.get(url);
  const current = position === undefined ? undefined : index.items[position];
  const ranks = position === undefined ? undefined : index.topicRanks[position];
  if (!current || !ranks) return [];
  const candidates = new Set<number>();
  for (const [topic, rank] of ranks) {
    const positions = index.topicLists.get(topic) ?? [];
    for (const other of positions.slice(rank + 1, rank + 1 + window)) candidates.add(other);
  }
  // Keep the best `limit` while scanning (a few dozen candidates): no sort of them all.
  const best: { item: T; shared: number; distance: number }[] = [];
  for (const other of candidates) {
    const item = index.items[other];
    const otherTopics = index.topicRanks[other];
    if (!item || !otherTopics) continue;
    let shared = 0;
    for (const topic of ranks.keys()) if (otherTopics.has(topic)) shared++;
    const candidate = { item, shared, distance: current.publishedAt - item.publishedAt };
    let at = best.length;
    while (at > 0 && ranksBefore(candidate, best[at - 1] ?? candidate)) at--;
    if (at < limit) {
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ item }) => item);
}

/** Most shared topics first, then nearest in time, then URL. */
function ranksBefore(
  a: { item: IssueLike; shared: number; distance: number },
  b: { item: IssueLike; shared: number; distance: number },
): boolean {
  return (b.shared - a.shared || a.distance - b.distance || compareCodePoints(a.item.url, b.item.url)) < 0;
}
