import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import {
  renderNewsSitemap,
  renderRobots,
  renderSitemap,
  renderSitemaps,
  selectNewsEntries,
  toNewsLanguage,
} from "../lib/outputs/sitemaps.ts";
import { escapeXml } from "../lib/shared/xml.ts";

const SITE = "https://dateline.example";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** Throws on the first well-formedness or namespace error; returns the root's namespace. */
function assertWellFormed(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let rootNamespace: string | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    rootNamespace ??= tag.uri;
  });
  parser.write(xml).close();
  return rootNamespace;
}

function parseXml(xml: string): Record<string, unknown> {
  return new XMLParser({ ignoreAttributes: false }).parse(xml) as Record<string, unknown>;
}

/** fast-xml-parser gives one child as an object and several as an array. */
function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

interface ParsedUrl {
  loc: string;
  lastmod?: string;
  "news:news"?: {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
}

function parseUrls(xml: string): ParsedUrl[] {
  const urlset = parseXml(xml).urlset as { url?: ParsedUrl | ParsedUrl[] };
  return asArray(urlset.url);
}

describe("escapeXml", () => {
  it.each([
    ["&", "&amp;"],
    ["<b>", "&lt;b&gt;"],
    [`"'`, "&quot;&apos;"],
    ["a\u0000b\u0008c\u000Bd\u001Fe", "abcde"],
    ["tab\tLF\nCR\r", "tab\tLF\nCR\r"],
    ["\uFFFE\uFFFF\uD800", ""],
    ["İstanbul 🇹🇷", "İstanbul 🇹🇷"],
  ])("turns %j into %j", (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });
});

describe("renderSitemap", () => {
  const entries = [
    { url: `${SITE}/`, lastmod: "2025-04-11T09:05:00+03:00" },
    { url: `${SITE}/2025/04/istanbul-consulate/`, lastmod: "2025-04-10T16:30:00Z" },
    { url: `${SITE}/about/?a=1&b=2` },
  ];
  const xml = renderSitemap(entries);

  it("is well-formed XML in the sitemaps.org namespace", () => {
    expect(assertWellFormed(xml)).toBe(SITEMAP_NS);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml.endsWith("</urlset>\n")).toBe(true);
  });

  it("lists the urls in the given order with lastmod exactly as given", () => {
    expect(parseUrls(xml)).toEqual([
      { loc: `${SITE}/`, lastmod: "2025-04-11T09:05:00+03:00" },
      { loc: `${SITE}/2025/04/istanbul-consulate/`, lastmod: "2025-04-10T16:30:00Z" },
      { loc: `${SITE}/about/?a=1&b=2` },
    ]);
  });

  it("indents with two spaces", () => {
    expect(renderSitemap([{ url: `${SITE}/`, lastmod: "2025-04-10T16:30:00Z" }])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<urlset xmlns="${SITEMAP_NS}">`,
        "  <url>",
        `    <loc>${SITE}/</loc>`,
        "    <lastmod>2025-04-10T16:30:00Z</lastmod>",
        "  </url>",
        "</urlset>",
        "",
      ].join("\n"),
    );
  });

  it("is still well-formed with no entries", () => {
    const empty = renderSitemap([]);
    expect(assertWellFormed(empty)).toBe(SITEMAP_NS);
    expect(parseUrls(empty)).toEqual([]);
  });

  it("rejects a relative URL, which crawlers would ignore", () => {
    expect(() => renderSitemap([{ url: "/about/" }])).toThrow(/not an absolute/);
  });
});

describe("selectNewsEntries", () => {
  const now = DateTime.fromISO("2025-04-12T12:00:00+03:00", { setZone: true });
  const at = (hours: number, id: string) => ({ id, published: now.plus({ hours }) });

  it.each([
    { label: "1 hour ago", item: at(-1, "a"), included: true },
    { label: "47 hours ago", item: at(-47, "b"), included: true },
    { label: "exactly 48 hours ago", item: at(-48, "edge"), included: true },
    { label: "49 hours ago", item: at(-49, "c"), included: false },
    { label: "1 hour in the future", item: at(1, "d"), included: false },
  ])("includes an item published $label: $included", ({ item, included }) => {
    expect(selectNewsEntries([item], now)).toEqual(included ? [item] : []);
  });

  it("keeps only the last two days, newest first", () => {
    const items = [at(-47, "b"), at(-49, "c"), at(1, "d"), at(-1, "a")];
    expect(selectNewsEntries(items, now).map((item) => item.id)).toEqual(["a", "b"]);
  });

  it("compares instants, not wall-clock times in different zones", () => {
    const utc = { id: "utc", published: now.toUTC().minus({ hours: 47 }) };
    expect(selectNewsEntries([utc], now)).toEqual([utc]);
  });

  it("honours a custom window", () => {
    expect(selectNewsEntries([at(-1, "a"), at(-25, "b")], now, 1).map((item) => item.id)).toEqual(["a"]);
  });

  it("caps the result at 1,000 entries", () => {
    const many = Array.from({ length: 1200 }, (_, index) => at(-index / 100, String(index)));
    const selected = selectNewsEntries(many, now);
    expect(selected).toHaveLength(1000);
    expect(selected[0]?.id).toBe("0");
  });
});

describe("toNewsLanguage", () => {
  it.each([
    ["en-GB", "en"],
    ["en", "en"],
    ["fr-FR", "fr"],
    ["zh-CN", "zh-cn"],
    ["zh-Hans", "zh-cn"],
    ["zh-TW", "zh-tw"],
    ["zh-Hant-HK", "zh-tw"],
  ])("reduces %s to %s", (tag, code) => {
    expect(toNewsLanguage(tag)).toBe(code);
  });
});

describe("renderNewsSitemap", () => {
  const publication = { name: "Dateline", language: "en-GB" };
  const hostileTitle = `<b>&"'\u0001\u000B\u001F`;
  const xml = renderNewsSitemap(
    [
      {
        url: `${SITE}/2025/04/istanbul-consulate/`,
        title: "Istanbul's consulate row deepens",
        published: "2025-04-12T11:00:00+03:00",
      },
      { url: `${SITE}/2025/04/hostile/`, title: hostileTitle, published: "2025-04-11T09:05:00Z" },
    ],
    publication,
  );

  it("is well-formed XML with the sitemap and news namespaces", () => {
    expect(assertWellFormed(xml)).toBe(SITEMAP_NS);
    const urlset = parseXml(xml).urlset as Record<string, string>;
    expect(urlset["@_xmlns"]).toBe(SITEMAP_NS);
    expect(urlset["@_xmlns:news"]).toBe(NEWS_NS);
  });

  it("gives each url its publication, date and title", () => {
    const [first] = parseUrls(xml);
    expect(first).toEqual({
      loc: `${SITE}/2025/04/istanbul-consulate/`,
      "news:news": {
        "news:publication": { "news:name": "Dateline", "news:language": "en" },
        "news:publication_date": "2025-04-12T11:00:00+03:00",
        "news:title": "Istanbul's consulate row deepens",
      },
    });
  });

  it("reads a hostile title back as text, without its control characters", () => {
    const [, hostile] = parseUrls(xml);
    expect(hostile?.["news:news"]?.["news:title"]).toBe(`<b>&"'`);
    expect(xml).toContain("<news:title>&lt;b&gt;&amp;&quot;&apos;</news:title>");
  });

  it("is a valid, empty urlset when nothing is recent", () => {
    const empty = renderNewsSitemap([], publication);
    expect(assertWellFormed(empty)).toBe(SITEMAP_NS);
    expect(parseUrls(empty)).toEqual([]);
  });

  it("refuses more than 1,000 entries", () => {
    const entry = { url: `${SITE}/x/`, title: "x", published: "2025-04-12T11:00:00Z" };
    expect(() =>
      renderNewsSitemap(
        Array.from({ length: 1001 }, () => entry),
        publication,
      ),
    ).toThrow(/1000/);
  });
});

describe("renderRobots", () => {
  const sitemaps = ["/sitemap.xml", "news-sitemap.xml", "https://cdn.example/extra.xml"];

  it.each([
    {
      mode: "production",
      noindex: false,
      rule: "Allow: /",
    },
    {
      mode: "a preview",
      noindex: true,
      rule: "Disallow: /",
    },
  ])("writes the exact robots.txt for $mode", ({ noindex, rule }) => {
    expect(renderRobots({ siteUrl: `${SITE}/`, sitemaps, noindex })).toBe(
      [
        "User-agent: *",
        rule,
        "",
        `Sitemap: ${SITE}/sitemap.xml`,
        `Sitemap: ${SITE}/news-sitemap.xml`,
        "Sitemap: https://cdn.example/extra.xml",
        "",
      ].join("\n"),
    );
  });

  it("writes no Sitemap section when there are none", () => {
    expect(renderRobots({ siteUrl: SITE, sitemaps: [], noindex: false })).toBe("User-agent: *\nAllow: /\n");
  });
});

describe("renderSitemaps", () => {
  const entries = Array.from({ length: 5 }, (_, index) => ({
    url: `${SITE}/page-${index + 1}/`,
    lastmod: `2025-04-1${index}T09:00:00+03:00`,
  }));
  const roomy = { maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 };

  it("is the one sitemap, byte for byte, while everything fits", () => {
    expect(renderSitemaps(entries, SITE, roomy)).toEqual([
      { path: "/sitemap.xml", xml: renderSitemap(entries) },
    ]);
  });

  it("splits past the URL limit into parts listed by a sitemap index at /sitemap.xml", () => {
    const files = renderSitemaps(entries, SITE, { ...roomy, maxUrls: 2 });
    expect(files.map((file) => file.path)).toEqual([
      "/sitemap.xml",
      "/sitemap-1.xml",
      "/sitemap-2.xml",
      "/sitemap-3.xml",
    ]);
    const [index, ...parts] = files;
    expect(assertWellFormed(index?.xml ?? "")).toBe(SITEMAP_NS);
    const listed = asArray(
      (parseXml(index?.xml ?? "").sitemapindex as { sitemap: { loc: string; lastmod: string }[] }).sitemap,
    );
    expect(listed).toEqual([
      { loc: `${SITE}/sitemap-1.xml`, lastmod: "2025-04-11T09:00:00+03:00" },
      { loc: `${SITE}/sitemap-2.xml`, lastmod: "2025-04-13T09:00:00+03:00" },
      { loc: `${SITE}/sitemap-3.xml`, lastmod: "2025-04-14T09:00:00+03:00" },
    ]);
    expect(parts.map((part) => parseUrls(part.xml).map((url) => url.loc))).toEqual([
      [`${SITE}/page-1/`, `${SITE}/page-2/`],
      [`${SITE}/page-3/`, `${SITE}/page-4/`],
      [`${SITE}/page-5/`],
    ]);
  });

  it("splits past the byte limit, each part within it", () => {
    const maxBytes = Buffer.byteLength(renderSitemap(entries.slice(0, 3)));
    const parts = renderSitemaps(entries, SITE, { maxUrls: 50_000, maxBytes }).slice(1);
    expect(parts.map((part) => parseUrls(part.xml).length)).toEqual([3, 2]);
    for (const part of parts) expect(Buffer.byteLength(part.xml)).toBeLessThanOrEqual(maxBytes);
  });
});
