/**
 * Every kind of page in a real browser, served with production headers: no accessibility
 * violation (axe, WCAG 2.2 AA) in light and dark at phone and desktop widths, no console error
 * or Content-Security-Policy violation, no sideways scrolling at 320 px. Each page is loaded
 * once, at 320 px, then re-rendered for each scheme and width (emulated media, viewport size),
 * as a reader's browser re-renders it; axe runs on each rendering. Screenshots for review and
 * the README are `npm run screenshots` (screenshots.e2e.test.ts).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeE2E, launchChromium, newContext, type SampleSite, sampleSite } from "./helpers.ts";
import {
  CORRECTED,
  checkRenderings,
  type LoadedPage,
  load,
  NARROW,
  open,
  PAGES,
  widthAt320,
} from "./pages.ts";

describeE2E("pages in Chromium", () => {
  let site: SampleSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await sampleSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  describe.each(PAGES)("$name ($path)", (target) => {
    let loaded: LoadedPage;
    beforeAll(async () => {
      loaded = await load(browser, site, target);
    });
    afterAll(async () => {
      await loaded?.context.close();
    });

    if (NARROW.has(target)) {
      it("does not scroll sideways at 320 px", async () => {
        expect(await widthAt320(loaded.page), `page width of ${target.path} at 320 px`).toBeLessThanOrEqual(
          320,
        );
      });
    }
    checkRenderings(target.name, () => loaded);
  });

  it('at 390 px the thread box marks the issue being read: bold, and "(you are reading this)" shows', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await context.newPage();
      await open(page, site, CORRECTED);
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
      await context.close();
    }
  });
});
