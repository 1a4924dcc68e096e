/**
 * What readers and crawlers get from a built fixture site: pages, dates, membership,
 * order, metadata and the absence of drafts and future issues.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { copyOfSharedSite, sharedSite } from "./helpers/shared-fixtures.ts";

let site: FixtureSite;
const page = (file: string): CheerioAPI => load(site.read(file));
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

beforeAll(() => {
  // The run's shared build of the standard fixture, read-only: this file only reads it.
  site = sharedSite("standard");
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
});
afterAll(() => site.remove());

/** Stands in for a `<br>` when reading a paragraph's lines: a private-use character no page text holds. */
const LINE_BREAK = "\uE000";

describe("an issue page", () => {
  it("shows the publication time in the site's zone, with a machine-readable datetime", () => {
    const $ = page("2025/04/alpha/index.html");
    const time = $(".issue__dates time").first();
    expect(time.attr("datetime")).toBe("2025-04-10T16:30:00+03:00");
    expect(time.text()).toBe("10 April 2025, 16:30 GMT+3");
  });

  it("converts a UTC date to the site's zone for display", () => {
    const $ = page("2025/04/charlie/index.html");
    expect($(".issue__dates time").first().attr("datetime")).toBe("2025-04-12T11:00:00+03:00");
  });

  it.each([
    {
      name: "an issue never changed: its publication time alone, no Updated",
      file: "2025/04/alpha/index.html",
      lines: ["Published 10 April 2025, 16:30 GMT+3 · 1 min read"],
      datetimes: ["2025-04-10T16:30:00+03:00"],
    },
    {
      name: "an issue with a correction: Updated, its time, and a link to the correction",
      file: "2025/04/bravo/index.html",
      lines: [
        "Published 11 April 2025, 09:00 GMT+3 · 1 min read",
        "Updated 11 April 2025, 12:00 GMT+3 with a correction",
      ],
      datetimes: ["2025-04-11T09:00:00+03:00", "2025-04-11T12:00:00+03:00"],
    },
  ])("dates $name", ({ file, lines, datetimes }) => {
    const $ = page(file);
    const dates = $(".issue__dates");
    // Exactly one dates paragraph: a text check on an empty selection would hold whatever the page said.
    expect(dates).toHaveLength(1);
    // The lines a reader sees: split at <br>, not at the template's own line breaks.
    dates.find("br").replaceWith(LINE_BREAK);
    expect(
      dates
        .text()
        .split(LINE_BREAK)
        .map((line) => line.replace(/\s+/g, " ").trim()),
    ).toEqual(lines);
    expect(
      dates
        .find("time")
        .map((_, time) => $(time).attr("datetime"))
        .get(),
    ).toEqual(datetimes);
  });

  it("shows the correction a changed issue's Updated line links to", () => {
    const $ = page("2025/04/bravo/index.html");
    expect($('.issue__dates a[href="#record-heading"]').text()).toBe("correction");
    expect($("#record-heading")).toHaveLength(1);
    expect($(".record__note--correction").text()).toContain("An earlier version misspelt a name.");
  });

  it("carries kicker, one h1, dek, linked byline and the dateline at the start of the body", () => {
    const $ = page("2025/04/alpha/index.html");
    expect($(".kicker").first().text()).toBe("Briefing");
    expect($("h1").length).toBe(1);
    expect($("h1").text()).toBe("Alpha: delegations meet in Istanbul");
    expect($(".byline a").attr("href")).toBe("/authors/ayse-demir/");
    expect($(".issue__body p").first().text()).toMatch(/^ISTANBUL — The talks began\./);
  });

  it("lists byline authors in order, joined with and", () => {
    const $ = page("2025/04/bravo/index.html");
    expect($(".byline").text().replace(/\s+/g, " ").trim()).toBe("By Daniel Hart and Ayşe Demir");
  });

  it("gives an issue without a photo the site card as its sharing image, never the logo", () => {
    const $ = page("2025/04/alpha/index.html");
    const article = JSON.parse($('script[type="application/ld+json"]').text());
    expect(article.image).toHaveLength(3);
    expect(article.image[0].contentUrl).toMatch(/\/photos\/site\/dateline-card-16x9\.[0-9a-f]{8}\.jpg$/);
    expect($('meta[property="og:image"]').attr("content")).toMatch(
      /\/photos\/site\/dateline-card-og\.[0-9a-f]{8}\.jpg$/,
    );
  });

  it("renders the lead photo as a responsive picture with its size, eager and high priority", () => {
    const $ = page("2025/04/bravo/index.html");
    const img = $(".lead-figure picture img");
    expect(
      $(".lead-figure picture source")
        .map((_, source) => $(source).attr("type"))
        .get(),
    ).toEqual(["image/avif", "image/webp"]);
    expect(img.attr("width")).toBe("1200");
    expect(img.attr("height")).toBe("675");
    expect(img.attr("loading")).toBe("eager");
    expect(img.attr("fetchpriority")).toBe("high");
    expect(img.attr("src")).toMatch(
      /^\/photos\/2025\/istanbul-consulate-placeholder-1200\.[0-9a-f]{8}\.jpg$/,
    );
    expect(
      img
        .attr("srcset")
        ?.split(", ")
        .map((candidate) => candidate.split(" ")[1]),
    ).toEqual(["480w", "800w", "1200w", "1600w", "2400w"]);
  });

  it("renders the lead photo with alt, caption and a separate credit", () => {
    const $ = page("2025/04/bravo/index.html");
    expect($(".lead-figure img").attr("alt")).toBe("A striped placeholder panel");
    expect($(".lead-figure .caption").text()).toBe("A placeholder standing in for a photo");
    expect($(".lead-figure .credit").text()).toBe("Placeholder image — Dateline");
  });

  it("renders Markdown without a template pass: footnotes, anchors, typographic quotes", () => {
    const $ = page("2025/04/alpha/index.html");
    expect($("sup.footnote-ref a").attr("href")).toBe("#fn1");
    expect($("h2#details a").attr("href")).toBe("#details");
    expect($(".issue__body").text()).toContain("More “quoted” text – with a dash.");
  });

  it("has a canonical URL and links every site feed for autodiscovery", () => {
    const $ = page("2025/04/alpha/index.html");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://dateline.example/2025/04/alpha/");
    expect(
      $('link[rel="alternate"]')
        .map((_, link) => $(link).attr("href"))
        .get(),
    ).toEqual([
      "https://dateline.example/feed.xml",
      "https://dateline.example/rss.xml",
      "https://dateline.example/feed.json",
    ]);
  });

  it("links the previous and next issues in publication order", () => {
    const $ = page("2025/04/bravo/index.html");
    expect($('.issue__neighbours a[rel="prev"]').attr("href")).toBe("/2025/04/alpha/");
    expect($('.issue__neighbours a[rel="next"]').attr("href")).toBe("/2025/04/charlie/");
    const newest = page("2025/04/charlie/index.html");
    expect(newest('.issue__neighbours a[rel="next"]').length).toBe(0);
  });

  it("lists as related only what the previous and next links do not already show", () => {
    const related = (file: string) => {
      const $ = page(file);
      return $(".related .summary__title a")
        .map((_, link) => $(link).attr("href"))
        .get();
    };
    // Bravo (russia, united-states) follows Alpha (russia), its previous issue; Alpha (russia,
    // diplomacy) follows Old news (diplomacy), its previous issue: no related list repeats them.
    expect(related("2025/04/bravo/index.html")).toEqual([]);
    expect(related("2025/04/alpha/index.html")).toEqual([]);
    expect(page("2025/04/bravo/index.html")('.issue__neighbours a[rel="prev"]').attr("href")).toBe(
      "/2025/04/alpha/",
    );
  });

  it("publishes under /yyyy/mm/ of the date in the site's zone", () => {
    expect(site.read("2025/04/old-news/index.html")).toContain("Old news");
    expect(() => site.read("2025/03/old-news/index.html")).toThrow();
  });
});

