/**
 * People, places and organisations on a real built site (lib/entities.ts, lib/views/entities.ts,
 * src/entities/): each entity's page and its pagination, its Atom feed, the indexes, the
 * "In this issue" box with its search filters, JSON-LD `mentions` with `sameAs`, the sitemap,
 * the mention warning, and the build's exact messages for bad records and unknown ids.
 */
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../lib/shared/problems.ts";
import { runFixturePipeline } from "./helpers/fixture-pipeline.ts";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";

/** 1 May 2025, 00:00 UTC: after every fixture issue. */
const EPOCH = 1746057600;

/** The Wikidata sandbox item: a real id that stands for nothing, for tests only. */
const SANDBOX = "Q4115189";

const PEOPLE = `import type { People } from "../lib/contract/entities.ts";
const people: People = {
  "alexander-darchiev": {
    name: "Alexander Darchiev",
    role: "Ambassador",
    description: "Russia's new ambassador to Washington.",
    asOf: "2025-04-10",
    aliases: ["Darchiev"],
    wikidata: "${SANDBOX}",
  },
  "sonata-coulter": {
    name: "Sonata Coulter",
    role: "Deputy Assistant Secretary of State",
    organisation: "us-state-department",
    description: "A US deputy assistant secretary of state.",
    asOf: "2025-04-10",
    aliases: ["Coulter"],
  },
};
export default people;
`;

const PLACES = `import type { Places } from "../lib/contract/entities.ts";
const places: Places = {
  istanbul: { name: "Istanbul", country: "Turkey", description: "Where the talks were held.", asOf: "2025-04-10" },
};
export default places;
`;

const ORGANISATIONS = `import type { Organisations } from "../lib/contract/entities.ts";
const organisations: Organisations = {
  "us-state-department": {
    name: "US State Department",
    description: "Said the talks were </script><!-- only about embassies & nothing else.",
    asOf: "2025-04-10",
    aliases: ["State Department"],
  },
};
export default organisations;
`;

const DATA_FILES = {
  "_data/people.ts": PEOPLE,
  "_data/places.ts": PLACES,
  "_data/organisations.ts": ORGANISATIONS,
};

const base = { dek: "Standfirst.", authors: ["ayse-demir"], topics: ["russia"] };

/**
 * Twenty issues naming Darchiev, two pages' worth at ten a page: 1–9 March and 1–11 April 2025;
 * the last also names Istanbul.
 */
function darchievIssues(): Record<string, string> {
  const march = Array.from({ length: 9 }, (_, index) => {
    const day = String(index + 1).padStart(2, "0");
    return [
      `2025/darchiev-march-${day}.md`,
      issueFile(
        {
          ...base,
          title: `Darchiev, March ${day}`,
          date: `2025-03-${day}T09:00:00+03:00`,
          people: ["alexander-darchiev"],
        },
        "Darchiev spoke.",
      ),
    ];
  });
  return Object.fromEntries([
    ...march,
    ...Array.from({ length: 11 }, (_, index) => {
      const day = String(index + 1).padStart(2, "0");
      const extra = index === 10 ? { places: ["istanbul"], organisations: ["us-state-department"] } : {};
      return [
        `2025/darchiev-${day}.md`,
        issueFile(
          {
            ...base,
            title: `Darchiev, day ${day}`,
            date: `2025-04-${day}T09:00:00+03:00`,
            people: ["alexander-darchiev"],
            ...extra,
          },
          index === 10
            ? "Alexander Darchiev spoke in Istanbul, the State Department said."
            : "Darchiev spoke.",
        ),
      ];
    }),
  ]);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === "entry" || name === "link",
});

function jsonLd(html: string): Record<string, unknown>[] {
  const $ = cheerio.load(html);
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => JSON.parse($(script).text()) as Record<string, unknown>);
}

