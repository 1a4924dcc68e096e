/**
 * sitemap.xml, the Google News sitemap and robots.txt as strings. Pure functions: the
 * Eleventy templates only pass in absolute URLs and dates already formatted with offsets.
 */

import type { DateTime } from "luxon";
import { PAGE_PATHS, sitemapPartUrl } from "../contract/urls.ts";
import { escapeXml } from "../shared/xml.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** sitemaps.org caps a file at 50,000 URLs; beyond that a sitemap index is needed. */
const MAX_SITEMAP_URLS = 50_000;
/** sitemaps.org caps a file at 50 MB (52,428,800 bytes) uncompressed. */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
/** Google caps a news sitemap at 1,000 `news:news` entries (features.md §4.1). */
const MAX_NEWS_URLS = 1_000;

/** `<name>text</name>` with the text escaped. */
function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** Indents each line by `depth` levels of two spaces. */
function indent(lines: string[], depth: number): string[] {
  const pad = "  ".repeat(depth);
  return lines.map((line) => pad + line);
}

/** A relative `<loc>` is invalid and silently ignored by crawlers, so fail the build instead. */
function assertAbsoluteUrl(url: string): void {
  if (!/^https?:\/\//i.test(url)) throw new Error(`sitemap: "${url}" is not an absolute http(s) URL`);
}

function assertCount(count: number, max: number, what: string): void {
  if (count > max)
    throw new Error(`${what}: ${count} URLs, the limit is ${max} — split with a sitemap index`);
}

/** The whole document: declaration, urlset with the given namespaces, trailing newline. */
function renderUrlset(namespaces: string, urls: string[][]): string {
  const body = urls.flatMap((url) => indent(["<url>", ...indent(url, 1), "</url>"], 1));
  return [XML_DECLARATION, `<urlset ${namespaces}>`, ...body, "</urlset>", ""].join("\n");
}

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** W3C datetime with offset, emitted exactly as given. */
  lastmod?: string;
}

/**
 * A sitemaps.org 0.9 urlset, entries in the given order.
 * @example renderSitemap([{ url: "https://example.com/", lastmod: "2025-04-10T16:30:00+03:00" }])
 */
export function renderSitemap(entries: SitemapEntry[]): string {
  assertCount(entries.length, MAX_SITEMAP_URLS, "sitemap");
  return renderUrlset(`xmlns="${SITEMAP_NS}"`, entries.map(urlLines));
}

/** Where a sitemap splits: at most this many URLs, and bytes, per file. */
export interface SitemapLimits {
  maxUrls: number;
  maxBytes: number;
}

export const SITEMAP_LIMITS: SitemapLimits = { maxUrls: MAX_SITEMAP_URLS, maxBytes: MAX_SITEMAP_BYTES };

/** One file of the site's sitemap: its site path and its XML. */
export interface SitemapFile {
  path: string;
  xml: string;
}

function urlLines(entry: SitemapEntry): string[] {
  assertAbsoluteUrl(entry.url);
  return [element("loc", entry.url), ...(entry.lastmod ? [element("lastmod", entry.lastmod)] : [])];
}

/** The latest lastmod of the entries (compared as instants), if any has one. */
function latest(entries: readonly SitemapEntry[]): string | undefined {
  let best: string | undefined;
  for (const { lastmod } of entries) {
    if (lastmod !== undefined && (best === undefined || Date.parse(lastmod) > Date.parse(best)))
      best = lastmod;
  }
  return best;
}

/**
 * The site's sitemap: one `/sitemap.xml` while every entry fits in one file; beyond the limits,
 * `/sitemap-1.xml`, `/sitemap-2.xml`… and a sitemap index at `/sitemap.xml` that lists them, so
 * robots.txt and search consoles keep the one address. Entries keep their order.
 * @example renderSitemaps(entries, "https://d.example", { maxUrls: 2, maxBytes: 50 * 1024 * 1024 }).map((file) => file.path)
 * // 3 entries: ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"]
 */
export function renderSitemaps(
  entries: readonly SitemapEntry[],
  siteUrl: string,
  limits: SitemapLimits = SITEMAP_LIMITS,
): SitemapFile[] {
  const blocks = entries.map((entry) =>
    indent(["<url>", ...indent(urlLines(entry), 1), "</url>"], 1).join("\n"),
  );
  const head = `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}">\n`;
  const tail = "</urlset>\n";
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = Buffer.byteLength(head + tail);
  blocks.forEach((block, index) => {
    const size = Buffer.byteLength(block) + 1;
    if (index > start && (index - start >= limits.maxUrls || bytes + size > limits.maxBytes)) {
      chunks.push({ start, end: index });
      start = index;
      bytes = Buffer.byteLength(head + tail);
    }
    if (bytes + size > limits.maxBytes) {
      throw new Error(`sitemap: the entry for ${entries[index]?.url} alone is over ${limits.maxBytes} bytes`);
    }
    bytes += size;
  });
  chunks.push({ start, end: blocks.length });
  const urlset = (chunk: { start: number; end: number }): string =>
    head +
    blocks
      .slice(chunk.start, chunk.end)
      .map((block) => `${block}\n`)
      .join("") +
    tail;
  if (chunks.length === 1)
    return [{ path: PAGE_PATHS.sitemap, xml: urlset(chunks[0] ?? { start: 0, end: 0 }) }];
  assertCount(chunks.length, MAX_SITEMAP_URLS, "sitemap index");
  const parts = chunks.map((chunk, index) => ({
    path: sitemapPartUrl(index + 1),
    xml: urlset(chunk),
    chunk,
  }));
  const index = [
    XML_DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...parts.flatMap(({ path, chunk }) => {
      const url = resolveSitemapUrl(siteUrl, path);
      const lastmod = latest(entries.slice(chunk.start, chunk.end));
      return indent(
        [
          "<sitemap>",
          ...indent([element("loc", url), ...(lastmod ? [element("lastmod", lastmod)] : [])], 1),
          "</sitemap>",
        ],
        1,
      );
    }),
    "</sitemapindex>",
    "",
  ].join("\n");
  return [{ path: PAGE_PATHS.sitemap, xml: index }, ...parts.map(({ path, xml }) => ({ path, xml }))];
}

