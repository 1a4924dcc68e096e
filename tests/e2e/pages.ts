/**
 * What the browser tests of pages share (with `npm run screenshots` too): the sample site's
 * kinds of page, the colour schemes and widths a reader meets them in, a page loaded once and
 * re-rendered for each, the checks every rendering gets, and the busy front page's issues.
 */
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { expect, it } from "vitest";
import { issueFile } from "../helpers/fixture-site.ts";
import { axeViolations, violationLines } from "./axe.ts";
import {
  MISSING_PATH,
  newContext,
  type PageProblems,
  problemLines,
  type SampleSite,
  sampleIssues,
  watchProblems,
} from "./helpers.ts";

export interface PageCase {
  name: string;
  path: string;
  /** The HTTP status the page is served with. */
  status?: number;
  /** A selector that shows the page is ready (the search results). */
  ready?: string;
}

export const HOME: PageCase = { name: "home", path: "/" };
export const ISSUE: PageCase = { name: "issue with photo", path: "/2025/04/istanbul-embassy-talks/" };
const ARCHIVE: PageCase = { name: "archive", path: "/archive/" };
const SEARCH: PageCase = {
  name: "search after a search",
  path: "/search/?q=Darchiev",
  ready: '#search-results a[href="/2025/04/who-led-the-delegations/"]',
};
/** Issue pages with the thread box and the record at their foot: one with a correction, one with an update. */
export const CORRECTED: PageCase = {
  name: "issue with a correction",
  path: "/2025/04/who-led-the-delegations/",
};
const UPDATED: PageCase = {
  name: "issue with an update",
  path: "/2025/04/diplomatic-property-dispute/",
};
export const CORRECTIONS: PageCase = { name: "corrections ledger", path: "/corrections/" };
const THREADS: PageCase = { name: "threads", path: "/threads/" };
export const THREAD: PageCase = { name: "thread", path: "/threads/istanbul-embassy-talks/" };
export const PAGES: PageCase[] = [
  HOME,
  ISSUE,
  CORRECTED,
  UPDATED,
  ARCHIVE,
  CORRECTIONS,
  THREADS,
  THREAD,
  { name: "topic", path: "/topics/russia/" },
  { name: "author", path: "/authors/ayse-demir/" },
  { name: "person", path: "/people/alexander-darchiev/" },
  { name: "people", path: "/people/" },
  { name: "place", path: "/places/killenworth/" },
  { name: "organisations", path: "/organisations/" },
  SEARCH,
  {
    name: "search filtered by a person",
    path: "/search/?person=Tammy+Bruce",
    ready: '#search-results a[href="/2025/04/who-led-the-delegations/"]',
  },
  { name: "subscribe", path: "/subscribe/" },
  // The types of work, the policies and who runs the site (docs/trust.md).
  { name: "about", path: "/about/" },
  { name: "masthead", path: "/masthead/" },
  { name: "404", path: MISSING_PATH, status: 404 },
];
/** The pages checked for sideways scrolling at 320 px. */
export const NARROW = new Set([HOME, ISSUE, CORRECTED, ARCHIVE, CORRECTIONS, THREADS, THREAD, SEARCH]);

export const SCHEMES = ["light", "dark"] as const;
export const WIDTHS = [390, 1280] as const;
const RENDERINGS = SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ scheme, width })));
export type Scheme = (typeof SCHEMES)[number];

/** Goes to a page and checks its status; waits for its ready selector, if it has one. */
export async function open(page: Page, site: SampleSite, target: PageCase): Promise<void> {
  const response = await page.goto(site.url(target.path));
  expect(response?.status(), `status of ${target.path}`).toBe(target.status ?? 200);
  if (target.ready) await page.locator(target.ready).first().waitFor();
}

/**
 * Re-renders a loaded page at a width and in a colour scheme, once the images it is loading are in:
 * resized while a photo loads, Chromium drops the request for the size it no longer wants
 * (net::ERR_ABORTED on the page still shown), which a reader's resize would do too.
 */
export async function render(page: Page, width: number, scheme: Scheme = "light"): Promise<void> {
  // Every image loaded, broken, or lazy and not yet asked for (no current source).
  await page.waitForFunction('[...document.images].every((img) => img.complete || img.currentSrc === "")');
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
}

