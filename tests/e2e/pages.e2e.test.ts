/**
 * Every kind of page in a real browser, served with production headers: no accessibility
 * violation (axe, WCAG 2.2 AA) in light and dark at phone and desktop widths, no console error
 * or Content-Security-Policy violation, no sideways scrolling at 320 px, and screenshots.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { issueFile } from "../helpers/fixture-site.ts";
import {
  describeE2E,
  launchChromium,
  MISSING_PATH,
  newContext,
  problemLines,
  readmeScreenshot,
  root,
  SAMPLE_EPOCH,
  type SampleSite,
  sampleIssues,
  startSampleSite,
  startSite,
  watchProblems,
} from "./helpers.ts";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const ARTIFACTS = path.join(root, "tests/artifacts");

interface PageCase {
  name: string;
  path: string;
  /** The HTTP status the page is served with. */
  status?: number;
  /** A selector that shows the page is ready (the search results). */
  ready?: string;
}

const HOME: PageCase = { name: "home", path: "/" };
const ISSUE: PageCase = { name: "issue with photo", path: "/2025/04/istanbul-embassy-talks/" };
const ARCHIVE: PageCase = { name: "archive", path: "/archive/" };
const SEARCH: PageCase = {
  name: "search after a search",
  path: "/search/?q=Darchiev",
  ready: '#search-results a[href="/2025/04/who-led-the-delegations/"]',
};
/** Issue pages with the thread box and the record at their foot: one with a correction, one with an update. */
const CORRECTED: PageCase = { name: "issue with a correction", path: "/2025/04/who-led-the-delegations/" };
const UPDATED: PageCase = { name: "issue with an update", path: "/2025/04/diplomatic-property-dispute/" };
const CORRECTIONS: PageCase = { name: "corrections ledger", path: "/corrections/" };
const THREADS: PageCase = { name: "threads", path: "/threads/" };
const THREAD: PageCase = { name: "thread", path: "/threads/istanbul-embassy-talks/" };
const PAGES: PageCase[] = [
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
  { name: "404", path: MISSING_PATH, status: 404 },
];

const SCHEMES = ["light", "dark"] as const;
const WIDTHS = [390, 1280] as const;
const AXE_CASES = PAGES.flatMap((page) =>
  SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...page, scheme, width }))),
);

/** One line per failing element: rule, impact, CSS target, and axe's summary. */
function violationLines(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "?"}) at ${node.target.join(" ")}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}

