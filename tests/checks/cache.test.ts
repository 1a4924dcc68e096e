/**
 * The check cache: a warm check says exactly what a cold one says, a stale or damaged entry
 * hides nothing, and a changed html-validate config is a new cache. Also the 100 KB budget on
 * any page, the sitemap index, and problems that name their source file.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "../../lib/checks/cache.ts";
import { type CheckOptions, checkSite, formatProblem, formatReport } from "../../lib/checks/index.ts";
import { renderSitemaps } from "../../lib/outputs/sitemaps.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";
import { copySite, insertAfter, LEAD_PHOTO, photoFile, removeCopies } from "./site-copy.ts";

let fixture: FixtureSite;
const folders: string[] = [];

beforeAll(() => {
  fixture = sharedSite("standard");
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.stderr}`);
});
afterAll(() => {
  removeCopies();
  fixture?.remove();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("cacheDirFor", () => {
  it.each([
    ["an option wins over the setting", "/option", "off", "/option"],
    ["false from the caller turns it off", false, "/elsewhere", false],
    ["DATELINE_CHECK_CACHE=off turns it off, as for every store", undefined, "off", false],
    ["DATELINE_CHECK_CACHE names the folder", undefined, "/elsewhere", "/elsewhere"],
  ] as const)("%s", (_name, option, setting, expected) => {
    const before = process.env.DATELINE_CHECK_CACHE;
    process.env.DATELINE_CHECK_CACHE = setting;
    try {
      expect(cacheDirFor(option)).toBe(expected);
    } finally {
      if (before === undefined) delete process.env.DATELINE_CHECK_CACHE;
      else process.env.DATELINE_CHECK_CACHE = before;
    }
  });
});

function freshCache(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-check-cache-"));
  folders.push(dir);
  return dir;
}

async function lines(dir: string, options: CheckOptions): Promise<string[]> {
  return (await checkSite(dir, options)).problems.map(formatProblem);
}

/** The cache entry of a page, found by the hash of its bytes. */
function pageEntryOf(cacheDir: string, dir: string, page: string): string {
  const hash = createHash("sha256")
    .update(readFileSync(path.join(dir, page)))
    .digest("hex");
  return entryOf(cacheDir, hash);
}

function entryOf(cacheDir: string, hash: string): string {
  const found = readdirSync(cacheDir, { recursive: true, encoding: "utf8" }).filter((name) =>
    name.endsWith(`${hash}.json`),
  );
  if (found.length !== 1) throw new Error(`expected one cache entry ${hash}, found ${found.length}`);
  return path.join(cacheDir, found[0] ?? "");
}

/** The cross-page checks' record of the last run (lib/checks/last-run.ts). */
function lastRunEntry(cacheDir: string): string {
  const key = createHash("sha256").update("dateline-checks last run").digest("hex");
  return entryOf(cacheDir, key);
}

const ALPHA = "2025/04/alpha/index.html";
const BRAVO = "2025/04/bravo/index.html";
const BODY = '<main id="main" class="issue-page">';

