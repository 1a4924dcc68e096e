/**
 * The email edition in Chromium, as a mail client shows it: the sample site's email.html
 * loaded at its own absolute URL, its photos fetched from the built site (every request to
 * the site's origin is answered from the build output, with no site headers: a mail client
 * has no CSP). At 600 and 375 px nothing scrolls sideways, axe finds no violation, and with
 * images blocked the alt texts and the caption still read. Screenshots go to tests/artifacts/,
 * and the 600 px one is the README's docs/screenshot-email.png.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import * as cheerio from "cheerio";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import site from "../../_data/site.ts";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import {
  describeE2E,
  launchChromium,
  newContext,
  readmeScreenshot,
  root,
  SAMPLE_EPOCH,
  sampleIssues,
} from "./helpers.ts";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const ARTIFACTS = path.join(root, "tests/artifacts");
/** The sample issue with a lead photo. */
const EMAIL_PATH = "/2025/04/istanbul-embassy-talks/email.html";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".jpg": "image/jpeg",
  ".png": "image/png",
};

describeE2E("the email edition in Chromium", () => {
  let built: FixtureSite;
  let browser: Browser;

  beforeAll(async () => {
    built = buildFixtureSite({ issues: sampleIssues(), epoch: SAMPLE_EPOCH });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    built?.remove();
  });

  /** A page whose requests to the site's origin are answered from the build; images optionally blocked. */
  async function openEmail(
    width: number,
    blockImages = false,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, { viewport: { width, height: 900 } });
    await context.route(`${site.url}/**`, async (route) => {
      const url = new URL(route.request().url());
      const extension = path.extname(url.pathname);
      if (blockImages && route.request().resourceType() === "image") return route.abort("blockedbyclient");
      const file = path.join(built.output, decodeURIComponent(url.pathname));
      try {
        await route.fulfill({
          body: readFileSync(file),
          contentType: TYPES[extension] ?? "application/octet-stream",
        });
      } catch {
        await route.fulfill({ status: 404, body: "not found" });
      }
    });
    const page = await context.newPage();
    await page.goto(`${site.url}${EMAIL_PATH}`);
    return { context, page };
  }

  it.each([600, 375])("fits %i px with no sideways scroll, photos loaded", async (width) => {
    const { context, page } = await openEmail(width);
    try {
      await page.waitForFunction("[...document.images].every((img) => img.complete && img.naturalWidth > 0)");
      const sizes = await page.evaluate<{ scroll: number; client: number; photo: number | undefined }>(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        photo: document.querySelector("img.photo")?.getBoundingClientRect().width,
      })`);
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
      expect(sizes.photo).toBe(width === 600 ? 600 : 375);
      await page.screenshot({ path: path.join(ARTIFACTS, `email-${width}.png`), fullPage: true });
      if (width === 600) {
        // The README's picture: the top of the email at 600 px.
        await page.screenshot({ path: readmeScreenshot("screenshot-email.png") });
      }
    } finally {
      await context.close();
    }
  });

  it("has no accessibility violation (axe, WCAG 2.2 AA)", async () => {
    const { context, page } = await openEmail(600);
    try {
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("with images blocked, still reads each photo's alt text and the caption", async () => {
    const $ = cheerio.load(built.read(EMAIL_PATH.slice(1)));
    const alts = $("img")
      .map((_i, img) => $(img).attr("alt") ?? "")
      .get();
    const caption = $("td.lead p.caption").text();
    expect(alts.length).toBeGreaterThan(0);
    expect(caption.length).toBeGreaterThan(20);
    const { context, page } = await openEmail(600, true);
    try {
      expect(
        await page.evaluate<boolean>("[...document.images].every((img) => img.naturalWidth === 0)"),
      ).toBe(true);
      for (const alt of alts) expect(await page.getByRole("img", { name: alt }).isVisible()).toBe(true);
      expect(await page.getByText(caption).isVisible()).toBe(true);
      // The alt text is painted where the photo would be, in a colour pair that reads.
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