export interface LoadedPage {
  page: Page;
  /** Everything that went wrong since the page began to load. */
  problems: PageProblems;
  /** Requests not yet answered: a wider rendering can fetch larger images. */
  pending: Set<Request>;
  context: BrowserContext;
}

/** A page loaded at 320 px in light: loaded once, then re-rendered for each check. */
export async function load(browser: Browser, site: SampleSite, target: PageCase): Promise<LoadedPage> {
  const context = await newContext(browser, { viewport: { width: 320, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems = await watchProblems(context, page);
  const pending = new Set<Request>();
  page.on("request", (request) => pending.add(request));
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => pending.delete(request));
  await open(page, site, target);
  return { page, problems, pending, context };
}

/** The checks each loaded page gets: axe in every rendering, and, last, every problem seen since loading. */
export function checkRenderings(name: string, loaded: () => LoadedPage): void {
  it.each(RENDERINGS)("axe finds no violation ($scheme, $width px)", async ({ scheme, width }) => {
    const { page } = loaded();
    await render(page, width, scheme);
    expect(violationLines(await axeViolations(page)), `axe on ${name}, ${scheme}, ${width} px`).toEqual([]);
  });

  it("no console error, failed request or CSP violation, loaded at 320 px and re-rendered at each width", async () => {
    const { page, problems, pending } = loaded();
    // Late work (the search worker, images for the wider renderings) finishes and reports first.
    await page.waitForLoadState("networkidle");
    await expect
      .poll(() => [...pending].map((request) => request.url()), { message: "requests still open" })
      .toEqual([]);
    expect(problemLines(problems), `problems on ${name}`).toEqual([]);
  });
}

/** `document.documentElement.scrollWidth` at 320 px: more than 320 is sideways scrolling. */
export async function widthAt320(page: Page): Promise<number> {
  await render(page, 320);
  return page.evaluate<number>("document.documentElement.scrollWidth");
}

/**
 * The sample site plus nine later issues, so the front page has what a busy week gives it: a
 * lead with its photo, a full grid and topic bands. The headlines say they are samples.
 */
export function frontPageIssues(): Record<string, string> {
  // Each with its type of work (an opinion piece among them, set apart on the page) and some with a section.
  const extra: [string, string[], string, string | undefined][] = [
    ["a-lead-with-a-photo", ["russia", "diplomacy"], "analysis", undefined],
    ["a-briefing-on-washington", ["united-states"], "briefing", undefined],
    ["an-explainer-on-ankara", ["turkey"], "explainer", undefined],
    ["a-note-on-envoys", ["diplomacy"], "opinion", undefined],
    ["a-report-on-the-front-line", ["war-in-ukraine"], "news", "Report"],
    ["a-second-look-at-moscow", ["russia"], "analysis", undefined],
    ["a-reader-question-on-sanctions", ["russia", "united-states"], "explainer", "Q&A"],
    ["a-profile-of-a-negotiator", ["diplomacy", "turkey"], "news", "Profile"],
    ["a-dispatch-on-grain", ["war-in-ukraine", "turkey"], "news", "Dispatch"],
  ];
  const issues = sampleIssues();
  for (const [index, [slug, topics, type, kicker]] of extra.entries()) {
    const words = slug.replace(/-/g, " ");
    issues[`2025/${slug}.md`] = issueFile({
      title: `Sample headline: ${words}, as the front page shows it`,
      dek: `A sample dek for ${words}: one or two sentences that say what happened and why it matters, as every issue gives them.`,
      date: `2025-04-${String(30 - index).padStart(2, "0")}T09:00:00+03:00`,
      type,
      kicker,
      number: 12 - index,
      authors: index % 2 === 0 ? ["ayse-demir"] : ["daniel-hart", "ayse-demir"],
      topics,
      photo:
        index === 0
          ? {
              src: "2025/istanbul-consulate-placeholder.jpg",
              alt: "Labelled placeholder image standing in for the lead issue's photograph.",
            }
          : undefined,
    });
  }
  return issues;
}
