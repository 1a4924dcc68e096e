/**
 * The JSON-LD check: each block parses, each NewsArticle (top level, in an array or in `@graph`)
 * carries what search engines need, and the files it points at on the site exist.
 */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { makeSite } from "../../lib/checks/site.ts";
import { jsonLdFacts, structuredDataProblems } from "../../lib/checks/structured-data.ts";

const ORIGIN = "https://dateline.example";
const PAGE = "2025/04/alpha/index.html";
const site = makeSite(
  "/nowhere",
  [PAGE, "authors/ayse-demir/index.html", "assets/logo.png", "photos/a.jpg"],
  ORIGIN,
);

type Json = Record<string, unknown>;

/** A NewsArticle the check passes: every file it names is on the site. */
const ARTICLE: Json = {
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  headline: "Alpha",
  description: "The first issue.",
  datePublished: "2025-04-10T16:30:00+03:00",
  dateModified: "2025-04-10T16:30:00+03:00",
  author: [{ "@type": "Person", name: "Ayşe Demir", url: `${ORIGIN}/authors/ayse-demir/` }],
  image: [{ "@type": "ImageObject", contentUrl: `${ORIGIN}/photos/a.jpg` }],
  publisher: {
    "@type": "NewsMediaOrganization",
    name: "Dateline",
    logo: { url: `${ORIGIN}/assets/logo.png` },
  },
};

const script = (json: string): string => `<script type="application/ld+json">${json}</script>`;

function problemsOf(...blocks: string[]): string[] {
  const facts = { jsonLd: jsonLdFacts(load(`<html><head>${blocks.join("")}</head><body></body></html>`)) };
  return structuredDataProblems(site, PAGE, facts);
}

/** The article with some properties replaced, or removed where the value is undefined. */
function articleWith(changes: Json): string {
  const article: Json = { ...ARTICLE, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete article[key];
  return script(JSON.stringify(article));
}

describe("structuredDataProblems", () => {
  it.each<[string, Json, string[]]>([
    ["a complete article", {}, []],
    ["no headline", { headline: undefined }, ["headline: missing"]],
    ["a blank description", { description: "  " }, ["description: missing"]],
    [
      "dates without an offset, which a crawler would read in its own zone",
      { datePublished: "2025-04-10T16:30:00", dateModified: "2025-04-10T16:30:00" },
      [
        'datePublished: "2025-04-10T16:30:00" is not an ISO 8601 date-time with an offset',
        'dateModified: "2025-04-10T16:30:00" is not an ISO 8601 date-time with an offset',
      ],
    ],
    [
      "a date that is not a date",
      { datePublished: "yesterday" },
      ['datePublished: "yesterday" is not an ISO 8601 date-time with an offset'],
    ],
    [
      "a date given as a number",
      { dateModified: 1744291800 },
      ["dateModified: 1744291800 is not an ISO 8601 date-time with an offset"],
    ],
    [
      "a UTC date and one with a compact offset",
      { datePublished: "2025-04-10T13:30Z", dateModified: "2025-04-10T16:30:00+0300" },
      [],
    ],
    ["no dateModified", { dateModified: undefined }, ["dateModified: missing"]],
    [
      "modified before published",
      { dateModified: "2025-04-09T10:00:00+03:00" },
      ["dateModified 2025-04-09T10:00:00+03:00 is before datePublished 2025-04-10T16:30:00+03:00"],
    ],
    ["no author", { author: undefined }, ["author: missing"]],
    ["an author that is a string", { author: "Ayşe Demir" }, ["author: not a non-empty array of Person"]],
    ["an empty author list", { author: [] }, ["author: not a non-empty array of Person"]],
    [
      "authors that are not whole Persons",
      { author: [{ "@type": "Organization" }, { "@type": "Person", name: "", url: "/authors/x/" }] },
      [
        "author[0]: not a Person",
        "author[1]: no name",
        "author[1]: no absolute url",
        // A relative author URL still names a page, which the site lacks.
        "author url /authors/x/ has no file (authors/x/index.html)",
      ],
    ],
    ["no image", { image: undefined }, ["image: missing"]],
    ["an empty image list", { image: [] }, ["image: missing"]],
    ["no publisher", { publisher: undefined }, ["publisher: missing"]],
    [
      "a publisher without name or logo",
      { publisher: { "@type": "Organization" } },
      ["publisher: no name", "publisher: no logo"],
    ],
    [
      "a publisher logo given as a URL",
      { publisher: { name: "Dateline", logo: `${ORIGIN}/assets/logo.png` } },
      [],
    ],
    [
      "an image, author page and logo the site does not have",
      {
        image: `${ORIGIN}/photos/gone.jpg`,
        author: [{ "@type": "Person", name: "X", url: `${ORIGIN}/authors/x/` }],
        publisher: { name: "Dateline", logo: { url: `${ORIGIN}/assets/gone.png` } },
      },
      [
        `image ${ORIGIN}/photos/gone.jpg has no file (photos/gone.jpg)`,
        `author url ${ORIGIN}/authors/x/ has no file (authors/x/index.html)`,
        `publisher logo ${ORIGIN}/assets/gone.png has no file (assets/gone.png)`,
      ],
    ],
    ["images on another origin, which the check leaves alone", { image: ["https://cdn.example/a.jpg"] }, []],
  ])("%s", (_name, changes, expected) => {
    expect(problemsOf(articleWith(changes))).toEqual(expected.map((problem) => `NewsArticle: ${problem}`));
  });

  it("finds NewsArticles in arrays, in @graph and with several types, and ignores other types", () => {
    const broken = { ...ARTICLE, headline: "" };
    expect(
      problemsOf(
        script(JSON.stringify([broken, { "@type": "WebPage" }])),
        script(JSON.stringify({ "@graph": [{ ...broken, "@type": ["NewsArticle", "Article"] }] })),
        script(JSON.stringify({ "@type": "BreadcrumbList" })),
      ),
    ).toEqual(["NewsArticle: headline: missing", "NewsArticle: headline: missing"]);
  });

  it.each([
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "ReportageNewsArticle",
  ])("checks a %s as a NewsArticle", (type) => {
    expect(problemsOf(script(JSON.stringify({ ...ARTICLE, "@type": type })))).toEqual([]);
    expect(problemsOf(script(JSON.stringify({ ...ARTICLE, "@type": type, headline: "" })))).toEqual([
      "NewsArticle: headline: missing",
    ]);
  });

  it("names the block that does not parse, by its position", () => {
    const [problem, ...rest] = problemsOf(articleWith({}), script("{,}"));
    expect(problem).toMatch(/^JSON-LD block 2 does not parse: /);
    expect(rest).toEqual([]);
  });

  it("reads nothing from a script of another type", () => {
    expect(jsonLdFacts(load('<script type="application/json">{,}</script><script>{,}</script>'))).toEqual([]);
  });
});
