/**
 * What an issue page says of how it was reported and what kind of work it is, as a reader and a
 * search engine get it from the built fixture site: the type label linked to its definition, the
 * "How we reported this" box, the Sources list, and the JSON-LD that says the same.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractFromXml } from "@extractus/feed-extractor";
import { type CheerioAPI, load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { sharedSite } from "./helpers/shared-fixtures.ts";

let site: FixtureSite;
beforeAll(() => {
  site = sharedSite("standard");
});

const page = (file: string): CheerioAPI => load(readFileSync(path.join(site.output, file), "utf8"));
const jsonLd = ($: CheerioAPI) => JSON.parse($('script[type="application/ld+json"]').first().text());

describe("an issue's type of work", () => {
  it.each([
    ["2025/04/alpha/index.html", "briefing", "Briefing", "NewsArticle"],
    ["2025/04/bravo/index.html", "analysis", "Analysis", "AnalysisNewsArticle"],
    ["2025/04/charlie/index.html", "opinion", "Opinion", "OpinionNewsArticle"],
  ])("%s is labelled %s, linked to its definition, and is a schema.org %s", (file, id, label, type) => {
    const $ = page(file);
    const link = $(".issue__header .kicker .work-type");
    expect(link.text()).toBe(label);
    expect(link.attr("href")).toBe(`/about/#${id}`);
    expect(jsonLd($)["@type"]).toBe(type);
    expect($("article.issue").hasClass(`issue--${id}`)).toBe(true);
  });

  it("defines each type on the about page, where the labels lead", () => {
    const $ = page("about/index.html");
    for (const id of ["news", "analysis", "opinion", "explainer", "review", "briefing"])
      expect($(`h3#${id}`).next("p").text().length).toBeGreaterThan(20);
  });

  it("sets an opinion card apart on the listings, not only by its word", () => {
    const $ = page("index.html");
    const card = $(".summary--opinion, .lead-story--opinion");
    expect(card.length).toBe(1);
    expect(card.find(".work-type--opinion").text()).toBe("Opinion");
  });
});

describe("how an issue was reported", () => {
  it("opens with the backstory and the count of unnamed sources, linked to the policy", () => {
    const $ = page("2025/04/bravo/index.html");
    const box = $("aside.reporting");
    expect(box.find("h2").text()).toBe("How we reported this");
    expect(box.find("p").first().html()).toBe(
      "We read the <em>fixture</em> statements; we saw nothing first-hand.",
    );
    expect(box.find(".reporting__unnamed").text().replace(/\s+/g, " ")).toBe(
      "This issue relies on 1 source we do not name. When we grant anonymity",
    );
    expect(box.find(".reporting__unnamed a").attr("href")).toBe("/about/#unnamed-sources");
    expect(page("about/index.html")("#unnamed-sources").length).toBe(1);
    expect(page("2025/04/alpha/index.html")("aside.reporting").length).toBe(0);
  });

  it("lists the sources at the foot and cites them in JSON-LD with the archived copy", () => {
    const $ = page("2025/04/bravo/index.html");
    const items = $("section.sources li");
    expect(items.map((_, item) => $(item).text().replace(/\s+/g, " ")).get()).toEqual([
      "The fixture ministry’s statement, Fixture ministry, 10 April 2025 (archived copy)",
    ]);
    expect(items.find("a").first().attr("href")).toBe("https://example.org/fixture-statement");
    expect(items.find("a").last().attr("href")).toBe("https://example.org/archive/fixture-statement");
    const article = jsonLd($);
    expect(article.citation).toEqual([
      {
        "@type": "CreativeWork",
        name: "The fixture ministry’s statement",
        url: "https://example.org/fixture-statement",
        publisher: { "@type": "Organization", name: "Fixture ministry" },
        datePublished: "2025-04-10",
        archivedAt: "https://example.org/archive/fixture-statement",
      },
    ]);
    expect(article.backstory).toBe("We read the fixture statements; we saw nothing first-hand.");
  });
});

describe("who we are", () => {
  it("publishes trust.txt from _data/site.ts, its values absolute", () => {
    expect(readFileSync(path.join(site.output, "trust.txt"), "utf8")).toBe(
      [
        "# trust.txt of Dateline",
        "contact=https://dateline.example/about/#feedback",
        "disclosure=https://dateline.example/about/#ethics",
        "datatrainingallowed=no",
        "",
      ].join("\n"),
    );
  });

  it("links every policy from the publisher's JSON-LD, each to a section the site has", () => {
    const publisher = jsonLd(page("2025/04/alpha/index.html")).publisher;
    const policies = {
      correctionsPolicy: "/about/#corrections",
      publishingPrinciples: "/about/#principles",
      masthead: "/masthead/",
      ethicsPolicy: "/about/#ethics",
      diversityPolicy: "/about/#diversity",
      unnamedSourcesPolicy: "/about/#unnamed-sources",
      verificationFactCheckingPolicy: "/about/#verification",
      actionableFeedbackPolicy: "/about/#feedback",
      ownershipFundingInfo: "/about/#ownership",
    };
    expect(publisher["@type"]).toBe("NewsMediaOrganization");
    for (const [property, target] of Object.entries(policies)) {
      expect(publisher[property]).toBe(`https://dateline.example${target}`);
      const [pagePath, id] = target.split("#");
      const $ = page(`${(pagePath ?? "/").slice(1)}index.html`);
      if (id) expect($(`#${id}`).length).toBe(1);
    }
  });

  it("gives an author's page their expertise and languages, and a ProfilePage saying the same", () => {
    const $ = page("authors/ayse-demir/index.html");
    expect(
      $(".author-facts dt")
        .map((_, term) => $(term).text())
        .get(),
    ).toEqual(["Expertise", "Languages"]);
    expect($(".author-facts dd").last().text()).toBe("English");
    const profile = jsonLd($);
    expect(profile["@type"]).toBe("ProfilePage");
    expect(profile.mainEntity).toMatchObject({
      "@type": "Person",
      name: "Ayşe Demir",
      knowsAbout: "Turkey and the diplomacy that passes through Istanbul (sample)",
      knowsLanguage: ["English"],
    });
  });
});

describe("corrections since the last issue", () => {
  const BLOCK = "Corrections since the last issue";
  // Bravo's correction (11 April, 12:00 in Istanbul) came after bravo went out and before charlie.
  it("opens the foot of the next issue's email, and of no other", () => {
    const email = (slug: string) =>
      readFileSync(path.join(site.output, `2025/04/${slug}/email.html`), "utf8");
    const $ = load(email("charlie"));
    const item = $("h2")
      .filter((_, heading) => $(heading).text() === BLOCK)
      .parent()
      .find("li");
    expect(item.text()).toBe(
      "Bravo: the property dispute, 11 April 2025, 12:00 GMT+3: An earlier version misspelt a name.",
    );
    expect(item.find("a").attr("href")).toBe("https://dateline.example/2025/04/bravo/#correction-1");
    expect(readFileSync(path.join(site.output, "2025/04/charlie/email.txt"), "utf8")).toContain(
      `${BLOCK}\n\nBravo`,
    );
    for (const slug of ["alpha", "bravo"]) expect(email(slug)).not.toContain(BLOCK);
  });

  it("is in the next issue's content:encoded, as an RSS-to-email service reads it", () => {
    const feed = extractFromXml(readFileSync(path.join(site.output, "rss.xml"), "utf8"), {
      getExtraEntryFields: (item) => ({
        content: String((item as Record<string, unknown>)["content:encoded"]),
      }),
    });
    const contentOf = (slug: string) =>
      String(feed.entries?.find((entry) => entry.link?.endsWith(`/2025/04/${slug}/`))?.content ?? "");
    const charlie = load(contentOf("charlie"));
    expect(charlie("h2").last().text()).toBe(BLOCK);
    expect(charlie("li").last().find("a").attr("href")).toBe(
      "https://dateline.example/2025/04/bravo/#correction-1",
    );
    expect(contentOf("alpha")).not.toBe("");
    expect(contentOf("alpha")).not.toContain(BLOCK);
  });
});
