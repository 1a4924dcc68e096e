/**
 * The search index: Pagefind over the built site, written to `<site>/pagefind/` in bundles
 * (bundles.ts: one per year, or per quarter of a busy year, each its own index).
 * Only issues are indexed — Pagefind reads nothing but elements marked `data-pagefind-body`,
 * and only the issue layout marks its article — so listing pages, the search page and the
 * 404 page never appear in results, and drafts cannot (production builds never render them).
 *
 * Pagefind has no incremental mode, so the work it is given is kept small instead:
 * - The issues are indexed in bundles (bundles.ts) that the search page merges. A bundle none of
 *   whose pages changed comes whole from the store, so a new issue costs the indexing of its own
 *   bundle (a year, or a quarter of a busy one), not of the archive.
 * - It is handed the marked pages alone, not the whole site, which it would parse page by page
 *   (listings, emails) only to drop the unmarked ones: that was half its time. Pages go in path
 *   order. Pagefind numbers pages in the order they arrive, and the numbers are in the index's
 *   bytes and order tied results: path order makes them the same on every file system (a
 *   directory walk met pages in the file system's order, which on some follows the order files
 *   were written in).
 * - Pages are read as bytes and looked at as Latin-1 text: the attribute and the markup around
 *   it are ASCII, and decoding every page as UTF-8 cost more than the rest of the reading.
 * - What Pagefind wrote is kept in the search store (search-store.ts). An unchanged page's
 *   fragment (the compressed record a result shows) is put in place before Pagefind writes, and
 *   Pagefind, which never rewrites a file named by its content's hash, does not compress it
 *   again; the index is then checked to number exactly the marked pages, each with its own
 *   fragment, and anything else (a hash-prefix collision, a page that moved to another language)
 *   runs that bundle's index again from nothing.
 *
 * The same pages give byte-identical files whether the store is warm, cold or off (Pagefind 1.6
 * names its files by content hash and stamps no time), so the byte-identical-build guarantee holds.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { BuildError } from "../shared/problems.ts";
import { BODY_ATTRIBUTE, carriesBodyAttribute } from "./body-attribute.ts";
import { BUNDLES_FILE, groupIntoBundles, renderBundleList, type SearchBundle } from "./bundles.ts";
import { type Fragment, readFragments, readPageOrder } from "./pagefind-files.ts";
import { PAGEFIND_CONFIG, type Page, PagefindRun, pageOf, withPagefind } from "./pagefind-run.ts";
import {
  type BundleFile,
  bundleKey,
  fragmentKey,
  indexerFingerprint,
  SearchStore,
  type StoredFile,
  searchCacheDir,
} from "./search-store.ts";

export { BODY_ATTRIBUTE, carriesBodyAttribute } from "./body-attribute.ts";

/** The site's HTML files, relative to it with `/`, in path order. */
function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The URL Pagefind gives a page: `2025/04/a/index.html` → `/2025/04/a/`. */
function pageUrl(file: string): string {
  return `/${file}`.replace(/\/index\.html$/, "/");
}

/**
 * Puts a stored file at `file`: a hard link, or a copy across file systems. Pagefind never
 * rewrites a file named by its content's hash; were one rewritten anyway, the store's hash check
 * makes its object a miss next time, and `untouched` leaves it out now.
 */
function placeFile(stored: StoredFile, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    linkSync(stored.object, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
    copyFileSync(stored.object, file, constants.COPYFILE_EXCL);
  }
}

