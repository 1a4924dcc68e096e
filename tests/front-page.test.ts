/**
 * The front page: which issues lib/pipeline/views/front-page.ts picks (table-driven), and what a
 * real build of twenty-two issues shows. The home listing's first page holds the newest twelve
 * (ten to a page: the newest 10 to 19 stay on it), and `/` shows exactly those — the lead with
 * its photo first, then the grid, then a band per topic in `_data/topics.ts` order, each story
 * with kicker and number, byline and date — within 40 KB of HTML; `/page/1/`, the oldest ten,
 * stays a plain list of the same cards.
 */
import { Buffer } from "node:buffer";
import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildFrontPage,
  FRONT_PAGE_DEFAULTS,
  type FrontPageIssue,
} from "../lib/pipeline/views/front-page.ts";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";

describe("buildFrontPage", () => {
  const TOPICS = { russia: { name: "Russia" }, turkey: { name: "Turkey" }, diplomacy: { name: "Diplomacy" } };
  /** Issues newest first from `url:topic+topic` shorthands, e.g. `a:russia+turkey`. */
  const issues = (...specs: string[]): FrontPageIssue[] =>
    specs.map((spec) => {
      const [url = "", topics = ""] = spec.split(":");
      return { url, data: { topics: topics ? topics.split("+") : [] } };
    });
  const urls = (items: readonly FrontPageIssue[]) => items.map((item) => item.url);

  it.each([
    { name: "no issues", input: issues(), limits: {}, lead: undefined, grid: [], bands: {} },
    {
      name: "one issue: the lead alone",
      input: issues("a:russia"),
      limits: {},
      lead: "a",
      grid: [],
      bands: {},
    },
    {
      name: "a band never repeats the lead or the grid",
      input: issues("a:russia", "b:russia", "c:turkey", "d:russia+turkey"),
      limits: { gridSize: 2 },
      lead: "a",
      grid: ["b", "c"],
      bands: { russia: ["d"], turkey: ["d"] },
    },
    {
      name: "bands in topics order, at most bandSize, newest first, topics with nothing left skipped",
      input: issues(
        "a:diplomacy",
        "b:turkey",
        "c:diplomacy",
        "d:turkey",
        "e:diplomacy",
        "f:diplomacy",
        "g:turkey",
      ),
      limits: { gridSize: 1, bandSize: 2 },
      lead: "a",
      grid: ["b"],
      bands: { turkey: ["d", "g"], diplomacy: ["c", "e"] },
    },
    {
      name: "the defaults: a grid of 4, bands of 3",
      input: issues(
        "a:russia",
        "b:russia",
        "c:russia",
        "d:russia",
        "e:russia",
        "f:russia",
        "g:russia",
        "h:russia",
        "i:russia",
      ),
      limits: {},
      lead: "a",
      grid: ["b", "c", "d", "e"],
      bands: { russia: ["f", "g", "h"] },
    },
    {
      name: "fewer issues than the grid holds",
      input: issues("a:russia", "b:turkey"),
      limits: {},
      lead: "a",
      grid: ["b"],
      bands: {},
    },
    {
      name: "an issue on a topic not in the topics file gets no band",
      input: issues("a:russia", "b:russia", "c:elsewhere"),
      limits: { gridSize: 1 },
      lead: "a",
      grid: ["b"],
      bands: {},
    },
  ])("$name", ({ input, limits, lead, grid, bands }) => {
    const before = urls(input);
    const front = buildFrontPage(input, TOPICS, limits);
    expect(front.lead?.url).toBe(lead);
    expect(urls(front.grid)).toEqual(grid);
    expect(Object.fromEntries(front.bands.map((band) => [band.id, urls(band.issues)]))).toEqual(bands);
    expect(urls(input)).toEqual(before);
  });

  it("names each band and links its topic page", () => {
    const front = buildFrontPage(issues("a:russia", "b:turkey"), TOPICS, { gridSize: 0 });
    expect(front.bands.map(({ id, name, url }) => ({ id, name, url }))).toEqual([
      { id: "turkey", name: "Turkey", url: "/topics/turkey/" },
    ]);
  });

  it("defaults to a grid of 4 and bands of 3", () => {
    expect(FRONT_PAGE_DEFAULTS).toEqual({ gridSize: 4, bandSize: 3 });
  });
});

/** 2026-01-02T00:00:00Z: after every fixture issue. */
const EPOCH = 1767312000;

interface FixtureIssue {
  slug: string;
  topics: string[];
  type?: "analysis" | "briefing" | "explainer";
  photo?: boolean;
}

