/**
 * The built site as every check sees it: its folder, its files (site-relative, `/`-separated,
 * sorted) and cached reads, so that seven checks over thirty pages read and parse each page once.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type CheerioAPI, load } from "cheerio";
import type { AnyNode } from "domhandler";

/** One failure: the site-relative file it is about, and what is wrong. */
export interface CheckProblem {
  file: string;
  message: string;
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
  /** The file as UTF-8 text, read once. */
  read(file: string): string;
  /** The file's size in bytes. */
  size(file: string): number;
  /** The file parsed as HTML (cheerio), parsed once. */
  html(file: string): CheerioAPI;
}

/** `a/b/index.html: message`, the one line format every check prints. */
export function formatProblem(problem: CheckProblem): string {
  return `${problem.file}: ${problem.message}`;
}

/** Lists the folder and returns the site with lazy, cached reads. */
export function loadSite(dir: string, origin?: string): BuiltSite {
  const absolute = path.resolve(dir);
  const files = readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(absolute, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
  const known = new Set(files);
  const texts = new Map<string, string>();
  const documents = new Map<string, CheerioAPI>();
  const read = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) {
      text = readFileSync(path.join(absolute, file), "utf8");
      texts.set(file, text);
    }
    return text;
  };
  const site: BuiltSite = {
    dir: absolute,
    files,
    origin: undefined,
    has: (file) => known.has(file),
    read,
    size: (file) => statSync(path.join(absolute, file)).size,
    html: (file) => {
      let document = documents.get(file);
      if (!document) {
        document = load(read(file));
        documents.set(file, document);
      }
      return document;
    },
  };
  return { ...site, origin: normaliseOrigin(origin) ?? findOrigin(site) };
}

function normaliseOrigin(origin: string | undefined): string | undefined {
  return origin === undefined ? undefined : new URL(origin).origin;
}

/** The origin of the home page's canonical link, else of the first page that has one. */
function findOrigin(site: BuiltSite): string | undefined {
  const pages = htmlFiles(site);
  const ordered = [...pages.filter((file) => file === "index.html"), ...pages];
  for (const file of ordered) {
    const href = site.html(file)('link[rel~="canonical"]').attr("href");
    if (href && URL.canParse(href)) return new URL(href).origin;
  }
  return undefined;
}

/** Every `.html` file of the site. */
export function htmlFiles(site: BuiltSite): string[] {
  return site.files.filter((file) => file.endsWith(".html"));
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
export function resolveSiteUrl(site: BuiltSite, value: string, base: string): URL | "external" | "invalid" {
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

/** The number with its noun, plural when it is not one. @example count(1, "problem") // "1 problem" */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** An element's tag name, for problem messages (`""` for text and comments). */
export function tagName(node: AnyNode): string {
  return "name" in node ? node.name : "";
}
