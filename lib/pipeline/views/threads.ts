/**
 * Story threads as pages show them: each thread's timeline (`/threads/<id>/`, oldest first),
 * the index of threads (`/threads/`), and the "This story so far" box on each issue page.
 */

import type { Threads } from "../../contract/threads.ts";
import { threadFeedUrl, threadUrl } from "../../contract/urls.ts";
import { cardOf, type IssueCard, type IssueView } from "./issue.ts";
import { type Page, paginateTimeline } from "./paging.ts";

export interface ThreadSummary {
  id: string;
  name: string;
  summary: string;
  url: string;
  feedUrl: string;
  /** Issues in the thread. */
  count: number;
}

/**
 * One page of a thread's timeline: oldest first, so the story reads in order. It names the
 * thread without its count, which every new issue would change on every page.
 */
export interface ThreadPage extends Page<IssueCard> {
  thread: Omit<ThreadSummary, "count">;
  /** The first item's place in the thread (1-based), for the timeline's numbering. */
  firstPosition: number;
}

/** The "This story so far" box: the nearest issues of the thread, the current one marked. */
export interface ThreadBox {
  thread: ThreadSummary;
  /** Oldest first. */
  items: { issue: IssueCard; current: boolean; position: number }[];
  /** Issues of the thread before and after the ones shown (the box links to the rest). */
  earlier: number;
  later: number;
}

export interface ThreadViews {
  threadPages: ThreadPage[];
  /** `/threads/`: every thread, the most recently continued first. */
  threadIndex: ThreadSummary[];
  /** Each threaded issue's box, by issue URL. */
  threadBoxes: Map<string, ThreadBox>;
}

/** Issues a thread box shows around the current one. */
const THREAD_BOX_SIZE = 5;
/** Issues per page of a thread's timeline. */
const THREAD_PAGE_SIZE = 50;

/**
 * The nearest `size` positions around `index` in a list of `length`: centred, shifted at the ends.
 * @example boxWindow(0, 10, 5) // { start: 0, end: 5 }; boxWindow(9, 10, 5) // { start: 5, end: 10 }
 */
export function boxWindow(index: number, length: number, size: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), length - size));
  return { start, end: Math.min(length, start + size) };
}

/** Builds every thread view from the issues, newest first as the site views hold them. */
export function buildThreadViews(issuesNewestFirst: readonly IssueView[], threads: Threads): ThreadViews {
  const threadPages: ThreadPage[] = [];
  const threadIndex: { summary: ThreadSummary; latest: number; order: number }[] = [];
  const threadBoxes = new Map<string, ThreadBox>();
  Object.entries(threads).forEach(([id, thread], order) => {
    const issues = issuesNewestFirst.filter((issue) => issue.thread?.id === id).reverse();
    const heading: ThreadPage["thread"] = {
      id,
      name: thread.name,
      summary: thread.summary,
      url: threadUrl(id),
      feedUrl: threadFeedUrl(id),
    };
    const summary: ThreadSummary = { ...heading, count: issues.length };
    paginateTimeline(issues.map(cardOf), THREAD_PAGE_SIZE, summary.url).forEach((page, index) => {
      threadPages.push({ ...page, thread: heading, firstPosition: index * THREAD_PAGE_SIZE + 1 });
    });
    // A thread with no issue yet still has its page; it lists last.
    threadIndex.push({ summary, latest: issues.at(-1)?.publishedAt ?? Number.NEGATIVE_INFINITY, order });
    issues.forEach((issue, index) => {
      const { start, end } = boxWindow(index, issues.length, THREAD_BOX_SIZE);
      threadBoxes.set(issue.url, {
        thread: summary,
        items: issues.slice(start, end).map((item, offset) => ({
          issue: cardOf(item),
          current: item === issue,
          position: start + offset + 1,
        })),
        earlier: start,
        later: issues.length - end,
      });
    });
  });
  threadIndex.sort((a, b) => b.latest - a.latest || a.order - b.order);
  return { threadPages, threadIndex: threadIndex.map((entry) => entry.summary), threadBoxes };
}
