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
import {
  describeE2E,
  launchChromium,
  MISSING_PATH,
  newContext,
  problemLines,
  root,
  type SampleSite,
  startSampleSite,
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
const PAGES: PageCase[] = [
  HOME,
  ISSUE,
  ARCHIVE,
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

  it.each([HOME, ISSUE, ARCHIVE, SEARCH])("$name does not scroll sideways at 320 px", async (target) => {
    const { page, close } = await newPage(320);
    try {
      await open(page, target);
      const scrollWidth = await page.evaluate<number>("document.documentElement.scrollWidth");
      expect(scrollWidth).toBeLessThanOrEqual(320);
    } finally {
      await close();
    }
  });

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

  it("writes the README screenshot of the home page (1280 px, viewport only)", async () => {
    const { page, close } = await newPage(1280, 800);
    try {
      await page.emulateMedia({ colorScheme: "light" });
      await open(page, HOME);
      mkdirSync(path.join(root, "docs"), { recursive: true });
      const image = await page.screenshot({ path: path.join(root, "docs/screenshot-home.png") });
      expect(image.length).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });
});
