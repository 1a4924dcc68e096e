/**
 * The built site as every check sees it: its folder, its files (site-relative, `/`-separated,
 * sorted) and reads on demand. No page is kept parsed: pages are read one at a time into
 * compact facts (page-facts.ts), and the cross-page checks work on those.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { AnyNode } from "domhandler";

/** One failure: the site-relative file it is about, and what is wrong. */
export interface CheckProblem {
  file: string;
  message: string;
  /** The project file the page is built from (`src/issues/2025/slug.md`), when known. */
  source?: string;
  /** The source's front-matter field that caused it (`photo`), when known. */
  field?: string;
}

export interface BuiltSite {
  /** Absolute path of the site folder. */
  readonly dir: string;
  /** Every file, site-relative with `/` separators (`2025/04/alpha/index.html`), sorted. */
  readonly files: readonly string[];
  /**
   * The site's origin (`https://dateline.example`): absolute URLs on it count as internal.
   * Undefined when neither the options nor a canonical link say.
   */
  readonly origin: string | undefined;
  /** Whether the site has this file. */
  has(file: string): boolean;
  /** The file as UTF-8 text. */
  read(file: string): string;
  /** The file's size in bytes. */
  size(file: string): number;
  /** A URL found in a page with this base, resolved to a file of the site (see `createResolver`). */
  resolve(value: string, base: string): Resolved;
}

/**
 * `a/b/index.html: message`, the one line format every check prints; with the source file
 * and field when known: `a/b/index.html (from src/issues/2025/b.md): photo: message`.
 */
export function formatProblem(problem: CheckProblem): string {
  const from = problem.source === undefined ? "" : ` (from ${problem.source})`;
  const field = problem.field === undefined ? "" : `${problem.field}: `;
  return `${problem.file}${from}: ${field}${problem.message}`;
}

/** Every file of the folder, site-relative with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const absolute = path.resolve(dir);
  const prefix = absolute.length + 1;
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const parent = entry.parentPath.slice(prefix);
      const file = parent === "" ? entry.name : `${parent}${path.sep}${entry.name}`;
      return path.sep === "/" ? file : file.split(path.sep).join("/");
    })
    .sort();
}

/** The site in `dir` with these files, reading them on demand. */
export function makeSite(dir: string, files: readonly string[], origin: string | undefined): BuiltSite {
  const absolute = path.resolve(dir);
  const known = new Set(files);
  const has = (file: string): boolean => known.has(file);
  return {
    dir: absolute,
    files,
    origin,
    has,
    read: (file) => readFileSync(path.join(absolute, file), "utf8"),
    size: (file) => statSync(path.join(absolute, file)).size,
    resolve: createResolver({ has, origin }),
  };
}

/** `https://x.example/any/path` → `https://x.example`. */
export function normaliseOrigin(origin: string | undefined): string | undefined {
  return origin === undefined ? undefined : new URL(origin).origin;
}

/**
 * The URL path a page is served at: `index.html` → `/`, `a/index.html` → `/a/`, `404.html` → `/404.html`.
 * @example pagePath("2025/04/alpha/index.html") // "/2025/04/alpha/"
 */
export function pagePath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * The file a URL path is served from, the way a static host does it: `/a/` → `a/index.html`,
 * `/x.css` → `x.css`, `/a` → `a` or else `a/index.html` (a host redirects to `/a/`).
 * Returns the file the path should map to when none exists, so problems can name it.
 * @example resolveFile(site, "/2025/04/alpha/") // { file: "2025/04/alpha/index.html", exists: true }
 */
export function resolveFile(
  site: Pick<BuiltSite, "has">,
  urlPath: string,
): { file: string; exists: boolean } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = urlPath;
  }
  const relative = decoded.replace(/^\/+/, "");
  if (relative === "" || relative.endsWith("/")) {
    const file = `${relative}index.html`;
    return { file, exists: site.has(file) };
  }
  if (site.has(relative)) return { file: relative, exists: true };
  const index = `${relative}/index.html`;
  if (site.has(index)) return { file: index, exists: true };
  return { file: relative, exists: false };
}

/** The origin relative URLs resolve against when the site's own is unknown. */
export const UNKNOWN_ORIGIN = "https://site.invalid";

/**
 * Resolves a URL found in a page, and says whether it stays on the site. Other schemes
 * (`mailto:`, `tel:`, `data:`, `javascript:`) and other origins are not the site's business.
 */
function resolveSiteUrl(
  site: Pick<BuiltSite, "origin">,
  value: string,
  base: string,
): URL | "external" | "invalid" {
  if (/^[a-z][a-z\d+.-]*:/i.test(value) && !/^https?:/i.test(value)) return "external";
  if (!URL.canParse(value, base)) return "invalid";
  const url = new URL(value, base);
  return url.origin === (site.origin ?? UNKNOWN_ORIGIN) ? url : "external";
}

/**
 * KB (1024 bytes) with at most one decimal, for budget messages.
 * @example formatKb(132921) // "129.8 KB"
 */
export function formatKb(bytes: number): string {
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}

/**
 * The number with thousands separators and its noun, plural when it is not one.
 * @example count(1, "problem") // "1 problem"
 * @example count(1370, "page") // "1,370 pages"
 */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** An element's tag name, for problem messages (`""` for text and comments). */
export function tagName(node: AnyNode): string {
  return "name" in node ? node.name : "";
}

/** Where a URL found in a page leads: a path and fragment on the site, or why it does not. */
type Resolved = { file: string; exists: boolean; hash: string } | "external" | "invalid";

/**
 * `resolveSiteUrl` then `resolveFile`, remembered: most URLs of a site are the same few paths
 * (navigation, topics, assets), and a root-relative or absolute one resolves the same on every page.
 */
function createResolver(site: Pick<BuiltSite, "has" | "origin">): (value: string, base: string) => Resolved {
  const memo = new Map<string, Resolved>();
  return (value, base) => {
    const independent = /^(?:\/(?![/\\])|https?:\/\/)/i.test(value);
    const key = independent ? value : `${base}\n${value}`;
    let resolved = memo.get(key);
    if (resolved === undefined) {
      const url = resolveSiteUrl(site, value, base);
      resolved = typeof url === "string" ? url : { ...resolveFile(site, url.pathname), hash: url.hash };
      memo.set(key, resolved);
    }
    return resolved;
  };
}