describe("a warm cache", () => {
  it("says what a cold check says, and counts the pages it served", async () => {
    const cacheDir = freshCache();
    const site = copySite(fixture.output);
    const cold = await checkSite(site.dir, { cacheDir });
    expect(formatReport(cold)).toEqual(["checked 35 pages, 18 feeds, 2 sitemaps: 0 problems"]);
    site.edit(ALPHA, (html) =>
      insertAfter(html, BODY, '<p><a href="/2025/04/gone/">Gone</a><blink>x</blink></p>'),
    );
    const warm = await checkSite(site.dir, { cacheDir });
    const fresh = await checkSite(site.dir, { cacheDir: false });
    expect(warm.problems).toEqual(fresh.problems);
    expect(warm.pagesFromCache).toBe(34);
    expect(fresh.pagesFromCache).toBe(0);
    expect(formatReport(warm)).toEqual([
      expect.stringMatching(/^2025\/04\/alpha\/index\.html: \d+:\d+ deprecated: <blink> is deprecated$/),
      expect.stringMatching(
        /^2025\/04\/alpha\/index\.html: \d+:\d+ element-permitted-content: <blink> element is not permitted as content under <p>$/,
      ),
      `${ALPHA}: broken link <a href="/2025/04/gone/">: no file 2025/04/gone/index.html`,
      "checked 35 pages (34 from cache), 18 feeds, 2 sitemaps: 3 problems",
    ]);
    // Unchanged, the next run serves every page from the cache and reports the same problems.
    const again = await checkSite(site.dir, { cacheDir });
    expect(again.pagesFromCache).toBe(35);
    expect(again.problems).toEqual(fresh.problems);
  }, 240_000);

  it("reports a link broken by a page renamed away, on pages served from the cache", async () => {
    const cacheDir = freshCache();
    const site = copySite(fixture.output);
    expect(await lines(site.dir, { cacheDir })).toEqual([]);
    renameSync(path.join(site.dir, "2025/04/bravo"), path.join(site.dir, "2025/04/bravo-renamed"));
    const warm = await checkSite(site.dir, { cacheDir });
    expect(warm.pagesFromCache).toBe(35);
    const fresh = await checkSite(site.dir, { cacheDir: false });
    expect(warm.problems).toEqual(fresh.problems);
    expect(warm.problems.map(formatProblem)).toContain(
      `${ALPHA}: broken link <a href="/2025/04/bravo/">: no file ${BRAVO}`,
    );
  });

  it("recovers from a truncated and a corrupted entry with a cold check of those pages", async () => {
    const cacheDir = freshCache();
    const site = copySite(fixture.output);
    site.edit(ALPHA, (html) => insertAfter(html, BODY, "<blink>Old</blink>"));
    const first = await checkSite(site.dir, { cacheDir });
    expect(first.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^2025\/04\/alpha\/index\.html: \d+:\d+ deprecated: <blink> is deprecated$/),
    ]);
    const alphaEntry = pageEntryOf(cacheDir, site.dir, ALPHA);
    const text = readFileSync(alphaEntry, "utf8");
    // Still valid JSON of the right shape, but not what was written: the checksum catches it.
    writeFileSync(alphaEntry, text.replace("deprecated: <blink> is deprecated", "deprecated: fine"));
    const bravoEntry = pageEntryOf(cacheDir, site.dir, BRAVO);
    writeFileSync(bravoEntry, readFileSync(bravoEntry, "utf8").slice(0, 100));
    // The last run's record, damaged too: no verdict is kept, so every page's facts are read.
    const lastRun = lastRunEntry(cacheDir);
    writeFileSync(lastRun, readFileSync(lastRun, "utf8").slice(0, 200));
    const recovered = await checkSite(site.dir, { cacheDir });
    expect(recovered.verdictsKept).toBe(0);
    expect(recovered.pagesFromCache).toBe(33);
    expect(recovered.problems).toEqual(first.problems);
    // The damaged entries were written again, whole.
    expect((await checkSite(site.dir, { cacheDir })).pagesFromCache).toBe(35);
  });

  it("is a new cache when the html-validate config's content changes", async () => {
    const cacheDir = freshCache();
    // Beside the fixture's own copy, so its imports of _data/ and lib/ resolve.
    const config = path.join(fixture.dir, "htmlvalidate-edited.mjs");
    const original = readFileSync(path.join(fixture.dir, ".htmlvalidate.mjs"), "utf8");
    writeFileSync(config, original);
    const options = { cacheDir, htmlValidateConfig: config };
    expect(await lines(fixture.output, options)).toEqual([]);
    writeFileSync(config, original.replace("{ maxlength: maxTitleLength }", "{ maxlength: 12 }"));
    const edited = await checkSite(fixture.output, options);
    expect(edited.pagesFromCache).toBe(0);
    expect(edited.problems.length).toBeGreaterThan(0);
    expect(edited.problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^2025\/04\/alpha\/index\.html: \d+:\d+ dateline\/long-title: title text cannot be longer than 12 characters$/,
        ),
      ]),
    );
  });
});

