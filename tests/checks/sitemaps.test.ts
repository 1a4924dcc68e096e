/**
 * The sitemap check: which XML is a sitemap, the protocol's limits, and which `<loc>` (and which
 * robots.txt `Sitemap:` line) a crawler would find no file behind.
 */
import { describe, expect, it } from "vitest";
import { type Budgets, DEFAULT_BUDGETS } from "../../lib/checks/budgets.ts";
import { type BuiltSite, makeSite } from "../../lib/checks/site.ts";
import {
  readSitemap,
  robotsProblems,
  type SitemapFacts,
  sitemapProblems,
} from "../../lib/checks/sitemaps.ts";
import { parseXml } from "../../lib/checks/xml.ts";

const ORIGIN = "https://dateline.example";
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const FILES = ["index.html", "2025/04/alpha/index.html", "sitemap.xml", "feed.xml"];
const site = makeSite("/nowhere", FILES, ORIGIN);

function facts(xml: string, budgets: Budgets = DEFAULT_BUDGETS): SitemapFacts | undefined {
  const parsed = parseXml(xml);
  if ("error" in parsed) throw new Error(parsed.error);
  return readSitemap(parsed.root, Buffer.byteLength(xml), budgets);
}

const urlset = (...locs: string[]): string =>
  `<urlset ${NS}>${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join("")}</urlset>`;

describe("readSitemap", () => {
  it.each([
    [
      "a urlset",
      urlset(`${ORIGIN}/`, ` ${ORIGIN}/2025/04/alpha/ `),
      { kind: "urlset", locs: [`${ORIGIN}/`, `${ORIGIN}/2025/04/alpha/`], problems: [] },
    ],
    [
      "a sitemap index",
      `<sitemapindex ${NS}><sitemap><loc>${ORIGIN}/sitemap.xml</loc></sitemap></sitemapindex>`,
      { kind: "sitemapindex", locs: [`${ORIGIN}/sitemap.xml`], problems: [] },
    ],
    [
      "an entry without <loc>, or with an empty one",
      `<urlset ${NS}><url></url><url><loc> </loc></url></urlset>`,
      { kind: "urlset", locs: [null, null], problems: [] },
    ],
    ["a urlset outside the sitemap namespace", "<urlset><url><loc>x</loc></url></urlset>", undefined],
    ["an Atom feed", '<feed xmlns="http://www.w3.org/2005/Atom"></feed>', undefined],
  ])("reads %s", (_name, xml, expected) => {
    expect(facts(xml)).toEqual(expected);
  });

  it.each([
    [
      "more URLs than the protocol allows",
      urlset(`${ORIGIN}/`, `${ORIGIN}/`, `${ORIGIN}/`),
      { ...DEFAULT_BUDGETS, sitemapUrls: 2 },
      ["lists 3 URLs, over the protocol's limit of 2 — split it with a sitemap index"],
    ],
    [
      "more bytes than the protocol allows",
      urlset(`${ORIGIN}/`),
      { ...DEFAULT_BUDGETS, sitemapBytes: 100 },
      [
        `is ${Buffer.byteLength(urlset(`${ORIGIN}/`))} bytes (0.1 KB), over the 0.1 KB budget — split it with a sitemap index`,
      ],
    ],
    ["exactly the limits", urlset(`${ORIGIN}/`, `${ORIGIN}/`), { ...DEFAULT_BUDGETS, sitemapUrls: 2 }, []],
  ])("reports %s", (_name, xml, budgets, expected) => {
    expect(facts(xml, budgets)?.problems).toEqual(expected);
  });
});

describe("sitemapProblems", () => {
  it.each([
    ["pages of the site", urlset(`${ORIGIN}/`, `${ORIGIN}/2025/04/alpha/`, `${ORIGIN}/2025/04/alpha`), []],
    [
      "a page that is not there",
      urlset(`${ORIGIN}/2025/04/gone/`),
      [`<loc>${ORIGIN}/2025/04/gone/</loc> has no page (no file 2025/04/gone/index.html)`],
    ],
    [
      "a file that is not a page",
      urlset(`${ORIGIN}/feed.xml`),
      [`<loc>${ORIGIN}/feed.xml</loc> is not a page (feed.xml)`],
    ],
    [
      "another origin",
      urlset("https://example.org/"),
      ["<loc>https://example.org/</loc> is not on https://dateline.example"],
    ],
    ["a relative URL", urlset("/2025/04/alpha/"), ["<loc>/2025/04/alpha/</loc> is not an absolute URL"]],
    ["an entry without <loc>", `<urlset ${NS}><url></url></urlset>`, ["<url> without <loc>"]],
    [
      "a sitemap index naming a missing sitemap and a present one",
      `<sitemapindex ${NS}><sitemap><loc>${ORIGIN}/sitemap-2.xml</loc></sitemap><sitemap><loc>${ORIGIN}/sitemap.xml</loc></sitemap><sitemap/></sitemapindex>`,
      [`<loc>${ORIGIN}/sitemap-2.xml</loc> is missing (no file sitemap-2.xml)`, "<sitemap> without <loc>"],
    ],
  ])("%s", (_name, xml, expected) => {
    const read = facts(xml);
    if (!read) throw new Error("not a sitemap");
    expect(sitemapProblems(site, read)).toEqual(expected);
  });

  it("puts the file's own problems after its entries'", () => {
    const read = facts(urlset("/a/", `${ORIGIN}/`, `${ORIGIN}/`), { ...DEFAULT_BUDGETS, sitemapUrls: 2 });
    if (!read) throw new Error("not a sitemap");
    expect(sitemapProblems(site, read)).toEqual([
      "<loc>/a/</loc> is not an absolute URL",
      "lists 3 URLs, over the protocol's limit of 2 — split it with a sitemap index",
    ]);
  });
});

describe("robotsProblems", () => {
  const withRobots = (robots: string | undefined): BuiltSite => {
    const files = robots === undefined ? FILES : [...FILES, "robots.txt"];
    return { ...makeSite("/nowhere", files, ORIGIN), read: () => robots ?? "" };
  };

  it.each([
    ["no robots.txt", undefined, []],
    ["a Sitemap line for a sitemap the site has", `User-agent: *\nSitemap: ${ORIGIN}/sitemap.xml\n`, []],
    [
      "Sitemap lines in any case for missing and foreign sitemaps",
      `sitemap: ${ORIGIN}/news-sitemap.xml\n  SITEMAP:https://example.org/sitemap.xml\nAllow: /\n`,
      [
        `Sitemap: ${ORIGIN}/news-sitemap.xml is missing (no file news-sitemap.xml)`,
        "Sitemap: https://example.org/sitemap.xml is not on https://dateline.example",
      ],
    ],
  ])("%s", (_name, robots, messages) => {
    expect(robotsProblems(withRobots(robots))).toEqual(
      messages.map((message) => ({ file: "robots.txt", message })),
    );
  });
});