describe("hashed assets", () => {
  it.each([
    [
      "the stylesheet, on every page",
      "index.html",
      'link[rel="stylesheet"]',
      "href",
      /^\/assets\/css\/site\.[0-9a-f]{10}\.css$/,
    ],
    [
      "the search script, on the search page",
      "search/index.html",
      "script[integrity]",
      "src",
      /^\/assets\/js\/search\.[0-9a-f]{10}\.js$/,
    ],
  ])(
    "publishes %s under a content-hashed name, with the integrity of the bytes served",
    (_name, file, selector, attribute, pattern) => {
      const element = page(file)(selector);
      expect(element).toHaveLength(1);
      const href = element.attr(attribute) ?? "";
      expect(href).toMatch(pattern);
      const bytes = readFileSync(path.join(site.output, href));
      expect(element.attr("integrity")).toBe(`sha384-${createHash("sha384").update(bytes).digest("base64")}`);
      expect(href).toContain(`.${createHash("sha256").update(bytes).digest("hex").slice(0, 10)}.`);
    },
  );
});

describe("JSON-LD", () => {
  it("describes an issue as a NewsArticle with dates, authors, image, dateline and publisher", () => {
    const $ = page("2025/04/bravo/index.html");
    const article = JSON.parse($('script[type="application/ld+json"]').text());
    // Bravo is an analysis: schema.org's subtype of NewsArticle for its type of work.
    expect(article["@type"]).toBe("AnalysisNewsArticle");
    expect(article.headline).toBe("Bravo: the property dispute");
    expect(article.description).toBe("The second fixture issue, with a photo and a correction.");
    expect(article.datePublished).toBe("2025-04-11T09:00:00+03:00");
    expect(article.dateModified).toBe("2025-04-11T12:00:00+03:00");
    // Each author with what _data/authors.ts says they know.
    expect(article.author).toEqual([
      {
        "@type": "Person",
        name: "Daniel Hart",
        url: "https://dateline.example/authors/daniel-hart/",
        knowsAbout: "Relations between Washington and Moscow (sample)",
        knowsLanguage: ["English"],
      },
      {
        "@type": "Person",
        name: "Ayşe Demir",
        url: "https://dateline.example/authors/ayse-demir/",
        knowsAbout: "Turkey and the diplomacy that passes through Istanbul (sample)",
        knowsLanguage: ["English"],
      },
    ]);
    // The 16:9, 4:3 and 1:1 crops, each with the credit.
    expect(
      article.image.map((image: { width: number; height: number }) => [image.width, image.height]),
    ).toEqual([
      [1600, 900],
      [1600, 1200],
      [1200, 1200],
    ]);
    for (const image of article.image) {
      expect(image.contentUrl).toMatch(
        /^https:\/\/dateline\.example\/photos\/2025\/istanbul-consulate-placeholder-(16x9|4x3|1x1)\.[0-9a-f]{8}\.jpg$/,
      );
      expect(image.creditText).toBe("Placeholder image — Dateline");
    }
    expect(article.publisher.logo.url).toBe("https://dateline.example/assets/logo.png");
    expect(page("2025/04/alpha/index.html")('script[type="application/ld+json"]').text()).toContain(
      '"dateline":"ISTANBUL"',
    );
  });
});