describe("budgets and sources", () => {
  it("holds every page to 100 KB, not only issue pages", async () => {
    const site = copySite(fixture.output);
    site.edit("about/index.html", (html) =>
      html.replace("</main>", `<!--${"x".repeat(101 * 1024)}--></main>`),
    );
    const bytes = readFileSync(path.join(site.dir, "about/index.html")).length;
    expect(await lines(site.dir, { cacheDir: false })).toEqual([
      `about/index.html: page is ${bytes} bytes (${Number((bytes / 1024).toFixed(1))} KB), over the 100 KB budget`,
    ]);
  });

  it("names the issue file of a page, and the field behind a budget failure", async () => {
    const site = copySite(fixture.output);
    site.edit(BRAVO, (html) => insertAfter(html, BODY, '<p><a href="/gone/">Gone</a></p>'));
    const picked = photoFile(site.dir, LEAD_PHOTO, "800", "avif");
    site.write(picked, Buffer.alloc(130 * 1024));
    const sources = new Map([[BRAVO, "src/issues/2025/bravo.md"]]);
    expect(await lines(site.dir, { cacheDir: false, sources })).toEqual([
      `${BRAVO} (from src/issues/2025/bravo.md): broken link <a href="/gone/">: no file gone/index.html`,
      `${BRAVO} (from src/issues/2025/bravo.md): photo: lead image /${picked} (picked at a 400px viewport, DPR 2) is 133120 bytes (130 KB), over the 120 KB budget — use a smaller or more compressed original`,
    ]);
  });
});

describe("a sitemap past the protocol's limits", () => {
  /** The fixture's sitemap entries, as the build wrote them. */
  function entries(xml: string): { url: string; lastmod?: string }[] {
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>(?:\s*<lastmod>([^<]+)<\/lastmod>)?/g)].map(
      ([, url = "", lastmod]) => (lastmod === undefined ? { url } : { url, lastmod }),
    );
  }

  it("is accepted as an index and its parts, and a missing part is reported", async () => {
    const site = copySite(fixture.output);
    const files = renderSitemaps(entries(site.read("sitemap.xml")), "https://dateline.example", {
      maxUrls: 11,
      maxBytes: 50 * 1024 * 1024,
    });
    expect(files.map((file) => file.path)).toEqual([
      "/sitemap.xml",
      "/sitemap-1.xml",
      "/sitemap-2.xml",
      "/sitemap-3.xml",
    ]);
    for (const file of files) site.write(file.path.slice(1), file.xml);
    const report = await checkSite(site.dir, { cacheDir: false });
    expect(formatReport(report)).toEqual(["checked 35 pages, 18 feeds, 5 sitemaps: 0 problems"]);
    rmSync(path.join(site.dir, "sitemap-2.xml"));
    expect(await lines(site.dir, { cacheDir: false })).toEqual([
      "sitemap.xml: <loc>https://dateline.example/sitemap-2.xml</loc> is missing (no file sitemap-2.xml)",
    ]);
  });

  it("is reported when one file lists more URLs or bytes than allowed", async () => {
    const xml = readFileSync(path.join(fixture.output, "sitemap.xml"), "utf8");
    const bytes = Buffer.byteLength(xml);
    const urls = entries(xml).length;
    expect(
      await lines(fixture.output, { cacheDir: false, budgets: { sitemapUrls: 3, sitemapBytes: 1024 } }),
    ).toEqual([
      `sitemap.xml: lists ${urls} URLs, over the protocol's limit of 3 — split it with a sitemap index`,
      `sitemap.xml: is ${bytes} bytes (${Number((bytes / 1024).toFixed(1))} KB), over the 1 KB budget — split it with a sitemap index`,
    ]);
  });
});
