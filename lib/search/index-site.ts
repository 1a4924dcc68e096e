/**
 * The search index: Pagefind over the built site, written to `<site>/pagefind/`.
 * Only issues are indexed — Pagefind reads nothing but elements marked `data-pagefind-body`,
 * and only the issue layout marks its article — so listing pages, the search page and the
 * 404 page never appear in results, and drafts cannot (production builds never render them).
 * Two runs over the same site write byte-identical files (Pagefind 1.6 names its files by
 * content hash and stamps no time), so the byte-identical-build guarantee holds.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { BuildError } from "../shared/problems.ts";

/** The attribute that marks the part of a page Pagefind may index. */
export const BODY_ATTRIBUTE = "data-pagefind-body";

/** A start tag: its name, then its attributes (quoted values may hold `>`). */
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
/** One attribute: its name, and its value skipped whole, so words inside a value are not names. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** Elements whose content is text, never tags (as the HTML tokenizer Pagefind uses reads them). */
const RAW_TEXT = new Set([
  "script",
  "style",
  "title",
  "textarea",
  "noscript",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
]);

/**
 * Whether an element of the page carries the attribute, as an HTML parser sees it: not the
 * words of an `alt` or a comment that mention it (a regex on the source once counted those).
 */
export function carriesBodyAttribute(html: string): boolean {
  const lower = html.toLowerCase();
  if (!lower.includes(BODY_ATTRIBUTE)) return false;
  let at = html.indexOf("<");
  while (at !== -1) {
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      if (end === -1) return false;
      at = html.indexOf("<", end + 3);
      continue;
    }
    START_TAG.lastIndex = at;
    const tag = START_TAG.exec(html);
    if (!tag) {
      at = html.indexOf("<", at + 1);
      continue;
    }
    for (const [, name] of (tag[2] ?? "").matchAll(ATTRIBUTE)) {
      if (name?.toLowerCase() === BODY_ATTRIBUTE) return true;
    }
    const element = (tag[1] ?? "").toLowerCase();
    let next = START_TAG.lastIndex;
    if (RAW_TEXT.has(element)) {
      const close = lower.indexOf(`</${element}`, next);
      if (close === -1) return false;
      next = close;
    }
    at = html.indexOf("<", next);
  }
  return false;
}

/** Pagefind's bundled UIs (about 430 KB of script and style we do not load). */
const UNUSED_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** HTML files under a folder, relative to it, sorted. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed:\n${errors.join("\n")}`);
}

/** The URL Pagefind gives a page: `2025/04/a/index.html` → `/2025/04/a/`. */
function pageUrl(file: string): string {
  return `/${file.split(path.sep).join("/")}`.replace(/\/index\.html$/, "/");
}

/** Each fragment is one indexed page: gzip of `pagefind_dcd` and the page's JSON. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** URLs of the pages in the written index, read back from its fragments. */
function indexedUrls(outputPath: string): string[] {
  const dir = path.join(outputPath, "fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".pf_fragment"))
    .map((file) => {
      const bytes = gunzipSync(readFileSync(path.join(dir, file)));
      const { url } = JSON.parse(bytes.subarray(FRAGMENT_SIGNATURE.length).toString("utf8")) as {
        url: string;
      };
      try {
        return decodeURI(url);
      } catch {
        return url;
      }
    })
    .sort();
}

/**
 * Pages where Pagefind and our reading of the attribute disagree, one line each naming the page.
 * Pagefind skips a marked page with nothing to index (an empty marked element), for example.
 */
function describeIndexMismatch(marked: readonly string[], indexed: readonly string[]): string[] {
  const indexedSet = new Set(indexed);
  const markedUrls = new Set(marked.map(pageUrl));
  return [
    ...marked
      .map(pageUrl)
      .filter((url) => !indexedSet.has(url))
      .map(
        (url) =>
          `Search index: ${url}: the page carries ${BODY_ATTRIBUTE}, but Pagefind did not index it — give the marked element text to index, or remove the attribute`,
      ),
    ...indexed
      .filter((url) => !markedUrls.has(url))
      .map(
        (url) =>
          `Search index: ${url}: Pagefind indexed the page, but none of its elements carries ${BODY_ATTRIBUTE} — mark the part to index`,
      ),
  ];
}

/** Indexes the issues of a built site into `<siteDir>/pagefind/`; returns how many pages it indexed. */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const site = path.resolve(siteDir);
  if (!existsSync(site) || !statSync(site).isDirectory()) throw new Error(`${siteDir}: no such folder`);
  const outputPath = path.join(site, "pagefind");
  // A fresh folder: fragments of issues that were since removed must not linger.
  rmSync(outputPath, { recursive: true, force: true });

  // Pagefind indexes EVERY page when no page carries the attribute; we never want that.
  const marked = htmlFiles(site).filter((file) =>
    carriesBodyAttribute(readFileSync(path.join(site, file), "utf8")),
  );

  try {
    const { index, errors } = await pagefind.createIndex({});
    failOn(errors, "createIndex");
    if (!index) throw new Error("Search index: Pagefind returned no index");
    if (marked.length > 0) failOn((await index.addDirectory({ path: site })).errors, "addDirectory");
    // With nothing marked this writes an empty index, so the search page still loads.
    failOn((await index.writeFiles({ outputPath })).errors, "writeFiles");
  } finally {
    await pagefind.close();
  }
  // Pagefind's ready-made interfaces: our page uses only the engine (pagefind.js and its worker).
  for (const file of readdirSync(outputPath)) {
    if (UNUSED_FILE.test(file)) rmSync(path.join(outputPath, file));
  }

  const indexed = indexedUrls(outputPath);
  const mismatch = describeIndexMismatch(marked, indexed);
  if (mismatch.length > 0) {
    throw new BuildError(mismatch.join("\n"));
  }
  return { pages: indexed.length };
}
