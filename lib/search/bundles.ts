/**
 * The search index in bundles. Pagefind has no incremental mode: it parses every page it is
 * given and builds the whole index again (about 3.5 ms a page). So the issues are indexed in
 * bundles that a new or edited issue mostly leaves alone, each its own Pagefind index under
 * `/pagefind/<id>/`, and the reader's browser merges them (Pagefind's `mergeIndex`, which loads
 * the WebAssembly once). A build indexes only the bundles whose pages changed; the rest come
 * from the search store.
 *
 * The rule: a year's issues are one bundle (`2025`); a year of more than `BUNDLE_LIMIT` is split
 * by quarter (`2025-q2`), and such a quarter by month (`2025-04`). A new issue changes only its
 * own bundle, so at most a quarter's pages are indexed again; an archive of 4,000 daily issues
 * is about 44 bundles. `bundles.json` lists them, newest first: the first is the one whose
 * engine the search page loads.
 */
import { PAGE_PATHS } from "../contract/urls.ts";

/** Issues above which a year (then a quarter) is split. */
export const BUNDLE_LIMIT = 200;
/** The list of bundles, in `/pagefind/`. */
export const BUNDLES_FILE = "bundles.json";

export interface SearchBundle {
  /** `2025`, `2025-q2`, `2025-04`, or `other` for pages outside `/<yyyy>/<mm>/`. */
  id: string;
  /** Its pages, relative to the site with `/`, in path order. */
  files: string[];
}

/** `2025/04/talks/index.html` → year and month, or undefined for any other path. */
function yearMonth(file: string): { year: string; month: number } | undefined {
  const match = /^(\d{4})\/(0[1-9]|1[0-2])\//.exec(file);
  return match ? { year: match[1] as string, month: Number(match[2]) } : undefined;
}

/** Splits `files` by `part` when there are more than the limit; else one bundle. */
function splitWhenLarge(
  id: string,
  files: string[],
  part: (file: string) => string,
  then: (id: string, files: string[]) => SearchBundle[],
): SearchBundle[] {
  if (files.length <= BUNDLE_LIMIT) return [{ id, files }];
  const parts = new Map<string, string[]>();
  for (const file of files) {
    const partId = part(file);
    const found = parts.get(partId);
    if (found) found.push(file);
    else parts.set(partId, [file]);
  }
  return [...parts].flatMap(([partId, partFiles]) => then(partId, partFiles));
}

const quarterOf = (file: string) => {
  const { year, month } = yearMonth(file) as { year: string; month: number };
  return `${year}-q${Math.ceil(month / 3)}`;
};
const monthOf = (file: string) => {
  const { year, month } = yearMonth(file) as { year: string; month: number };
  return `${year}-${String(month).padStart(2, "0")}`;
};

/** The newest month a bundle's id covers, for ordering (`2025` → 2025-12, `2025-q2` → 2025-06). */
function orderOf(id: string): string {
  const quarter = /^(\d{4})-q([1-4])$/.exec(id);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, "0")}`;
  return /^\d{4}$/.test(id) ? `${id}-12` : id === "other" ? "" : id;
}

/**
 * The bundles of the marked pages, newest first.
 *
 * @example
 * groupIntoBundles(["2024/12/a/index.html", "2025/04/b/index.html"])
 * // [{ id: "2025", files: ["2025/04/b/index.html"] }, { id: "2024", files: ["2024/12/a/index.html"] }]
 */
export function groupIntoBundles(files: readonly string[]): SearchBundle[] {
  const years = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const id = yearMonth(file)?.year ?? "other";
    const found = years.get(id);
    if (found) found.push(file);
    else years.set(id, [file]);
  }
  return [...years]
    .flatMap(([year, yearFiles]) =>
      year === "other"
        ? [{ id: year, files: yearFiles }]
        : splitWhenLarge(year, yearFiles, quarterOf, (quarter, quarterFiles) =>
            splitWhenLarge(quarter, quarterFiles, monthOf, (month, monthFiles) => [
              { id: month, files: monthFiles },
            ]),
          ),
    )
    .sort((a, b) => (orderOf(a.id) < orderOf(b.id) ? 1 : orderOf(a.id) > orderOf(b.id) ? -1 : 0));
}

/** `/pagefind/2025/`: where a bundle is published. */
export function bundleUrl(id: string): string {
  return `${PAGE_PATHS.pagefind}${id}/`;
}

/** `bundles.json`: the bundles' addresses, newest first. */
export function renderBundleList(bundles: readonly SearchBundle[]): string {
  return `${JSON.stringify({ bundles: bundles.map((bundle) => bundleUrl(bundle.id)) })}\n`;
}
