/**
 * The email edition in Chromium, as a mail client shows it (email-page.ts): the sample site's
 * email.html with its photos fetched from the built site. At 600 and 375 px nothing scrolls
 * sideways, axe finds no violation, and with images blocked the alt texts and the caption still
 * read. Its screenshots (and the README's docs/screenshot-email.png) are `npm run screenshots`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import * as cheerio from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AXE_TAGS, violationLines } from "./axe.ts";
import { EMAIL_PATH, openEmail } from "./email-page.ts";
import { describeE2E, launchChromium, sampleOutput } from "./helpers.ts";

describeE2E("the email edition in Chromium", () => {
  let output: string;
  let browser: Browser;

  beforeAll(async () => {
    output = sampleOutput();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([600, 375])("fits %i px with no sideways scroll, photos loaded", async (width) => {
    const { context, page } = await openEmail(browser, output, width);
    try {
      await page.waitForFunction("[...document.images].every((img) => img.complete && img.naturalWidth > 0)");
      const sizes = await page.evaluate<{ scroll: number; client: number; photo: number | undefined }>(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        photo: document.querySelector("img.photo")?.getBoundingClientRect().width,
      })`);
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
      expect(sizes.photo).toBe(width === 600 ? 600 : 375);
    } finally {
      await context.close();
    }
  });

  // AxeBuilder here (one analysis per load), as axe.ts explains; legacy mode runs axe in the
  // page itself instead of finishing in a second, blank page.
  it("has no accessibility violation (axe, WCAG 2.2 AA)", async () => {
    const { context, page } = await openEmail(browser, output, 600);
    try {
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
      expect(violationLines(results.violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("with images blocked, still reads each photo's alt text and the caption", async () => {
    const $ = cheerio.load(readFileSync(path.join(output, EMAIL_PATH), "utf8"));
    const alts = $("img")
      .map((_i, img) => $(img).attr("alt") ?? "")
      .get();
    const caption = $("td.lead p.caption").text();
    expect(alts.length).toBeGreaterThan(0);
    expect(caption.length).toBeGreaterThan(20);
    const { context, page } = await openEmail(browser, output, 600, true);
    try {
      expect(
        await page.evaluate<boolean>("[...document.images].every((img) => img.naturalWidth === 0)"),
      ).toBe(true);
      for (const alt of alts) expect(await page.getByRole("img", { name: alt }).isVisible()).toBe(true);
      expect(await page.getByText(caption).isVisible()).toBe(true);
      // The alt text is painted where the photo would be, in a colour pair that reads.
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
      expect(violationLines(results.violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
