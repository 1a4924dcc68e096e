/**
 * `npm run screenshots` (vitest.e2e.config.ts runs this file only then, never in `npm run e2e`):
 * pictures for review in tests/artifacts/ (git-ignored), and the README's in docs/. They assert
 * nothing about the site; the checks are the other files'.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openEmail } from "./email-page.ts";
import {
  describeE2E,
  launchChromium,
  newContext,
  readmeScreenshot,
  root,
  SAMPLE_EPOCH,
  type SampleSite,
  sampleOutput,
  sampleSite,
  startSite,
} from "./helpers.ts";
import {
  CORRECTED,
  CORRECTIONS,
  frontPageIssues,
  HOME,
  ISSUE,
  open,
  type PageCase,
  SCHEMES,
  type Scheme,
  THREAD,
  WIDTHS,
} from "./pages.ts";

const ARTIFACTS = path.join(root, "tests/artifacts");

describeE2E("screenshots", () => {
  let sample: SampleSite;
  let busy: SampleSite;
  let browser: Browser;

  beforeAll(async () => {
    sample = await sampleSite();
    busy = await startSite(frontPageIssues(), SAMPLE_EPOCH);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.close();
    await busy?.close();
  });

  /** Opens a page at a width and in a scheme, hands it to `shoot`, and closes it. */
  async function withPage(
    site: SampleSite,
    target: PageCase,
    viewport: { width: number; height: number; scheme: Scheme },
    shoot: (page: Page) => Promise<Buffer>,
  ): Promise<void> {
    const { width, height, scheme } = viewport;
    const context = await newContext(browser, { viewport: { width, height }, colorScheme: scheme });
    try {
      const page = await context.newPage();
      await open(page, site, target);
      expect((await shoot(page)).length).toBeGreaterThan(1000);
    } finally {
      await context.close();
    }
  }

  const artifact = (name: string) => path.join(ARTIFACTS, name);

  it.each([HOME, ISSUE].flatMap((target) => WIDTHS.map((width) => ({ ...target, width }))))(
    "$name at $width px",
    (target) =>
      withPage(sample, target, { width: target.width, height: 900, scheme: "light" }, (page) =>
        page.screenshot({
          path: artifact(`${target.name.split(" ")[0]}-${target.width}.png`),
          fullPage: true,
        }),
      ),
  );

  /** The record's pages: the ledger, a thread, and an issue's foot with the thread box in view. */
  const RECORD_SHOTS = [
    { file: "corrections", target: CORRECTIONS, foot: false },
    { file: "thread", target: THREAD, foot: false },
    { file: "issue-foot", target: CORRECTED, foot: true },
  ].flatMap((shot) => SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...shot, scheme, width }))));
  it.each(RECORD_SHOTS)("the $file at $width px ($scheme)", (shot) =>
    withPage(sample, shot.target, { width: shot.width, height: 900, scheme: shot.scheme }, async (page) => {
      const file = artifact(`${shot.file}-${shot.width}-${shot.scheme}.png`);
      if (!shot.foot) return page.screenshot({ path: file, fullPage: true });
      // The foot as a reader scrolls to it: from the thread box through the record.
      await page.locator(".thread-box").evaluate((element) => element.scrollIntoView({ block: "start" }));
      return page.screenshot({ path: file });
    }),
  );

  it.each(
    [
      { name: "home", pick: () => sample },
      { name: "front-page", pick: () => busy },
    ].flatMap((site) => SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...site, scheme, width })))),
  )("the $name at $width px ($scheme)", ({ name, pick, scheme, width }) =>
    withPage(pick(), HOME, { width, height: 900, scheme }, (page) =>
      page.screenshot({ path: artifact(`${name}-${width}-${scheme}.png`), fullPage: true }),
    ),
  );

  /** Standards a reader can check (docs/trust.md): the reporting box, the sources, an opinion card, a composite photo's label. */
  const STANDARDS_SHOTS = [
    { file: "reporting-box", site: () => sample, target: CORRECTED, at: ".reporting" },
    { file: "sources", site: () => sample, target: CORRECTED, at: ".sources" },
    { file: "opinion-card", site: () => busy, target: HOME, at: ".summary--opinion" },
    { file: "photo-label", site: () => sample, target: ISSUE, at: ".lead-figure figcaption" },
  ].flatMap((shot) => SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ ...shot, scheme, width }))));
  it.each(STANDARDS_SHOTS)("the $file at $width px ($scheme)", (shot) =>
    withPage(
      shot.site(),
      shot.target,
      { width: shot.width, height: 900, scheme: shot.scheme },
      async (page) => {
        await page.locator(shot.at).evaluate((element) => element.scrollIntoView({ block: "center" }));
        const file = `standards-${shot.file}-${shot.width}-${shot.scheme}.png`;
        // docs/trust.md shows each at 1280 px in light.
        const docs = shot.width === 1280 && shot.scheme === "light";
        return page.screenshot({ path: docs ? readmeScreenshot(file) : artifact(file) });
      },
    ),
  );

  it("the README's home page (1280 px, viewport only)", () =>
    withPage(sample, HOME, { width: 1280, height: 800, scheme: "light" }, (page) =>
      page.screenshot({ path: readmeScreenshot("screenshot-home.png") }),
    ));

  it("the README's busy front page (1280 px, light)", () =>
    withPage(busy, HOME, { width: 1280, height: 1000, scheme: "light" }, async (page) => {
      // The lead's photo decoded first: otherwise the README can show an empty frame.
      await page.waitForFunction(
        `(() => { const img = document.querySelector(".lead-story img"); return img && img.complete && img.naturalWidth > 0; })()`,
      );
      return page.screenshot({ path: readmeScreenshot("screenshot-front-page.png") });
    }));

  it.each([600, 375])("the email edition at %i px", async (width) => {
    const { context, page } = await openEmail(browser, sampleOutput(), width);
    try {
      await page.waitForFunction("[...document.images].every((img) => img.complete && img.naturalWidth > 0)");
      const image = await page.screenshot({ path: artifact(`email-${width}.png`), fullPage: true });
      expect(image.length).toBeGreaterThan(1000);
      // The README's picture: the top of the email at 600 px.
      if (width === 600) await page.screenshot({ path: readmeScreenshot("screenshot-email.png") });
    } finally {
      await context.close();
    }
  });
});