/**
 * The items Google News wants: published within the last `days` days up to `now`
 * (both ends inclusive, nothing scheduled for later), newest first, at most 1,000.
 * @example selectNewsEntries(issues, buildTime()) // issues of the last 48 hours
 */
export function selectNewsEntries<T extends { published: DateTime }>(
  items: T[],
  now: DateTime,
  days = 2,
): T[] {
  const start = now.minus({ days }).toMillis();
  const end = now.toMillis();
  return items
    .filter((item) => {
      const published = item.published.toMillis();
      return published >= start && published <= end;
    })
    .sort((a, b) => b.published.toMillis() - a.published.toMillis())
    .slice(0, MAX_NEWS_URLS);
}

/**
 * The `news:language` code: ISO 639 only, except that Google asks for `zh-cn` (Simplified)
 * and `zh-tw` (Traditional) for Chinese.
 * @example toNewsLanguage("en-GB") // "en"
 * @example toNewsLanguage("zh-Hant-HK") // "zh-tw"
 */
export function toNewsLanguage(languageTag: string): string {
  const subtags = languageTag.toLowerCase().split(/[-_]/);
  const [language = ""] = subtags;
  if (language !== "zh") return language;
  const traditional = subtags.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag));
  return traditional ? "zh-tw" : "zh-cn";
}

export interface NewsSitemapEntry {
  /** Absolute URL. */
  url: string;
  title: string;
  /** W3C datetime with offset, emitted exactly as given. */
  published: string;
}

export interface NewsPublication {
  name: string;
  /** BCP 47 (e.g. `en-GB`); reduced to what Google News accepts. */
  language: string;
}

/**
 * A Google News sitemap. Pass entries through `selectNewsEntries` first; an empty
 * urlset is valid and is what Google expects when nothing is recent.
 */
export function renderNewsSitemap(entries: NewsSitemapEntry[], publication: NewsPublication): string {
  assertCount(entries.length, MAX_NEWS_URLS, "news sitemap");
  const language = toNewsLanguage(publication.language);
  const urls = entries.map((entry) => {
    assertAbsoluteUrl(entry.url);
    return [
      element("loc", entry.url),
      "<news:news>",
      ...indent(
        [
          "<news:publication>",
          ...indent([element("news:name", publication.name), element("news:language", language)], 1),
          "</news:publication>",
          element("news:publication_date", entry.published),
          element("news:title", entry.title),
        ],
        1,
      ),
      "</news:news>",
    ];
  });
  return renderUrlset(`xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}"`, urls);
}

export interface RobotsInput {
  /** Absolute origin, e.g. `https://dateline.example`. */
  siteUrl: string;
  /** Sitemap paths or absolute URLs; paths are resolved against `siteUrl`. */
  sitemaps: string[];
  /** True on previews and branch deploys. */
  noindex: boolean;
}

/** Absolute URL of a sitemap; keeps any base path in `siteUrl`. */
function resolveSitemapUrl(siteUrl: string, sitemap: string): string {
  if (/^https?:\/\//i.test(sitemap)) return sitemap;
  return `${siteUrl.replace(/\/+$/, "")}/${sitemap.replace(/^\/+/, "")}`;
}

/**
 * robots.txt: everything open in production, everything closed on previews. The
 * `Sitemap:` directive must be absolute, so paths are resolved against the site URL.
 * @example renderRobots({ siteUrl: "https://d.example", sitemaps: ["/sitemap.xml"], noindex: false })
 * // "User-agent: *\nAllow: /\n\nSitemap: https://d.example/sitemap.xml\n"
 */
export function renderRobots(input: RobotsInput): string {
  const rule = input.noindex ? "Disallow: /" : "Allow: /";
  const sitemaps = input.sitemaps.map((sitemap) => `Sitemap: ${resolveSitemapUrl(input.siteUrl, sitemap)}`);
  return [`User-agent: *`, rule, ...(sitemaps.length > 0 ? ["", ...sitemaps] : []), ""].join("\n");
}
