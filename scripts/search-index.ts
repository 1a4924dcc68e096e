/**
 * The search index: Pagefind over the built site, written to `<site>/pagefind/`.
 * Only issues are indexed — Pagefind reads nothing but elements marked `data-pagefind-body`,
 * and only the issue layout marks its article — so listing pages, the search page and the
 * 404 page never appear in results, and drafts cannot (production builds never render them).
 * Two runs over the same site write byte-identical files (Pagefind 1.6 names its files by
 * content hash and stamps no time), so the byte-identical-build guarantee holds.
 *
 *   node --import tsx scripts/search-index.ts [siteDir]   (default `_site`)
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";

/** The attribute that marks the part of a page Pagefind may index. */
export const BODY_ATTRIBUTE = "data-pagefind-body";

/** A start tag carrying the attribute (not the words in an issue's text, which are escaped). */
const MARKED_TAG = new RegExp(`<[a-z][^>]*\\s${BODY_ATTRIBUTE}(?=[\\s=/>])`, "i");

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

/** Pages in the written index, from its entry file (one count per language). */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
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
    MARKED_TAG.test(readFileSync(path.join(site, file), "utf8")),
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

  const pages = indexedPages(outputPath);
  if (pages !== marked.length) {
    throw new Error(
      `Search index: ${marked.length} pages carry ${BODY_ATTRIBUTE} but Pagefind indexed ${pages}`,
    );
  }
  return { pages };
}

const invokedAsScript =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedAsScript) {
  const dir = process.argv[2] ?? "_site";
  try {
    const started = performance.now();
    const { pages } = await indexSite(dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (pages === 0)
      console.warn(`Search index: no page in ${dir}/ carries ${BODY_ATTRIBUTE}; the index is empty.`);
    console.log(`Indexed ${pages} issues for search into ${path.join(dir, "pagefind")}/ in ${seconds} s.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