describeE2E("pages in Chromium", () => {
  let site: SampleSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSampleSite();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A fresh page at a width; closed with its context by the returned function. */
  async function newPage(width: number, height = 900): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(browser, { viewport: { width, height } });
    const page = await context.newPage();
    return { page, close: () => context.close() };
  }

  async function open(page: Page, target: PageCase): Promise<void> {
    const response = await page.goto(site.url(target.path));
    expect(response?.status(), `status of ${target.path}`).toBe(target.status ?? 200);
    if (target.ready) await page.locator(target.ready).first().waitFor();
  }

  it.each(AXE_CASES)("axe finds no violation on $name ($scheme, $width px)", async (target) => {
    const { page, close } = await newPage(target.width);
    try {
      await page.emulateMedia({ colorScheme: target.scheme });
      await open(page, target);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(violationLines(results.violations)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(PAGES)("$name: no console error and no CSP violation", async (target) => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await open(page, target);
      // Let late work (the search worker, images) finish and report.
      await page.waitForLoadState("networkidle");
      expect(problemLines(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([HOME, ISSUE, CORRECTED, ARCHIVE, CORRECTIONS, THREADS, THREAD, SEARCH])(
    "$name does not scroll sideways at 320 px",
    async (target) => {
      const { page, close } = await newPage(320);
      try {
        await open(page, target);
        const scrollWidth = await page.evaluate<number>("document.documentElement.scrollWidth");
        expect(scrollWidth).toBeLessThanOrEqual(320);
      } finally {
        await close();
      }
    },
  );

  it.each([HOME, ISSUE].flatMap((target) => WIDTHS.map((width) => ({ ...target, width }))))(
    "screenshot of $name at $width px",
    async (target) => {
      const { page, close } = await newPage(target.width);
      try {
        await open(page, target);
        const file = path.join(ARTIFACTS, `${target.name.split(" ")[0]}-${target.width}.png`);
        const image = await page.screenshot({ path: file, fullPage: true });
        expect(image.length).toBeGreaterThan(1000);
      } finally {
        await close();
      }
    },
  );

  it('at 390 px the thread box marks the issue being read: bold, and "(you are reading this)" shows', async () => {
    const { page, close } = await newPage(390);
    try {
      await open(page, CORRECTED);
      const box = page.locator(".thread-box");
      await box.scrollIntoViewIfNeeded();
      const items = box.locator(".thread-box__list > li");
      expect(await items.count()).toBeGreaterThan(1);
      // An expression, as the page runs it: the project's TypeScript has no DOM library.
      const weights = await page.evaluate<{ current: boolean; weight: string }[]>(
        `[...document.querySelectorAll(".thread-box__list > li")].map((element) => ({
          current: element.classList.contains("thread-box__current"),
          weight: getComputedStyle(element).fontWeight,
        }))`,
      );
      expect(weights).toHaveLength(await items.count());
      expect(weights.filter((item) => item.current).map((item) => item.weight)).toEqual(["700"]);
      expect(new Set(weights.filter((item) => !item.current).map((item) => item.weight))).toEqual(
        new Set(["400"]),
      );
      const current = box.locator(".thread-box__current");
      expect(await current.locator('a[aria-current="page"]').count()).toBe(1);
      const marker = current.locator(".thread-box__marker");
      expect(await marker.isVisible()).toBe(true);
      expect(await marker.textContent()).toBe("(you are reading this)");
      // On screen, not clipped away: a box of real size inside the 390 px viewport.
      const markerBox = await marker.boundingBox();
      expect(markerBox && markerBox.width > 0 && markerBox.height > 0).toBe(true);
      expect(markerBox && markerBox.x >= 0 && markerBox.x + markerBox.width <= 390).toBe(true);
    } finally {
      await close();
    }
  });

  /** The record's pages: the ledger, a thread, and an issue's foot with the thread box in view. */
  const RECORD_SHOTS = [
    { file: "corrections", target: CORRECTIONS, foot: false },
    { file: "thread", target: THREAD, foot: false },
    { file: "issue-foot", target: CORRECTED, foot: true },
  ].flatMap((shot) => SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...shot, scheme, width }))));
  it.each(RECORD_SHOTS)("screenshot of the $file at $width px ($scheme)", async (shot) => {
    const { page, close } = await newPage(shot.width);
    try {
      await page.emulateMedia({ colorScheme: shot.scheme });
      await open(page, shot.target);
      const file = path.join(ARTIFACTS, `${shot.file}-${shot.width}-${shot.scheme}.png`);
      let image: Buffer;
      if (shot.foot) {
        // The foot as a reader scrolls to it: from the thread box through the record.
        await page.locator(".thread-box").evaluate((element) => element.scrollIntoView({ block: "start" }));
        image = await page.screenshot({ path: file });
      } else {
        image = await page.screenshot({ path: file, fullPage: true });
      }
      expect(image.length).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });

  it("writes the README screenshot of the home page (1280 px, viewport only)", async () => {
    const { page, close } = await newPage(1280, 800);
    try {
      await page.emulateMedia({ colorScheme: "light" });
      await open(page, HOME);
      const image = await page.screenshot({ path: readmeScreenshot("screenshot-home.png") });
      expect(image.length).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });
});

/** Left, top, right and bottom of each element matching a selector, in document order. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    }),
  );
}
/** How many columns a set of boxes stands in: distinct left edges, to the pixel. */
const columns = (list: Box[]) => new Set(list.map((box) => Math.round(box.left))).size;
/** One column: the same left edge, each box below the one before. */
function expectOneColumn(list: Box[]): void {
  expect(columns(list)).toBe(1);
  for (const [index, box] of list.entries()) {
    if (index > 0) expect(box.top).toBeGreaterThanOrEqual((list[index - 1]?.bottom ?? 0) - 1);
  }
}
const FRONT_BLOCKS = ".lead-story, .front-grid .summary, .topic-band .summary";

/**
 * The sample site plus nine later issues, so the front page has what a busy week gives it: a
 * lead with its photo, a full grid and topic bands. The headlines say they are samples.
 */
function frontPageIssues(): Record<string, string> {
  const extra: [string, string[], string | undefined][] = [
    ["a-lead-with-a-photo", ["russia", "diplomacy"], "Analysis"],
    ["a-briefing-on-washington", ["united-states"], "Briefing"],
    ["an-explainer-on-ankara", ["turkey"], "Explainer"],
    ["a-note-on-envoys", ["diplomacy"], undefined],
    ["a-report-on-the-front-line", ["war-in-ukraine"], "Report"],
    ["a-second-look-at-moscow", ["russia"], "Analysis"],
    ["a-reader-question-on-sanctions", ["russia", "united-states"], "Q&A"],
    ["a-profile-of-a-negotiator", ["diplomacy", "turkey"], "Profile"],
    ["a-dispatch-on-grain", ["war-in-ukraine", "turkey"], "Dispatch"],
  ];
  const issues = sampleIssues();
  for (const [index, [slug, topics, kicker]] of extra.entries()) {
    const words = slug.replace(/-/g, " ");
    issues[`2025/${slug}.md`] = issueFile({
      title: `Sample headline: ${words}, as the front page shows it`,
      dek: `A sample dek for ${words}: one or two sentences that say what happened and why it matters, as every issue gives them.`,
      date: `2025-04-${String(30 - index).padStart(2, "0")}T09:00:00+03:00`,
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

describeE2E("the front page in Chromium", () => {
  let sample: SampleSite;
  let busy: SampleSite;
  let browser: Browser;

  beforeAll(async () => {
    sample = await startSampleSite();
    busy = await startSite(frontPageIssues(), SAMPLE_EPOCH);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.close();
    await busy?.close();
  });

  async function openHome(site: SampleSite, width: number, scheme: "light" | "dark" = "light", height = 900) {
    const context = await newContext(browser, { viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    const response = await page.goto(site.url("/"));
    expect(response?.status()).toBe(200);
    return { page, close: () => context.close() };
  }

  it.each(SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ scheme, width }))))(
    "axe finds no violation on the busy front page ($scheme, $width px)",
    async ({ scheme, width }) => {
      const { page, close } = await openHome(busy, width, scheme);
      try {
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(violationLines(results.violations)).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it("at 1280 px the lead sits beside its photo, the grid has four columns and a band three", async () => {
    const { page, close } = await openHome(busy, 1280);
    try {
      const [photo] = await boxes(page, ".lead-story img");
      const [title] = await boxes(page, ".lead-story__title");
      const [lead] = await boxes(page, ".lead-story");
      expect(photo && title && photo.right <= title.left).toBe(true);
      expect(photo && title && Math.abs(photo.top - title.top) < 40).toBe(true);
      const grid = await boxes(page, ".front-grid .summary");
      expect(grid).toHaveLength(4);
      expect(columns(grid)).toBe(4);
      expect(new Set(grid.map((box) => Math.round(box.top))).size).toBe(1);
      expect(grid.every((box) => lead && box.top >= lead.bottom)).toBe(true);
      const bands = await page.locator(".topic-band").count();
      expect(bands).toBeGreaterThan(0);
      for (let index = 0; index < bands; index++) {
        const band = await boxes(page, `.topic-band >> nth=${index} >> .summary`);
        expect(columns(band), `band ${index + 1}`).toBe(band.length);
      }
    } finally {
      await close();
    }
  });

  it("at 1280 px the sample site's grid stands in more than one column", async () => {
    const { page, close } = await openHome(sample, 1280);
    try {
      const grid = await boxes(page, ".front-grid .summary");
      expect(grid.length).toBeGreaterThan(1);
      expect(columns(grid)).toBe(grid.length);
    } finally {
      await close();
    }
  });

  it.each([
    { name: "busy", pick: () => busy },
    { name: "sample", pick: () => sample },
  ])("at 390 px the $name front page is one column: lead, grid, bands", async ({ pick }) => {
    const { page, close } = await openHome(pick(), 390);
    try {
      expectOneColumn(await boxes(page, FRONT_BLOCKS));
    } finally {
      await close();
    }
  });

  it("the busy front page does not scroll sideways at 320 px", async () => {
    const { page, close } = await openHome(busy, 320);
    try {
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    } finally {
      await close();
    }
  });

  it.each(
    [
      { name: "home", pick: () => sample },
      { name: "front-page", pick: () => busy },
    ].flatMap((site) => SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...site, scheme, width })))),
  )("screenshot of the $name at $width px ($scheme)", async ({ name, pick, scheme, width }) => {
    const { page, close } = await openHome(pick(), width, scheme);
    try {
      const file = path.join(ARTIFACTS, `${name}-${width}-${scheme}.png`);
      const image = await page.screenshot({ path: file, fullPage: true });
      expect(image.length).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });

  it("writes the README screenshot of the busy front page (1280 px, light)", async () => {
    const { page, close } = await openHome(busy, 1280, "light", 1000);
    try {
      // The lead's photo decoded first: otherwise the README can show an empty frame.
      await page.waitForFunction(
        `(() => { const img = document.querySelector(".lead-story img"); return img && img.complete && img.naturalWidth > 0; })()`,
      );
      const image = await page.screenshot({ path: readmeScreenshot("screenshot-front-page.png") });
      expect(image.length).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });
});
