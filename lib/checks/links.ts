/**
 * Every internal URL a page references resolves to a file of the site, and every `#fragment`
 * to an `id` on its page: a reader never meets a 404 or a jump link that goes nowhere.
 * Absolute URLs on the site's own origin (canonical, feed autodiscovery, `og:image`) count too.
 * Pages are read into facts one at a time (`linkFacts`); the judgement runs on those facts.
 */
import type { CheerioAPI } from "cheerio";
import { parseSrcset } from "./images.ts";
import type { PageFacts, Reference } from "./page-facts-schema.ts";
import { type BuiltSite, pagePath, tagName, UNKNOWN_ORIGIN } from "./site.ts";

/** Elements and the attribute holding a single URL. */
const URL_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ["a[href], area[href], link[href]", "href"],
  ["img[src], script[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src]", "src"],
  ["video[poster]", "poster"],
];

/** Share metadata: absolute URLs (image, page) that must still exist on the site. */
const META_URLS = [
  'meta[property="og:image"][content]',
  'meta[name="twitter:image"][content]',
  'meta[property="og:url"][content]',
].join(", ");

function collectReferences($: CheerioAPI): Reference[] {
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    $(selector).each((_, element) => {
      const value = $(element).attr(attribute)?.trim() ?? "";
      if (value !== "") references.push({ value, label: `<${tagName(element)} ${attribute}="${value}">` });
    });
  }
  $("img[srcset], source[srcset]").each((_, element) => {
    for (const candidate of parseSrcset($(element).attr("srcset") ?? "")) {
      references.push({
        value: candidate.url,
        label: `<${tagName(element)} srcset> candidate "${candidate.url}"`,
      });
    }
  });
  $(META_URLS).each((_, element) => {
    const value = $(element).attr("content")?.trim() ?? "";
    const key = $(element).attr("property") ? "property" : "name";
    if (value !== "")
      references.push({ value, label: `<meta ${key}="${$(element).attr(key)}" content="${value}">` });
  });
  return references;
}

/** The ids a fragment can point at: every `id`, and `name` on `<a>` (still honoured by browsers). */
function anchorsOf($: CheerioAPI): string[] {
  const anchors = new Set<string>();
  $("[id]").each((_, element) => {
    anchors.add($(element).attr("id") ?? "");
  });
  $("a[name]").each((_, element) => {
    anchors.add($(element).attr("name") ?? "");
  });
  return [...anchors];
}

/** The page's part of the cross-page index: what it links to, what it can be linked at. */
export function linkFacts($: CheerioAPI): Pick<PageFacts, "base" | "references" | "anchors"> {
  const base = $("base[href]").first().attr("href");
  return {
    ...(base === undefined ? {} : { base }),
    references: collectReferences($),
    anchors: anchorsOf($),
  };
}

function decodeFragment(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** The ids of a page, by file; undefined for a file that is not a page of the index. */
export type AnchorIndex = (file: string) => ReadonlySet<string> | undefined;

/** Broken internal links and missing fragments of one page, each once. */
export function linkProblems(
  site: Pick<BuiltSite, "origin" | "resolve">,
  file: string,
  facts: Pick<PageFacts, "base" | "references">,
  anchors: AnchorIndex,
): string[] {
  const pageUrl = new URL(pagePath(file), site.origin ?? UNKNOWN_ORIGIN).href;
  const base = facts.base && URL.canParse(facts.base, pageUrl) ? new URL(facts.base, pageUrl).href : pageUrl;
  const messages = new Set<string>();
  for (const reference of facts.references) {
    const target = site.resolve(reference.value, base);
    if (target === "external") continue;
    if (target === "invalid") {
      messages.add(`invalid URL ${reference.label}`);
      continue;
    }
    if (!target.exists) {
      messages.add(`broken link ${reference.label}: no file ${target.file}`);
      continue;
    }
    const fragment = decodeFragment(target.hash);
    // An empty fragment and `#top` scroll to the top of any page (HTML "navigate to a fragment").
    if (fragment === "" || fragment.toLowerCase() === "top" || !target.file.endsWith(".html")) continue;
    if (!anchors(target.file)?.has(fragment)) {
      const where = target.file === file ? "on this page" : `in ${target.file}`;
      messages.add(`missing fragment ${reference.label}: no id="${fragment}" ${where}`);
    }
  }
  return [...messages];
}