describe("listings", () => {
  const issueLinks = ($: CheerioAPI) =>
    $(".summary__title a, .lead-story__title a")
      .map((_, link) => $(link).attr("href"))
      .get();

  it("leads the home page with the newest issue, then the rest newest first", () => {
    const $ = page("index.html");
    expect($(".lead-story__title a").attr("href")).toBe("/2025/04/charlie/");
    expect(issueLinks($)).toEqual([
      "/2025/04/charlie/",
      "/2025/04/bravo/",
      "/2025/04/alpha/",
      "/2025/04/old-news/",
    ]);
  });

  it("lists on a topic page exactly the issues with that topic", () => {
    expect(issueLinks(page("topics/russia/index.html"))).toEqual(["/2025/04/bravo/", "/2025/04/alpha/"]);
    expect(issueLinks(page("topics/turkey/index.html"))).toEqual(["/2025/04/charlie/"]);
  });

  it("lists on an author page the issues they wrote or co-wrote", () => {
    expect(issueLinks(page("authors/daniel-hart/index.html"))).toEqual([
      "/2025/04/charlie/",
      "/2025/04/bravo/",
    ]);
  });

  it("groups the archive by year and month in the site's zone", () => {
    const $ = page("archive/index.html");
    expect($(".archive-year h2").first().text()).toBe("2025");
    expect(
      $(".archive-months a")
        .map((_, a) => `${$(a).attr("href")} ${$(a).text()}`)
        .get(),
    ).toEqual(["/archive/2025/#april April"]);
    // Old news is dated 31 March in UTC but 1 April in Istanbul: four April issues.
    expect(page("archive/2025/index.html")(".archive-issues a").length).toBe(4);
  });
});

