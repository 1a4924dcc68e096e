/**
 * The front page in Chromium: the sample site's, and a busy week's (the sample site plus nine
 * issues, built by this file): its layout at desktop and phone widths, and, for the busy one,
 * the checks every page gets (pages.ts `checkRenderings`).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeE2E,
  launchChromium,
  SAMPLE_EPOCH,
  type SampleSite,
  sampleSite,
  startSite,
} from "./helpers.ts";
import {
  checkRenderings,
  frontPageIssues,
  HOME,
  type LoadedPage,
  load,
  render,
  widthAt320,
} from "./pages.ts";

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

describeE2E("the front page in Chromium", () => {
  let sample: SampleSite;
  let busy: SampleSite;
  let browser: Browser;
  let busyHome: LoadedPage;
  let sampleHome: LoadedPage;

  beforeAll(async () => {
    busy = await startSite(frontPageIssues(), SAMPLE_EPOCH);
    sample = await sampleSite();
    browser = await launchChromium();
    busyHome = await load(browser, busy, HOME);
    sampleHome = await load(browser, sample, HOME);
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.close();
    await busy?.close();
  });

  describe("the busy front page", () => {
    it("does not scroll sideways at 320 px", async () => {
      expect(await widthAt320(busyHome.page), "page width at 320 px").toBeLessThanOrEqual(320);
    });
    checkRenderings("the busy front page", () => busyHome);
  });

  it("at 1280 px the lead sits beside its photo, the grid has four columns and a band three", async () => {
    const { page } = busyHome;
    await render(page, 1280);
    const [photo] = await boxes(page, ".lead-story img");
    const [title] = await boxes(page, ".lead-story__title");
    const [lead] = await boxes(page, ".lead-story");
    expect(photo && title && photo.right <= title.left).toBe(true);
    expect(photo && title && Math.abs(photo.top - title.top) < 40).toBe(true);
    const grid = await boxes(page, ".front-grid .summary");
    expect(grid, "stories in the grid").toHaveLength(4);
    expect(columns(grid), "columns of the grid at 1280 px").toBe(4);
    expect(new Set(grid.map((box) => Math.round(box.top))).size).toBe(1);
    expect(grid.every((box) => lead && box.top >= lead.bottom)).toBe(true);
    const bands = await page.locator(".topic-band").count();
    expect(bands).toBeGreaterThan(0);
    for (let index = 0; index < bands; index++) {
      const band = await boxes(page, `.topic-band >> nth=${index} >> .summary`);
      expect(columns(band), `band ${index + 1}`).toBe(band.length);
    }
  });

  it("at 1280 px the sample site's grid stands in more than one column", async () => {
    const { page } = sampleHome;
    await render(page, 1280);
    const grid = await boxes(page, ".front-grid .summary");
    expect(grid.length).toBeGreaterThan(1);
    expect(columns(grid)).toBe(grid.length);
  });

  it.each([
    { name: "busy", pick: () => busyHome },
    { name: "sample", pick: () => sampleHome },
  ])("at 390 px the $name front page is one column: lead, grid, bands", async ({ pick }) => {
    const { page } = pick();
    await render(page, 390);
    expectOneColumn(await boxes(page, FRONT_BLOCKS));
  });
});
