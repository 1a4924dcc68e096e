/**
 * Every internal URL a page references resolves to a file of the site, and every `#fragment`
 * to an `id` on its page: a reader never meets a 404 or a jump link that goes nowhere.
 * Absolute URLs on the site's own origin (canonical, feed autodiscovery, `og:image`) count too.
 */
import type { CheerioAPI } from "cheerio";
import { parseSrcset } from "./images.ts";
import {
  type BuiltSite,
  type CheckProblem,
  htmlFiles,
  pagePath,
  resolveFile,
  resolveSiteUrl,
  tagName,
  UNKNOWN_ORIGIN,
} from "./site.ts";

/** One URL found in a page, with how to name it in a problem. */
interface Reference {
  value: string;
  /** E.g. `<a href="/x/">` or `<img srcset> candidate "/x.jpg"`. */
  label: string;
}

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
function anchorsOf($: CheerioAPI): Set<string> {
  const anchors = new Set<string>();
  $("[id]").each((_, element) => {
    anchors.add($(element).attr("id") ?? "");
  });
  $("a[name]").each((_, element) => {
    anchors.add($(element).attr("name") ?? "");
  });
  return anchors;
}

function decodeFragment(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** Broken internal links and missing fragments, each once per page. */
export async function checkLinks(site: BuiltSite): Promise<CheckProblem[]> {
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let found = anchorCache.get(file);
    if (!found) {
      found = anchorsOf(site.html(file));
      anchorCache.set(file, found);
    }
    return found;
  };
  const problems: CheckProblem[] = [];
  for (const file of htmlFiles(site)) {
    const $ = site.html(file);
    const pageUrl = new URL(pagePath(file), site.origin ?? UNKNOWN_ORIGIN).href;
    const baseHref = $("base[href]").first().attr("href");
    const base = baseHref && URL.canParse(baseHref, pageUrl) ? new URL(baseHref, pageUrl).href : pageUrl;
    const messages = new Set<string>();
    for (const reference of collectReferences($)) {
      const url = resolveSiteUrl(site, reference.value, base);
      if (url === "external") continue;
      if (url === "invalid") {
        messages.add(`invalid URL ${reference.label}`);
        continue;
      }
      const target = resolveFile(site, url.pathname);
      if (!target.exists) {
        messages.add(`broken link ${reference.label}: no file ${target.file}`);
        continue;
      }
      const fragment = decodeFragment(url.hash);
      // An empty fragment and `#top` scroll to the top of any page (HTML "navigate to a fragment").
      if (fragment === "" || fragment.toLowerCase() === "top" || !target.file.endsWith(".html")) continue;
      if (!anchors(target.file).has(fragment)) {
        const where = target.file === file ? "on this page" : `in ${target.file}`;
        messages.add(`missing fragment ${reference.label}: no id="${fragment}" ${where}`);
      }
    }
    for (const message of messages) problems.push({ file, message });
  }
  return problems;
}
