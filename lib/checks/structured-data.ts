/**
 * The JSON-LD search engines read (features.md §4.1): every block parses, and each `NewsArticle`
 * (or subtype: `AnalysisNewsArticle`, `OpinionNewsArticle`…) carries what Google recommends and what our byline promises — headline, description, both
 * dates with offsets and in order, every author as a Person with a page, an image, a publisher.
 */
import type { CheerioAPI } from "cheerio";
import type { JsonLdBlock, PageFacts } from "./page-facts-schema.ts";
import { type BuiltSite, pagePath, UNKNOWN_ORIGIN } from "./site.ts";

type JsonObject = Record<string, unknown>;

/** The `application/ld+json` blocks of a page, parsed (or the parser's complaint), in order. */
function readJsonLd($: CheerioAPI): ({ value: unknown } | { error: string })[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => {
      try {
        return { value: JSON.parse($(script).text()) as unknown };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Top-level objects, arrays of them and `@graph` members: every node a block describes. */
function nodesOf(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (!isObject(value)) return [];
  return [value, ...nodesOf(value["@graph"])];
}

/** schema.org's NewsArticle and its subtypes (analysis, opinion, background…): each is checked as one. */
const NEWS_ARTICLE_TYPES = new Set([
  "NewsArticle",
  "AnalysisNewsArticle",
  "AskPublicNewsArticle",
  "BackgroundNewsArticle",
  "OpinionNewsArticle",
  "ReportageNewsArticle",
  "ReviewNewsArticle",
]);

function hasType(node: JsonObject, type: string): boolean {
  const types = node["@type"];
  return types === type || (Array.isArray(types) && types.includes(type));
}

function isNewsArticle(node: JsonObject): boolean {
  const types = node["@type"];
  return (Array.isArray(types) ? types : [types]).some(
    (type) => typeof type === "string" && NEWS_ARTICLE_TYPES.has(type),
  );
}

/** ISO 8601 date and time with an offset (or `Z`): Google reads a bare time as the crawler's zone. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function isAbsoluteUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\/[^/]/i.test(value) && URL.canParse(value);
}

function checkDate(article: JsonObject, key: string): string[] {
  const value = article[key];
  if (value === undefined) return [`${key}: missing`];
  if (typeof value !== "string" || !ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    return [`${key}: ${JSON.stringify(value)} is not an ISO 8601 date-time with an offset`];
  }
  return [];
}

function checkAuthors(author: unknown): string[] {
  if (author === undefined) return ["author: missing"];
  if (!Array.isArray(author) || author.length === 0) return ["author: not a non-empty array of Person"];
  return author.flatMap((person: unknown, index) => {
    const where = `author[${index}]`;
    if (!isObject(person) || !hasType(person, "Person")) return [`${where}: not a Person`];
    return [
      ...(nonEmptyString(person.name) ? [] : [`${where}: no name`]),
      ...(isAbsoluteUrl(person.url) ? [] : [`${where}: no absolute url`]),
    ];
  });
}

function hasImage(image: unknown): boolean {
  if (Array.isArray(image)) return image.length > 0;
  return nonEmptyString(image) || isObject(image);
}

function checkPublisher(publisher: unknown): string[] {
  if (!isObject(publisher)) return ["publisher: missing"];
  const logo = publisher.logo;
  return [
    ...(nonEmptyString(publisher.name) ? [] : ["publisher: no name"]),
    ...(isAbsoluteUrl(logo) || (isObject(logo) && isAbsoluteUrl(logo.url)) ? [] : ["publisher: no logo"]),
  ];
}

/** What is missing or wrong in one NewsArticle, as `property: problem`. */
function newsArticleProblems(article: JsonObject): string[] {
  const problems = [
    ...(nonEmptyString(article.headline) ? [] : ["headline: missing"]),
    ...(nonEmptyString(article.description) ? [] : ["description: missing"]),
    ...checkDate(article, "datePublished"),
    ...checkDate(article, "dateModified"),
    ...checkAuthors(article.author),
    ...(hasImage(article.image) ? [] : ["image: missing"]),
    ...checkPublisher(article.publisher),
  ];
  const published = Date.parse(String(article.datePublished));
  const modified = Date.parse(String(article.dateModified));
  if (modified < published) {
    problems.push(`dateModified ${article.dateModified} is before datePublished ${article.datePublished}`);
  }
  return problems;
}

/** The URLs of the article's images, authors and publisher logo, by property. */
function linkedUrls(article: JsonObject): [property: string, url: string][] {
  const urlsOf = (value: unknown): string[] => {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(urlsOf);
    if (!isObject(value)) return [];
    return [value.url, value.contentUrl].filter((url): url is string => typeof url === "string");
  };
  const logo = isObject(article.publisher) ? article.publisher.logo : undefined;
  const authors = Array.isArray(article.author) ? article.author : [];
  return [
    ...[...new Set(urlsOf(article.image))].map((url): [string, string] => ["image", url]),
    ...authors
      .flatMap((author: unknown) => urlsOf(isObject(author) ? author.url : undefined))
      .map((url): [string, string] => ["author url", url]),
    ...urlsOf(logo).map((url): [string, string] => ["publisher logo", url]),
  ];
}

/** Each block's parse error, or its NewsArticles' own problems and the URLs they promise. */
export function jsonLdFacts($: CheerioAPI): JsonLdBlock[] {
  return readJsonLd($).map((block): JsonLdBlock => {
    if ("error" in block) return { error: block.error };
    return {
      articles: nodesOf(block.value)
        .filter(isNewsArticle)
        .map((article) => ({ problems: newsArticleProblems(article), linked: linkedUrls(article) })),
    };
  });
}

/** Same-origin images, author pages and logo that the site does not have: Google would fetch a 404. */
function missingFiles(
  site: Pick<BuiltSite, "origin" | "resolve">,
  file: string,
  linked: readonly [property: string, url: string][],
): string[] {
  const base = new URL(pagePath(file), site.origin ?? UNKNOWN_ORIGIN).href;
  return linked.flatMap(([property, value]) => {
    const target = site.resolve(value, base);
    if (typeof target === "string") return [];
    return target.exists ? [] : [`${property} ${value} has no file (${target.file})`];
  });
}

/** Unparsable blocks and incomplete NewsArticles of one page. */
export function structuredDataProblems(
  site: Pick<BuiltSite, "origin" | "resolve">,
  file: string,
  facts: Pick<PageFacts, "jsonLd">,
): string[] {
  return facts.jsonLd.flatMap((block, index) => {
    if ("error" in block) return [`JSON-LD block ${index + 1} does not parse: ${block.error}`];
    return block.articles
      .flatMap((article) => [...article.problems, ...missingFiles(site, file, article.linked)])
      .map((problem) => `NewsArticle: ${problem}`);
  });
}
