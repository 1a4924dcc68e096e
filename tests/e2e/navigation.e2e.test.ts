/** A reader's path through the sample site by clicking links, and the back button. */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeE2E,
  launchChromium,
  newContext,
  problemLines,
  type SampleSite,
  sampleSite,
  watchProblems,
} from "./helpers.ts";

describeE2E("navigation in Chromium", () => {
  let site: SampleSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await sampleSite();
    browser = await launchChromium();
    context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Clicks a link and waits for the page it points to. */
  async function follow(link: Locator): Promise<string> {
    const href = await link.getAttribute("href");
    if (!href) throw new Error("the link has no href");
    const target = site.url(href);
    await Promise.all([page.waitForURL(target), link.click()]);
    return target;
  }

  it("goes home → lead issue → topic → issue → author, and back", async () => {
    const problems = await watchProblems(context, page);
    await page.goto(site.url("/"));

    // Home → the lead issue: its page's headline is the link's text.
    const lead = page.locator(".lead-story__title a");
    const headline = (await lead.textContent())?.trim() ?? "";
    expect(headline.length).toBeGreaterThan(10);
    const issueUrl = await follow(lead);
    await expect.poll(() => page.locator("h1").textContent()).toBe(headline);

    // Issue → one of its topics: the topic page lists the issue.
    const topicLink = page.locator(".issue__topics a").first();
    const topicName = (await topicLink.textContent())?.trim() ?? "";
    await follow(topicLink);
    expect((await page.locator("h1").textContent())?.trim()).toBe(topicName);
    const listed = page.locator(`.summary__title a[href="${new URL(issueUrl).pathname}"]`);
    expect(await listed.count()).toBe(1);

    // Topic → the issue again → an author in its byline → the author page.
    await follow(listed);
    const author = page.locator(".byline a").first();
    const authorName = (await author.textContent())?.trim() ?? "";
    await follow(author);
    expect(new URL(page.url()).pathname).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
    expect((await page.locator("h1").textContent())?.trim()).toBe(authorName);

    // Back returns to the issue the author link was on.
    await page.goBack();
    expect(page.url()).toBe(issueUrl);
    expect((await page.locator("h1").textContent())?.trim()).toBe(headline);

    expect(problemLines(problems)).toEqual([]);
  });
});