/** Newest first, one day apart from 12 May 2025: the home listing's first page. */
const ISSUES: FixtureIssue[] = [
  { slug: "lead", topics: ["russia"], type: "analysis", photo: true },
  { slug: "grid-one", topics: ["united-states"], type: "briefing" },
  { slug: "grid-two", topics: ["diplomacy"] },
  { slug: "grid-three", topics: ["turkey"], type: "explainer" },
  { slug: "grid-four", topics: ["war-in-ukraine"] },
  { slug: "russia-one", topics: ["russia"] },
  { slug: "russia-two", topics: ["russia", "diplomacy"] },
  { slug: "russia-three", topics: ["russia"] },
  { slug: "russia-four", topics: ["russia"] },
  { slug: "turkey-one", topics: ["turkey"] },
  { slug: "ukraine-one", topics: ["war-in-ukraine"] },
  { slug: "diplomacy-one", topics: ["diplomacy"] },
];

/** Ten older issues, 10 to 1 April 2025: exactly one older page, `/page/1/`. */
const OLDER = Array.from({ length: 10 }, (_, index) => `earlier-${String(10 - index).padStart(2, "0")}`);

/** Numbered 22 (the newest) down to 1, the older issues last. */
const number = (index: number) => ISSUES.length + OLDER.length - index;
const titleOf = (slug: string) => `Headline of ${slug.replace(/-/g, " ")}`;
const urlOf = (slug: string) => `/2025/05/${slug}/`;

const fixtureIssues: Record<string, string> = Object.fromEntries(
  ISSUES.map((issue, index) => [
    `2025/${issue.slug}.md`,
    issueFile({
      title: titleOf(issue.slug),
      // A dek of a real issue's length, so the size check measures a realistic page.
      dek: `What ${issue.slug} is about, in the two sentences a writer gives every issue. It says who did what, where, and why readers should care about it this week.`,
      date: `2025-05-${String(12 - index).padStart(2, "0")}T09:00:00+03:00`,
      type: issue.type,
      number: number(index),
      authors: index === 0 ? ["daniel-hart", "ayse-demir"] : ["ayse-demir"],
      topics: issue.topics,
      photo: issue.photo
        ? {
            src: "2025/istanbul-consulate-placeholder.jpg",
            alt: "Placeholder image for the lead issue's photograph.",
            credit: "Fixture credit",
          }
        : undefined,
    }),
  ]),
);
OLDER.forEach((slug, index) => {
  fixtureIssues[`2025/${slug}.md`] = issueFile({
    title: titleOf(slug),
    dek: `What ${slug} is about.`,
    date: `2025-04-${String(10 - index).padStart(2, "0")}T09:00:00+03:00`,
    number: number(ISSUES.length + index),
    authors: ["ayse-demir"],
    topics: ["russia"],
  });
});

let site: FixtureSite;
beforeAll(() => {
  site = buildFixtureSite({ issues: fixtureIssues, epoch: EPOCH });
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});
afterAll(() => site?.remove());

const page = (file: string): CheerioAPI => load(site.read(file));
const text = ($: CheerioAPI, element: Parameters<CheerioAPI>[0]) =>
  $(element).text().replace(/\s+/g, " ").trim();
const titles = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => text($, element))
    .get();

