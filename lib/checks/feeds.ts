/**
 * Every feed as a feed reader gets it (features.md §4.2–4.3): the elements its spec requires,
 * absolute URLs everywhere (NetNewsWire resolves `/x` to `file:///x`), unique ids, a self link that
 * is the feed's own URL, and a real client (@extractus/feed-extractor) reading every entry.
 */

import { extractFromJson, extractFromXml, type FeedData } from "@extractus/feed-extractor";
import { load } from "cheerio";
import type { FeedFormat } from "../contract/urls.ts";
import { type FeedFacts, readAtom, readJsonFeed, readRss, type UrlFact } from "./feed-formats.ts";
import { parseSrcset } from "./images.ts";
import { tagName, UNKNOWN_ORIGIN } from "./site.ts";
import { ATOM_NS, type XmlResult } from "./xml.ts";

/** The JSON Feed a `.json` file holds, or why it cannot be one. */
export function readJson(text: string): { json: unknown } | { error: string } {
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function isJsonFeed(value: unknown): boolean {
  if (typeof value !== "object" || value === null || !("version" in value)) return false;
  return typeof value.version === "string" && value.version.startsWith("https://jsonfeed.org/version/");
}

/** Atom and RSS documents by their root element; `feed.json` and any JSON with a JSON Feed version. */
export function feedFormat(
  file: string,
  document: XmlResult | ReturnType<typeof readJson>,
): FeedFormat | undefined {
  if ("root" in document) {
    if (document.root.uri === ATOM_NS && document.root.local === "feed") return "atom";
    if (document.root.uri === "" && document.root.local === "rss") return "rss";
    return undefined;
  }
  if (!file.endsWith(".json")) return undefined;
  const named = file === "feed.json" || file.endsWith("/feed.json");
  return named || ("json" in document && isJsonFeed(document.json)) ? "json" : undefined;
}

/** Absolute http(s), as every link in a feed must be. */
function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\/[^/]/i.test(value) && URL.canParse(value);
}

/** Schemes a feed may carry as they are: they are not relative. */
const OPAQUE_SCHEMES = /^(?:mailto|tel|data|urn|tag):/i;

/** Every `href`, `src`, `srcset` and `poster` in an HTML body that is not absolute. */
function relativeUrlsIn(html: string): string[] {
  const $ = load(html, null, false);
  const found: string[] = [];
  $("[href], [src], [srcset], [poster]").each((_, element) => {
    for (const attribute of ["href", "src", "poster"]) {
      const value = $(element).attr(attribute)?.trim();
      if (value !== undefined && !isAbsoluteUrl(value) && !OPAQUE_SCHEMES.test(value)) {
        found.push(`<${tagName(element)} ${attribute}="${value}">`);
      }
    }
    for (const candidate of parseSrcset($(element).attr("srcset") ?? "")) {
      if (!isAbsoluteUrl(candidate.url) && !OPAQUE_SCHEMES.test(candidate.url)) {
        found.push(`<${tagName(element)} srcset> candidate "${candidate.url}"`);
      }
    }
  });
  return found;
}

function urlProblems(urls: readonly UrlFact[], iris: readonly UrlFact[]): string[] {
  return [
    ...urls
      .filter((url) => !isAbsoluteUrl(url.value))
      .map((url) => `${url.what} "${url.value}" is not an absolute URL`),
    ...iris
      .filter(
        (iri) =>
          !/^[a-z][a-z\d+.-]*:/i.test(iri.value) ||
          (/^https?:/i.test(iri.value) && !isAbsoluteUrl(iri.value)),
      )
      .map((iri) => `${iri.what} "${iri.value}" is not an absolute URL`),
  ];
}

/** The judgement shared by the three formats, as messages for the feed file. */
function judge(facts: FeedFacts, selfUrl: string, pathOnly: boolean): string[] {
  const messages = [...facts.problems, ...urlProblems(facts.urls, facts.iris)];
  if (facts.selfName !== "") {
    if (facts.self === undefined) messages.push(`no self link (${facts.selfName})`);
    else if (!sameSelf(facts.self, selfUrl, pathOnly)) {
      messages.push(`self link ${facts.self} is not this feed's URL ${selfUrl}`);
    }
  }
  const firstWithId = new Map<string, string>();
  for (const entry of facts.entries) {
    const own = [
      ...entry.problems,
      ...urlProblems(entry.urls, entry.iris),
      ...entry.html.flatMap(relativeUrlsIn).map((url) => `relative URL in content: ${url}`),
    ];
    if (entry.id !== undefined) {
      const first = firstWithId.get(entry.id);
      if (first) own.push(`same id as ${first}`);
      else firstWithId.set(entry.id, entry.label.replace(/ \(.*$/s, ""));
    }
    messages.push(...own.map((message) => `${entry.label}: ${message}`));
  }
  return messages;
}

/** Without a known origin only the path can be compared. */
function sameSelf(self: string, expected: string, pathOnly: boolean): boolean {
  if (!pathOnly) return self === expected;
  return URL.canParse(self) && new URL(self).pathname === new URL(expected).pathname;
}

/** What a real feed client makes of the document: as many entries, each titled and absolutely linked. */
function clientProblems(read: () => FeedData, expected: number): string[] {
  // An entry-less feed (a topic with no issue yet) is valid, but feed-extractor only recognises
  // Atom by its <entry>; there is nothing for a client to read anyway.
  if (expected === 0) return [];
  let feed: FeedData;
  try {
    feed = read();
  } catch (error) {
    return [`a feed client cannot read it: ${error instanceof Error ? error.message : String(error)}`];
  }
  const entries = feed.entries ?? [];
  const messages: string[] = [];
  if (entries.length !== expected) {
    messages.push(`a feed client reads ${entries.length} entries, the document has ${expected}`);
  }
  entries.forEach((entry, index) => {
    if (!entry.title?.trim()) messages.push(`a feed client reads entry ${index + 1} without a title`);
    if (!isAbsoluteUrl(entry.link ?? "")) {
      messages.push(
        `a feed client reads entry ${index + 1} with link "${entry.link ?? ""}", not an absolute URL`,
      );
    }
  });
  return messages;
}

/**
 * Every problem of one feed, each message once. The document is the feed's text already parsed:
 * XML for Atom and RSS (well-formed; the XML check reports the rest), JSON for JSON Feed.
 */
export function feedProblems(
  file: string,
  format: FeedFormat,
  text: string,
  document: XmlResult | ReturnType<typeof readJson>,
  origin: string | undefined,
): string[] {
  const selfUrl = `${origin ?? UNKNOWN_ORIGIN}/${file}`;
  const pathOnly = origin === undefined;
  if ("error" in document) return format === "json" ? [`not valid JSON: ${document.error}`] : [];
  if ("json" in document) {
    const facts = readJsonFeed(document.json);
    return unique([
      ...judge(facts, selfUrl, pathOnly),
      ...clientProblems(() => extractFromJson(text), facts.entries.length),
    ]);
  }
  const facts = format === "atom" ? readAtom(document.root) : readRss(document.root);
  return unique([
    ...judge(facts, selfUrl, pathOnly),
    ...clientProblems(() => extractFromXml(text, { descriptionMaxLen: 0 }), facts.entries.length),
  ]);
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}
