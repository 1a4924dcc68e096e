/** Search (/search/, assets/js/search.js over the Pagefind index) in Chromium. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFrontMatter } from "../../lib/pipeline/content/read.ts";
import { issueFile } from "../helpers/fixture-site.ts";
import {
  describeE2E,
  launchChromium,
  newContext,
  type PageProblems,
  problemLines,
  publishedIssues,
  SAMPLE_EPOCH,
  type SampleSite,
  sampleIssues,
  sampleSite,
  startSite,
  watchProblems,
} from "./helpers.ts";

const WHO_LED = "/2025/04/who-led-the-delegations/";

describeE2E("search in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = await watchProblems(context, page);
  });
  afterEach(async () => {
    await context?.close();
  });

  const results = () => page.locator("#search-results > li");
  const status = () => page.locator("#search-status");

  describe("the sample site", () => {
    let site: SampleSite;
    beforeAll(async () => {
      site = await sampleSite();
    });
    afterAll(async () => {
      await site?.close();
    });

    it("indexes the published issues and nothing else", async () => {
      const published = publishedIssues(sampleIssues(), SAMPLE_EPOCH);
      // The sample site has a draft and a scheduled issue that mention Istanbul too.
      expect(published.length).toBeLessThan(Object.keys(sampleIssues()).length);
      for (const issue of published) expect(issue.text).toContain("Istanbul");
      expect(site.indexedPages).toBe(published.length);
      // The build's own list of what it published agrees.
      const feed = JSON.parse(site.read("feed.json")) as { items: { url: string }[] };
      expect(feed.items.map((item) => new URL(item.url).pathname).sort()).toEqual(
        published.map((issue) => issue.url),
      );
      // "Istanbul" is on the home, archive, topic and author pages too; only issues come back.
      await page.goto(site.url("/search/?q=Istanbul"));
      await expect.poll(() => status().textContent()).toBe(`${published.length} issues match “Istanbul”.`);
      const links = await results().locator("h2 a").all();
      const hrefs = await Promise.all(links.map((link) => link.getAttribute("href")));
      expect(hrefs.sort()).toEqual(published.map((issue) => issue.url));
      expect(problemLines(problems)).toEqual([]);
    });

    it("finds an issue with the keyboard only: Tab to the field, type, Enter", async () => {
      await page.goto(site.url("/search/"));
      let focused = "";
      for (let presses = 0; presses < 20 && focused !== "search-query"; presses++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate<string>("document.activeElement?.id ?? ''");
      }
      expect(focused).toBe("search-query");
      await page.keyboard.type("Darchiev");
      await page.keyboard.press("Enter");

      const hit = page.locator(`#search-results a[href="${WHO_LED}"]`);
      await hit.waitFor();
      expect(await hit.textContent()).toMatch(/^An ambassador and a State Department official/);
      await expect.poll(() => status().textContent()).toBe("2 issues match “Darchiev”.");
      expect(new URL(page.url()).searchParams.get("q")).toBe("Darchiev");
      // Each result: headline link, date, excerpt with the match highlighted.
      const first = results().first();
      expect(await first.locator("h2 a").count()).toBe(1);
      expect(await first.locator("time[datetime]").count()).toBe(1);
      expect(await first.locator("mark").first().textContent()).toMatch(/^Darchiev/);
      expect(problemLines(problems)).toEqual([]);
    });

    it("searches as the reader types, without Enter", async () => {
      await page.goto(site.url("/search/"));
      await page.locator("#search-query").pressSequentially("Coulter", { delay: 20 });
      await expect.poll(() => status().textContent()).toBe("2 issues match “Coulter”.");
      expect(await results().count()).toBe(2);
      expect(problemLines(problems)).toEqual([]);
    });

    it("runs the search in ?q= when the page opens", async () => {
      await page.goto(site.url("/search/?q=Darchiev"));
      await page.locator(`#search-results a[href="${WHO_LED}"]`).waitFor();
      expect(await page.locator("#search-query").inputValue()).toBe("Darchiev");
      expect(await page.title()).toBe("Darchiev: Search · Dateline");
      expect(await page.locator("#search-fallback").isHidden()).toBe(true);
      expect(problemLines(problems)).toEqual([]);
    });

    it("says when nothing matches, and points to the archive", async () => {
      await page.goto(site.url("/search/?q=xylophone"));
      await expect.poll(() => status().textContent()).toContain("No issues match “xylophone”");
      expect(await status().locator('a[href="/archive/"]').count()).toBe(1);
      expect(await results().count()).toBe(0);
      expect(await page.locator("#search-results").isHidden()).toBe(true);
      expect(problemLines(problems)).toEqual([]);
    });

    it("a search filtered by a person finds only the issues that list that person", async () => {
      const listing = (id: string) =>
        publishedIssues(sampleIssues(), SAMPLE_EPOCH)
          .filter((issue) => {
            const people = readFrontMatter(issue.text).data?.people;
            return Array.isArray(people) && people.includes(id);
          })
          .map((issue) => issue.url);
      const darchiev = listing("alexander-darchiev");
      // Every published sample issue names Istanbul; not every one lists Darchiev.
      expect(darchiev.length).toBeGreaterThan(0);
      expect(darchiev.length).toBeLessThan(publishedIssues(sampleIssues(), SAMPLE_EPOCH).length);
      await page.goto(site.url("/search/?q=Istanbul"));
      await expect.poll(() => status().textContent()).toMatch(/issues match “Istanbul”\.$/);
      await page.locator("#search-filter-person").selectOption("Alexander Darchiev");
      await expect
        .poll(() => status().textContent())
        .toBe(`${darchiev.length} issues match “Istanbul” and name Alexander Darchiev.`);
      const hrefs = await Promise.all(
        (await results().locator("h2 a").all()).map((link) => link.getAttribute("href")),
      );
      expect(hrefs.sort()).toEqual(darchiev);
      expect(new URL(page.url()).search).toBe("?q=Istanbul&person=Alexander+Darchiev");
      // A filter alone, from the address: every issue that lists the person.
      await page.goto(site.url("/search/?person=Alexander+Darchiev"));
      await expect
        .poll(() => status().textContent())
        .toBe(`${darchiev.length} issues name Alexander Darchiev.`);
      expect(await page.locator("#search-filter-person").inputValue()).toBe("Alexander Darchiev");
      expect(problemLines(problems)).toEqual([]);
    });

    it("without JavaScript, says so, links to the archive, and the form still submits ?q=", async () => {
      const noScript = await newContext(browser, { javaScriptEnabled: false });
      try {
        const plain = await noScript.newPage();
        await plain.goto(site.url("/search/"));
        const fallback = plain.locator("#search-fallback");
        expect(await fallback.isVisible()).toBe(true);
        expect(await fallback.textContent()).toContain("Search needs JavaScript");
        expect(await fallback.locator('a[href="/archive/"]').count()).toBe(1);
        // The filters need the script: hidden, and disabled so they add nothing to ?q=.
        expect(await plain.locator("#search-filters").isHidden()).toBe(true);
        await plain.locator("#search-query").fill("Darchiev");
        await Promise.all([plain.waitForURL(/\/search\/\?q=Darchiev$/), plain.keyboard.press("Enter")]);
      } finally {
        await noScript.close();
      }
    });
  });

  describe("a site whose issue text looks like markup", () => {
    let site: SampleSite;
    beforeAll(async () => {
      site = await startSite(
        {
          "2025/markup.md": issueFile(
            {
              title: "Markup <b>bold</b> & co",
              dek: "An issue whose text contains tags.",
              date: "2025-04-10T16:30:00+03:00",
              authors: ["ayse-demir"],
              topics: ["diplomacy"],
            },
            "The delegates typed `<img src=x onerror=alert(1)>` and `<mark>fake</mark>` & then zebraword.",
          ),
        },
        SAMPLE_EPOCH,
      );
    });
    afterAll(async () => {
      await site?.close();
    });

    it("shows titles and excerpts as text; only Pagefind's highlights become <mark>", async () => {
      await page.goto(site.url("/search/?q=zebraword"));
      const result = results().first();
      await result.waitFor();
      expect(await result.locator("h2 a").textContent()).toBe("Markup <b>bold</b> & co");
      const excerpt = result.locator(".search-result__excerpt");
      const text = (await excerpt.textContent()) ?? "";
      expect(text).toContain("<img src=x onerror=alert(1)>");
      expect(text).toContain("<mark>fake</mark>");
      const tags = await page.evaluate<string[]>(
        "[...document.querySelectorAll('#search-results .search-result__excerpt *')].map((e) => e.tagName)",
      );
      expect(tags).toEqual(["MARK"]);
      expect(await excerpt.locator("mark").textContent()).toBe("zebraword.");
      expect(await page.locator("#search-results img, #search-results b").count()).toBe(0);
      expect(problemLines(problems)).toEqual([]);
    });
  });

  describe("an archive over two years: one search bundle each, merged in the page", () => {
    let site: SampleSite;
    const issueOn = (title: string, date: string, body: string) =>
      issueFile({ title, dek: `${title}.`, date, authors: ["ayse-demir"], topics: ["diplomacy"] }, body);
    beforeAll(async () => {
      site = await startSite(
        {
          "2024/winter-talks.md": issueOn(
            "Winter talks",
            "2024-11-04T10:00:00+03:00",
            "Envoys met about the embassies in quinceword weather, as before.",
          ),
          "2025/spring-talks.md": issueOn(
            "Spring talks",
            "2025-04-10T16:30:00+03:00",
            "Envoys met again about the embassies; plumword was the word.",
          ),
        },
        SAMPLE_EPOCH,
      );
    });
    afterAll(async () => {
      await site?.close();
    });

    it("finds issues in every bundle, and both when both match", async () => {
      expect(JSON.parse(site.read("pagefind/bundles.json"))).toEqual({
        bundles: ["/pagefind/2025/", "/pagefind/2024/"],
      });
      for (const [query, expected] of [
        ["quinceword", ["/2024/11/winter-talks/"]],
        ["plumword", ["/2025/04/spring-talks/"]],
        ["embassies", ["/2024/11/winter-talks/", "/2025/04/spring-talks/"]],
      ] as const) {
        await page.goto(site.url(`/search/?q=${query}`));
        const count = expected.length === 1 ? "1 issue matches" : `${expected.length} issues match`;
        await expect.poll(() => status().textContent()).toBe(`${count} “${query}”.`);
        const hrefs = await results()
          .locator("h2 a")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
        expect(hrefs.sort()).toEqual([...expected]);
      }
      expect(problemLines(problems)).toEqual([]);
    });
  });
});
