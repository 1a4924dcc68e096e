/**
 * Throw-away copies of a built site for the check tests: each test breaks one thing in its own
 * copy, so one fixture build serves them all. `makeSoundSite` also fills the two gaps the site
 * has today (no NewsArticle image without a photo, the lead photo served as a 130 KB original),
 * the way the seo and photo work will, so the tests start from a site with zero problems.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import sharp from "sharp";

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

export const LEAD_PHOTO = "photos/2025/istanbul-consulate-placeholder.jpg";

/**
 * Pages another work stream is building while these tests were written: `search/` (its
 * script is not in the output yet, and the page will go on `budgets.scriptPages`). Nothing else
 * links to them, so the sound site leaves them out; delete an entry once its work has landed.
 */
export const IN_PROGRESS = ["search"];

/** A copy of the fixture site with its two known gaps filled, so every check passes. */
export async function makeSoundSite(from: string): Promise<SiteCopy> {
  const site = copySite(from);
  for (const folder of IN_PROGRESS) rmSync(path.join(site.dir, folder), { recursive: true, force: true });
  for (const page of ISSUE_PAGES) {
    const html = editJsonLd(site.read(page), (article) => {
      article.image ??= ["https://dateline.example/assets/logo.png"];
    });
    site.write(page, html);
  }
  // The photo pipeline will serve renditions; until then, a smaller original stands in.
  if (existsSync(path.join(from, LEAD_PHOTO))) {
    const photo = await sharp(path.join(from, LEAD_PHOTO))
      .resize({ width: 800 })
      .jpeg({ quality: 70 })
      .toBuffer();
    site.write(LEAD_PHOTO, photo);
  }
  return site;
}