describe("/ (the front page)", () => {
  it("shows the lead first, then the grid, then the topic bands", () => {
    const $ = page("index.html");
    const blocks = $("main")
      .children()
      .not("h1, nav")
      .map((_, element) => $(element).attr("class"))
      .get();
    expect(blocks).toEqual([
      "lead-story lead-story--analysis lead-story--photo",
      "front-grid",
      "topic-band",
      "topic-band",
      "topic-band",
      "topic-band",
      "front-more",
    ]);
  });

  it("links every issue of the first page from the front page, and none of the older page's", () => {
    const $ = page("index.html");
    const onFront = new Set(
      $("main a")
        .map((_, link) => $(link).attr("href"))
        .get(),
    );
    const older = page("page/1/index.html");
    const onOlder = older(".summary__title a")
      .map((_, link) => older(link).attr("href"))
      .get();
    expect(ISSUES.map((issue) => urlOf(issue.slug)).filter((url) => !onFront.has(url))).toEqual([]);
    expect(onOlder).toEqual(OLDER.map((slug) => `/2025/04/${slug}/`));
    expect(onOlder.filter((url) => onFront.has(url))).toEqual([]);
    // The one the grid and bands leave out is a headline under "More issues".
    expect(titles($, ".front-more li a")).toEqual([titleOf("russia-four")]);
    expect($('.pagination a[rel="next"]').attr("href")).toBe("/page/1/");
  });

  it("gives the lead its photo, kicker and number, byline and date", () => {
    const $ = page("index.html");
    const lead = $(".lead-story");
    expect(text($, lead.find("h2"))).toBe(titleOf("lead"));
    expect(lead.find("h2 a").attr("href")).toBe(urlOf("lead"));
    expect(lead.find("img.lead-story__photo").attr("alt")).toBe(
      "Placeholder image for the lead issue's photograph.",
    );
    // The placeholder's XMP calls it a composite: the card, shown without a caption, says so too.
    expect(text($, lead.find("picture + p.photo-source"))).toBe("Composite image with synthetic elements.");
    expect(text($, lead.find(".kicker"))).toBe("Analysis · No. 22");
    expect(text($, lead.find(".summary__meta"))).toBe("By Daniel Hart and Ayşe Demir · 12 May 2025");
    expect(lead.find(".summary__meta time").attr("datetime")).toMatch(/^2025-05-12T09:00:00/);
  });

  it("lists the next four issues in the grid, each a card with kicker, number, dek, byline and date", () => {
    const $ = page("index.html");
    expect(titles($, ".front-grid h3")).toEqual(
      ["grid-one", "grid-two", "grid-three", "grid-four"].map(titleOf),
    );
    const first = $(".front-grid .summary").first();
    expect(text($, first.find(".kicker"))).toBe("Briefing · No. 21");
    expect(text($, $(".front-grid .summary").eq(1).find(".kicker"))).toBe("News · No. 20");
    expect(text($, first.find(".summary__dek"))).toMatch(/^What grid-one is about/);
    expect(text($, first.find(".summary__meta"))).toBe("By Ayşe Demir · 11 May 2025");
  });

  it("gives each topic with issues left a band in topics order, linked to the topic page, at most three", () => {
    const $ = page("index.html");
    const bands = $(".topic-band")
      .map((_, band) => ({
        heading: text($, $(band).find("h2")),
        href: $(band).find("h2 a").attr("href"),
        issues: $(band)
          .find("h3")
          .map((__, heading) => text($, heading))
          .get(),
      }))
      .get();
    expect(bands).toEqual([
      {
        heading: "Russia",
        href: "/topics/russia/",
        issues: ["russia-one", "russia-two", "russia-three"].map(titleOf),
      },
      { heading: "Turkey", href: "/topics/turkey/", issues: [titleOf("turkey-one")] },
      {
        heading: "Diplomacy",
        href: "/topics/diplomacy/",
        issues: ["russia-two", "diplomacy-one"].map(titleOf),
      },
      { heading: "War in Ukraine", href: "/topics/war-in-ukraine/", issues: [titleOf("ukraine-one")] },
    ]);
  });

  it("has one h1 and headings in order: h2 for the lead and sections, h3 for stories", () => {
    const $ = page("index.html");
    expect($("h1")).toHaveLength(1);
    expect(titles($, "main h2")).toEqual([
      titleOf("lead"),
      "Latest",
      "Russia",
      "Turkey",
      "Diplomacy",
      "War in Ukraine",
      "More issues",
    ]);
    expect($("main h3")).toHaveLength(4 + 3 + 1 + 2 + 1);
  });

  it("is at most 40 KB of HTML with twelve issues on its page", () => {
    const bytes = Buffer.byteLength(site.read("index.html"));
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
  });
});

describe("/page/1/ and the other listings", () => {
  it("page 1 is a plain list of cards, the ten oldest issues, linked back to /", () => {
    const $ = page("page/1/index.html");
    expect($(".lead-story, .front-grid, .topic-band")).toHaveLength(0);
    expect(titles($, "main .summary h2")).toEqual(OLDER.map(titleOf));
    expect(text($, $(".summary .kicker").first())).toBe("News · No. 10");
    expect(text($, $("h1"))).toBe("Older issues page 1");
    expect($("title").text()).toBe("Older issues, page 1 · Dateline");
    expect($('.pagination a[rel="prev"]').attr("href")).toBe("/");
    expect($('.pagination a[rel="next"]')).toHaveLength(0);
    expect(() => site.read("page/2/index.html")).toThrow(/ENOENT/);
  });

  it("topic pages use the same card, byline and number included", () => {
    const $ = page("topics/turkey/index.html");
    const card = $(".summary").first();
    expect(text($, card.find("h2"))).toBe(titleOf("grid-three"));
    expect(text($, card.find(".kicker"))).toBe("Explainer · No. 19");
    expect(text($, card.find(".summary__meta"))).toBe("By Ayşe Demir · 9 May 2025");
  });
});
