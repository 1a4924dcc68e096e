/**
 * Throw-away copies of a built site for the check tests: each test breaks one thing in its own
 * copy of the fixture site (which the build only publishes with zero problems), so one fixture
 * build serves them all. Never edit the fixture's own output: its photos are hard links into
 * the photo cache.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";

export interface SiteCopy {
  /** Absolute path of the copied site. */
  dir: string;
  read(file: string): string;
  write(file: string, content: string | Buffer): void;
  /** Rewrites a file's text; fails if the edit changes nothing, so a stale marker is noticed. */
  edit(file: string, change: (text: string) => string): void;
}

const copies: string[] = [];

/** A copy of the site in `from`, in a fresh temporary folder outside the repository. */
export function copySite(from: string): SiteCopy {
  const root = mkdtempSync(path.join(tmpdir(), "dateline-check-"));
  copies.push(root);
  const dir = path.join(root, "_site");
  cpSync(from, dir, { recursive: true });
  const read = (file: string): string => readFileSync(path.join(dir, file), "utf8");
  const write = (file: string, content: string | Buffer): void =>
    writeFileSync(path.join(dir, file), content);
  return {
    dir,
    read,
    write,
    edit: (file, change) => {
      const before = read(file);
      const after = change(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      write(file, after);
    },
  };
}

/** Removes every copy made so far. */
export function removeCopies(): void {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** `text` with `snippet` inserted right after the first `marker`. */
export function insertAfter(text: string, marker: string, snippet: string): string {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker not found: ${marker}`);
  return text.slice(0, at + marker.length) + snippet + text.slice(at + marker.length);
}

/** The page with its lead photo (the first `<picture>` or `<img>` in `.lead-figure`) replaced by `markup`. */
export function replaceLeadImage(html: string, markup: string): string {
  const $ = load(html);
  const image = $(".lead-figure").first().find("picture, img").first();
  if (image.length === 0) throw new Error("no lead image on the page");
  image.replaceWith(markup);
  return $.html();
}

/** 1-based line and column of a character offset, as html-validate counts them. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split("\n").length}:${offset - before.lastIndexOf("\n")}`;
}

type JsonObject = Record<string, unknown>;

/** Rewrites the page's first JSON-LD block, escaped as lib/seo.ts escapes it. */
export function editJsonLd(html: string, change: (value: JsonObject) => void): string {
  return html.replace(/(<script type="application\/ld\+json">)(.*?)(<\/script>)/s, (_, open, json, close) => {
    const value = JSON.parse(json) as JsonObject;
    change(value);
    const escaped = JSON.stringify(value).replace(
      /[<>&]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    return `${open}${escaped}${close}`;
  });
}

/** The issue pages of the fixture site, by slug. */
export const ISSUE_PAGES = ["alpha", "bravo", "charlie", "old-news"].map(
  (slug) => `2025/04/${slug}/index.html`,
);

/** The fixture's one photo (bravo's lead), as `photos/<year>/<name>` without variant or hash. */
export const LEAD_PHOTO = "photos/2025/istanbul-consulate-placeholder";

/** The site card issues without a photo fall back to. */
export const SITE_CARD = "photos/site/dateline-card";

/**
 * The site-relative file of a content-hashed output, found in the site folder: `<stem>.<hash>.<ext>`
 * with a hash of `hashLength` hex digits. Fails unless exactly one file matches.
 * @example hashedFile(dir, "assets/js/search", "js", 10) // "assets/js/search.1adbe5e519.js"
 */
export function hashedFile(dir: string, stem: string, ext: string, hashLength: number): string {
  const folder = path.posix.dirname(stem);
  const pattern = new RegExp(
    `^${escapeRegExp(path.posix.basename(stem))}\\.[0-9a-f]{${hashLength}}\\.${ext}$`,
  );
  const found = readdirSync(path.join(dir, folder)).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one ${stem}.<hash>.${ext}, found ${found.length}`);
  return `${folder}/${found[0]}`;
}

/**
 * One output of the photo pipeline, `photos/<year>/<name>-<variant>.<hash8>.<ext>`:
 * `photoFile(dir, LEAD_PHOTO, "800", "avif")` → `photos/2025/istanbul-consulate-placeholder-800.3f440bb4.avif`.
 */
export function photoFile(dir: string, photo: string, variant: string, ext: string): string {
  return hashedFile(dir, `${photo}-${variant}`, ext, 8);
}

/** The widths a photo's `<ext>` renditions come in, ascending (`[480, 800, …]`). */
export function renditionWidths(dir: string, photo: string, ext: string): number[] {
  const pattern = new RegExp(`^${escapeRegExp(path.posix.basename(photo))}-(\\d+)\\.[0-9a-f]{8}\\.${ext}$`);
  return readdirSync(path.join(dir, path.posix.dirname(photo)))
    .flatMap((name) => {
      const width = pattern.exec(name)?.[1];
      return width === undefined ? [] : [Number(width)];
    })
    .sort((a, b) => a - b);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