describe("a site whose issues name people, places and organisations", () => {
  let site: FixtureSite;

  beforeAll(() => {
    site = buildFixtureSite({
      epoch: EPOCH,
      files: DATA_FILES,
      issues: {
        ...darchievIssues(),
        // Names Coulter in the body without listing her: a warning, not an error.
        "2025/unlisted.md": issueFile(
          { ...base, title: "Who else was there", date: "2025-04-12T09:00:00+03:00" },
          "Sonata Coulter led the American side.",
        ),
      },
    });
  }, 180_000);

  afterAll(() => site.remove());

  it("builds with no problems, warning about the name the body holds but the issue does not list", () => {
    expect(site.status, site.stderr).toBe(0);
    expect(site.stdout).toContain(": 0 problems.");
    const warnings = `${site.stdout}\n${site.stderr}`
      .split("\n")
      .filter((line) => line.startsWith("warning:"));
    expect(warnings).toEqual([
      'warning: src/issues/2025/unlisted.md: people: the body names "Sonata Coulter" but people does not list sonata-coulter — add sonata-coulter to people if the issue is about them, or ignore this warning',
    ]);
  });

  it("lists every issue naming a person on their page, newest first, ten to a page", () => {
    const $ = cheerio.load(site.read("people/alexander-darchiev/index.html"));
    expect($("h1").text()).toBe("Alexander Darchiev");
    expect($(".listing-intro").text()).toContain(
      "Russia’s new ambassador to Washington. As of 10 April 2025.",
    );
    const titles = $(".summary__title a")
      .toArray()
      .map((link) => $(link).text());
    expect(titles).toEqual(
      Array.from({ length: 10 }, (_, index) => `Darchiev, day ${String(11 - index).padStart(2, "0")}`),
    );
    expect($('a[rel="next"], .pagination a').last().attr("href")).toBe("/people/alexander-darchiev/page/1/");
    // The older page, numbered from the oldest: the ten oldest, newest first, linked back.
    const older = cheerio.load(site.read("people/alexander-darchiev/page/1/index.html"));
    expect(
      older(".summary__title a")
        .toArray()
        .map((link) => older(link).text()),
    ).toEqual([
      "Darchiev, day 01",
      ...Array.from({ length: 9 }, (_, index) => `Darchiev, March ${String(9 - index).padStart(2, "0")}`),
    ]);
    expect(older("title").text()).toBe("Alexander Darchiev — older issues, page 1 · Dateline");
    expect(older('.pagination a[rel="prev"]').attr("href")).toBe("/people/alexander-darchiev/");
    expect(() => site.read("people/alexander-darchiev/page/2/index.html")).toThrow(/ENOENT/);
  });

  it("shows a person's role and organisation, and a person no issue lists yet", () => {
    const $ = cheerio.load(site.read("people/sonata-coulter/index.html"));
    expect($(".kicker").first().text()).toBe("Deputy Assistant Secretary of State, US State Department");
    expect($(".kicker a").attr("href")).toBe("/organisations/us-state-department/");
    expect($("main").text()).toContain("No issues name Sonata Coulter yet.");
  });

  it("gives each entity an Atom feed with only the issues that list it, advertised on its page", () => {
    const feed = parser.parse(site.read("people/alexander-darchiev/feed.xml")).feed;
    expect(feed.title["#text"]).toBe("Dateline: Alexander Darchiev");
    expect(feed.entry).toHaveLength(20);
    expect(feed.entry[0].title["#text"]).toBe("Darchiev, day 11");
    const place = parser.parse(site.read("places/istanbul/feed.xml")).feed;
    expect(place.entry.map((entry: { title: { "#text": string } }) => entry.title["#text"])).toEqual([
      "Darchiev, day 11",
    ]);
    const empty = parser.parse(site.read("people/sonata-coulter/feed.xml")).feed;
    expect(empty.entry ?? []).toEqual([]);
    const $ = cheerio.load(site.read("people/alexander-darchiev/index.html"));
    expect($('link[rel="alternate"][href$="/people/alexander-darchiev/feed.xml"]').attr("title")).toBe(
      "Dateline: Alexander Darchiev (Atom)",
    );
  });

  it("lists each kind on its index, by name, with how many issues name each", () => {
    const $ = cheerio.load(site.read("people/index.html"));
    expect(
      $(".entity-list li")
        .toArray()
        .map((item) => $(item).text().replace(/\s+/g, " ").trim()),
    ).toEqual([
      "Alexander Darchiev — Russia’s new ambassador to Washington. (20 issues)",
      "Sonata Coulter — A US deputy assistant secretary of state. (0 issues)",
    ]);
    expect(cheerio.load(site.read("places/index.html"))(".entity-list a").attr("href")).toBe(
      "/places/istanbul/",
    );
    expect(cheerio.load(site.read("organisations/index.html"))("h1").text()).toBe("Organisations");
    const topics = cheerio.load(site.read("topics/index.html"));
    expect(
      topics("main a")
        .toArray()
        .map((link) => topics(link).attr("href"))
        .slice(-3),
    ).toEqual(["/people/", "/places/", "/organisations/"]);
  });

  it("links each entity an issue names from its In this issue box, each link a search filter", () => {
    const $ = cheerio.load(site.read("2025/04/darchiev-11/index.html"));
    const links = $(".in-this-issue dd a")
      .toArray()
      .map((link) => [$(link).attr("href"), $(link).attr("data-pagefind-filter"), $(link).text()]);
    expect(links).toEqual([
      ["/people/alexander-darchiev/", "person", "Alexander Darchiev"],
      ["/places/istanbul/", "place", "Istanbul"],
      ["/organisations/us-state-department/", "organisation", "US State Department"],
    ]);
    expect($(".in-this-issue").closest("[data-pagefind-body]").length).toBe(1);
    expect(cheerio.load(site.read("2025/04/unlisted/index.html"))(".in-this-issue").length).toBe(0);
  });

  it("lists the entities as JSON-LD mentions, with sameAs for a Wikidata id", () => {
    const [article] = jsonLd(site.read("2025/04/darchiev-11/index.html"));
    expect(article?.mentions).toEqual([
      {
        "@type": "Person",
        name: "Alexander Darchiev",
        url: "https://dateline.example/people/alexander-darchiev/",
        sameAs: `https://www.wikidata.org/wiki/${SANDBOX}`,
      },
      { "@type": "Place", name: "Istanbul", url: "https://dateline.example/places/istanbul/" },
      {
        "@type": "Organization",
        name: "US State Department",
        url: "https://dateline.example/organisations/us-state-department/",
      },
    ]);
    expect(jsonLd(site.read("2025/04/unlisted/index.html"))[0]).not.toHaveProperty("mentions");
  });

  it("gives each entity page its own JSON-LD, escaped inside the script element", () => {
    const [person] = jsonLd(site.read("people/alexander-darchiev/index.html"));
    expect(person).toMatchObject({
      "@type": "CollectionPage",
      url: "https://dateline.example/people/alexander-darchiev/",
      mainEntity: {
        "@type": "Person",
        name: "Alexander Darchiev",
        jobTitle: "Ambassador",
        sameAs: `https://www.wikidata.org/wiki/${SANDBOX}`,
      },
    });
    const [place] = jsonLd(site.read("places/istanbul/index.html"));
    expect(place?.mainEntity).toMatchObject({
      "@type": "Place",
      containedInPlace: { "@type": "Country", name: "Turkey" },
    });
    const html = site.read("organisations/us-state-department/index.html");
    const [organisation] = jsonLd(html);
    expect(organisation?.description).toBe(
      "Said the talks were </script><!-- only about embassies & nothing else.",
    );
    const script = html.slice(html.indexOf("application/ld+json"));
    expect(script.slice(0, script.indexOf("</script>"))).not.toContain("<!--");
  });

  it("puts every entity page in the sitemap", () => {
    const sitemap = site.read("sitemap.xml");
    for (const url of [
      "/people/",
      "/people/alexander-darchiev/",
      "/people/alexander-darchiev/page/1/",
      "/people/sonata-coulter/",
      "/places/",
      "/places/istanbul/",
      "/organisations/",
      "/organisations/us-state-department/",
    ]) {
      expect(sitemap).toContain(`<loc>https://dateline.example${url}</loc>`);
    }
  });

  it("offers the search page's filters, only for entities an issue names, hidden and off until its script runs", () => {
    const $ = cheerio.load(site.read("search/index.html"));
    // Without JavaScript the form submits ?q= alone, as before: disabled controls are not sent.
    expect($("fieldset.search-filters").attr("hidden")).toBeDefined();
    expect($("fieldset.search-filters").attr("disabled")).toBeDefined();
    expect($("form.search-form").attr("method")).toBe("get");
    const selects = $(".search-filters select")
      .toArray()
      .map((select) => [
        $(select).attr("name"),
        $(select)
          .find("option")
          .toArray()
          .map((option) => $(option).attr("value")),
      ]);
    expect(selects).toEqual([
      ["person", ["", "Alexander Darchiev"]],
      ["place", ["", "Istanbul"]],
      ["organisation", ["", "US State Department"]],
    ]);
    expect($("#search-fallback").text()).toContain("Search needs JavaScript");
  });
});