/** A stored fragment put in place, and the file's identity then (to tell if anything rewrote it). */
interface PlacedFragment {
  fragment: Fragment;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Puts a stored fragment in `<outputPath>/fragment/`, noting it in `placed`; a failure only costs time. */
function placeFragment(
  stored: (Fragment & StoredFile) | undefined,
  outputPath: string,
  placed: Map<string, PlacedFragment>,
): void {
  if (!stored) return;
  const file = path.join(outputPath, "fragment", stored.name);
  try {
    placeFile(stored, file);
    const { ino, size, mtimeMs } = statSync(file);
    placed.set(stored.name, { fragment: stored, ino, size, mtimeMs });
  } catch {
    // Two pages claiming one name is for the index check to catch.
  }
}

/** The placed fragments whose files are as they were put in place (so their URLs are known). */
function untouched(outputPath: string, placed: ReadonlyMap<string, PlacedFragment>): Map<string, Fragment> {
  const known = new Map<string, Fragment>();
  for (const [name, { fragment, ino, size, mtimeMs }] of placed) {
    try {
      const now = statSync(path.join(outputPath, "fragment", name));
      if (now.ino === ino && now.size === size && now.mtimeMs === mtimeMs) known.set(name, fragment);
    } catch {
      // Gone: nothing to know.
    }
  }
  return known;
}

/** Puts a stored bundle in place as `outputPath`; false (and nothing left there) when a file fails. */
function placeBundle(files: readonly (StoredFile & { path: string })[], outputPath: string): boolean {
  try {
    for (const file of files) placeFile(file, path.join(outputPath, ...file.path.split("/")));
    return true;
  } catch {
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  }
}

/** Every file of the written bundle, for the store: fragments from what was read back, the rest from disk. */
function bundleFiles(outputPath: string, fragments: readonly Fragment[]): BundleFile[] {
  const fragmentBytes = new Map(fragments.map((fragment) => [`fragment/${fragment.name}`, fragment.bytes]));
  return readdirSync(outputPath, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(outputPath, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort()
    .map((file) => ({
      path: file,
      bytes: fragmentBytes.get(file) ?? readFileSync(path.join(outputPath, ...file.split("/"))),
    }));
}

/**
 * Whether the written index is exactly the one a run with nothing put in place writes: each
 * language's page list names the marked pages in the order they were sent, each by a fragment
 * that holds that page's URL, and the fragment folder holds nothing else. A fragment put in place
 * holds what Pagefind would write for its page (same path, same bytes, same Pagefind), so a page
 * numbered with its own fragment is a page indexed as from nothing.
 */
function isExactIndex(outputPath: string, pages: readonly Page[], fragments: readonly Fragment[]): boolean {
  const order = readPageOrder(outputPath);
  if (!order) return false;
  const urlOf = new Map(fragments.map((fragment) => [fragment.name, fragment.url]));
  const position = new Map(pages.map((page, at) => [pageUrl(page.file), at]));
  const numbered = new Set<number>();
  const referenced = new Set<string>();
  for (const names of order) {
    let previous = -1;
    for (const name of names) {
      const url = urlOf.get(name);
      const at = url === undefined ? undefined : position.get(url);
      if (at === undefined || at <= previous || numbered.has(at)) return false;
      previous = at;
      numbered.add(at);
      referenced.add(name);
    }
  }
  return numbered.size === pages.length && referenced.size === fragments.length;
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

export interface IndexOptions {
  /**
   * Where Pagefind's output is kept between builds: by default `DATELINE_SEARCH_CACHE` (`off`
   * for none), else `node_modules/.cache/dateline-search`; false for none.
   */
  cacheDir?: string | false;
}

/** What one run did: pages indexed, and how many of their fragments came from the store. */
export interface IndexReport {
  pages: number;
  reused: number;
}

/**
 * Indexes one bundle's pages into `outputPath` with the store's fragments put in place, checks
 * the index, and keeps what it wrote; returns how many fragments came from the store.
 */
async function indexBundle(
  site: string,
  pages: readonly Page[],
  probe: Page | undefined,
  keys: ReadonlyMap<string, string>,
  outputPath: string,
  store: SearchStore | undefined,
  key: string,
): Promise<number> {
  const placed = new Map<string, PlacedFragment>();
  const run = await PagefindRun.start(site);
  for (const page of pages) run.add(page);
  // Pagefind indexes EVERY page when no page carries the attribute; we never want that.
  if (probe) run.add(probe);
  // While Pagefind parses: unchanged pages' fragments, in place before it writes.
  for (const page of pages) {
    const pageKey = keys.get(pageUrl(page.file));
    if (pageKey !== undefined) placeFragment(store?.take(pageKey), outputPath, placed);
  }
  await run.write(outputPath);

  let fragments = readFragments(outputPath, untouched(outputPath, placed));
  let reused = fragments.filter((fragment) => placed.get(fragment.name)?.fragment === fragment).length;
  if (placed.size > 0 && !isExactIndex(outputPath, pages, fragments)) {
    // Something put in place was not what Pagefind would have written: index again from nothing.
    rmSync(outputPath, { recursive: true, force: true });
    const cold = await PagefindRun.start(site);
    for (const page of pages) cold.add(page);
    if (probe) cold.add(probe);
    await cold.write(outputPath);
    fragments = readFragments(outputPath, new Map());
    reused = 0;
  }

  const mismatch = describeIndexMismatch(
    pages.map((page) => page.file),
    fragments.map((fragment) => fragment.url),
  );
  if (mismatch.length > 0) throw new BuildError(mismatch.join("\n"));
  if (store) {
    for (const fragment of fragments) {
      const pageKey = keys.get(fragment.url);
      if (pageKey !== undefined) store.keep(pageKey, fragment);
    }
    store.keepBundle(key, bundleFiles(outputPath, fragments));
  }
  return reused;
}

/** Indexes the issues of a built site into `<siteDir>/pagefind/`, and says what it reused. */
export async function indexSiteReport(siteDir: string, options: IndexOptions = {}): Promise<IndexReport> {
  const site = path.resolve(siteDir);
  if (!existsSync(site) || !statSync(site).isDirectory()) throw new Error(`${siteDir}: no such folder`);
  const outputPath = path.join(site, "pagefind");
  // A fresh folder: bundles and fragments of issues that were since removed must not linger.
  rmSync(outputPath, { recursive: true, force: true });

  const fingerprint = indexerFingerprint(PAGEFIND_CONFIG);
  const marked: Page[] = [];
  const keys = new Map<string, string>();
  /**
   * The first unmarked page, sent after each bundle's marked ones: Pagefind drops it (with no
   * trace in the index) while any page has a marked element, and indexes it only when none has,
   * so a page we count as marked that Pagefind does not is still named by the index check.
   */
  let probe: Page | undefined;
  // Every page is read: which ones are marked is the HTML's to say, not their URLs'.
  for (const file of htmlFiles(site)) {
    const html = readFileSync(path.join(site, file));
    if (!carriesBodyAttribute(html.toString("latin1"))) {
      probe ??= pageOf(file, html);
      continue;
    }
    marked.push(pageOf(file, html));
    keys.set(pageUrl(file), fragmentKey(fingerprint, file, html));
  }
  const byFile = new Map(marked.map((page) => [page.file, page]));
  const bundles = groupIntoBundles(marked.map((page) => page.file));
  // A site with no marked page keeps no store (and lists no bundle).
  const store = marked.length > 0 ? new SearchStore(options.cacheDir ?? searchCacheDir()) : undefined;
  let reused = 0;
  const toIndex: { bundle: SearchBundle; key: string }[] = [];
  for (const bundle of bundles) {
    const pageKeys = bundle.files.map((file) => keys.get(pageUrl(file)) ?? "");
    const key = bundleKey([`bundle ${bundle.id}`, ...pageKeys]);
    const stored = store?.takeBundle(key);
    if (store && stored && placeBundle(stored, path.join(outputPath, bundle.id))) {
      // Not one of its pages changed: the bundle is the one an earlier build checked and wrote.
      for (const pageKey of pageKeys) store.touch(pageKey);
      reused += bundle.files.length;
    } else {
      toIndex.push({ bundle, key });
    }
  }
  if (toIndex.length > 0) {
    await withPagefind(async () => {
      for (const { bundle, key } of toIndex) {
        const pages = bundle.files.map((file) => byFile.get(file) as Page);
        reused += await indexBundle(site, pages, probe, keys, path.join(outputPath, bundle.id), store, key);
      }
    });
  }
  mkdirSync(outputPath, { recursive: true });
  writeFileSync(path.join(outputPath, BUNDLES_FILE), renderBundleList(bundles));
  store?.finish();
  return { pages: marked.length, reused };
}

/** Indexes the issues of a built site into `<siteDir>/pagefind/`; returns how many pages it indexed. */
export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<{ pages: number }> {
  const { pages } = await indexSiteReport(siteDir, options);
  return { pages };
}