describe("drafts and future issues", () => {
  it("are absent from every file of a production build", () => {
    const leaks = allFiles(site.output)
      .filter((file) => /\.(html|xml|json|txt)$/.test(file))
      .filter((file) =>
        /Secret draft headline|Future headline|secret-draft|future-issue/.test(readFileSync(file, "utf8")),
      );
    expect(leaks).toEqual([]);
  });

  it("appear in a preview build made with DATELINE_DRAFTS=1", () => {
    // The same project rebuilt as a preview: the drafts are in its sources all along.
    const project = copyOfSharedSite("standard");
    try {
      const preview = project.rebuild({ DATELINE_DRAFTS: "1" });
      expect(preview.status).toBe(0);
      expect(preview.read("2025/04/secret-draft/index.html")).toContain(
        "Draft — not published in production builds.",
      );
      expect(preview.read("2025/05/future-issue/index.html")).toContain("Future headline");
    } finally {
      project.remove();
    }
  });
});

describe("sitemaps and robots.txt", () => {
  it("list every issue in sitemap.xml with its last change as lastmod", () => {
    const $ = load(site.read("sitemap.xml"), { xml: true });
    const urls = $("url loc")
      .map((_, loc) => $(loc).text())
      .get();
    expect(urls).toContain("https://dateline.example/2025/04/bravo/");
    expect(urls.filter((url) => /\/2025\/0\d\//.test(url))).toHaveLength(4);
    const bravo = $("url").filter((_, url) => $(url).find("loc").text().endsWith("/bravo/"));
    expect(bravo.find("lastmod").text()).toBe("2025-04-11T12:00:00+03:00");
    expect(urls).not.toContain("https://dateline.example/404.html");
    // Every page of a paginated listing, not only the first.
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://dateline.example/topics/turkey/",
        "https://dateline.example/authors/daniel-hart/",
      ]),
    );
  });

  it("put only issues from the two days before the build time in the news sitemap", () => {
    const $ = load(site.read("news-sitemap.xml"), { xml: true });
    expect(
      $("url loc")
        .map((_, loc) => $(loc).text())
        .get(),
    ).toEqual(["https://dateline.example/2025/04/charlie/", "https://dateline.example/2025/04/bravo/"]);
    expect($("url").first().find("news\\:publication_date").text()).toBe("2025-04-12T11:00:00+03:00");
  });

  it("point crawlers at both sitemaps", () => {
    expect(site.read("robots.txt")).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://dateline.example/sitemap.xml\nSitemap: https://dateline.example/news-sitemap.xml\n",
    );
  });
});