/**
 * What the content stage makes of bad records and unknown ids, run as the build runs it
 * (tests/helpers/fixture-pipeline.ts): a build prints `Build failed: ` and the ContentError's
 * message, as tests/bad-input.test.ts shows on a real build.
 */
describe("mistakes in entities stop the build with exact messages", () => {
  it("names the data file and the field of a bad record", async () => {
    const result = await runFixturePipeline({
      epoch: EPOCH,
      files: {
        ...DATA_FILES,
        "_data/places.ts": `export default { istanbul: { name: "Istanbul", description: "A city.", asOf: "10 April 2025", wikidata: "Istanbul" } };\n`,
        "_data/people.ts": PEOPLE.replace(
          'organisation: "us-state-department"',
          'organisation: "state-department"',
        ),
      },
      issues: { "2025/a.md": issueFile({ ...base, title: "A", date: "2025-04-10T09:00:00+03:00" }) },
    });
    expect(result.views).toBeUndefined();
    expect(new ContentError(result.problems).message).toBe(
      [
        "4 problems in the content:",
        "_data/places.ts: istanbul.asOf: must be a date written 2025-04-10 (year-month-day)",
        "_data/places.ts: istanbul.wikidata: must be a Wikidata id like Q42 — leave it out unless you are certain",
        "_data/places.ts: istanbul.country: required — the country it is in, e.g. Turkey",
        '_data/people.ts: sonata-coulter.organisation: "state-department" is not in _data/organisations.ts — did you mean "us-state-department"?',
      ].join("\n"),
    );
  });

  it("gives an unknown id in an issue a did-you-mean", async () => {
    const result = await runFixturePipeline({
      epoch: EPOCH,
      files: DATA_FILES,
      issues: {
        "2025/a.md": issueFile({
          ...base,
          title: "A",
          date: "2025-04-10T09:00:00+03:00",
          people: ["alexander-darchev"],
          places: ["istambul"],
          organisations: ["nato"],
        }),
      },
    });
    expect(result.views).toBeUndefined();
    expect(new ContentError(result.problems).message).toBe(
      [
        "3 problems in the content:",
        'src/issues/2025/a.md: people.0: "alexander-darchev" is not in _data/people.ts — did you mean "alexander-darchiev"?',
        'src/issues/2025/a.md: places.0: "istambul" is not in _data/places.ts — did you mean "istanbul"?',
        'src/issues/2025/a.md: organisations.0: "nato" is not in _data/organisations.ts — the organisation ids are us-state-department; to add one, give it a name, a description and asOf in _data/organisations.ts',
      ].join("\n"),
    );
  });
});
