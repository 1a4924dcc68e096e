/**
 * Internal errors a writer can cause are reported as one line naming the files, not a stack:
 * two templates writing one URL, and a page the search index and our reading of it disagree on.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  describeDuplicatePermalink,
  describeFailure,
  describeFileSystemError,
} from "../../lib/build/errors.ts";
import { carriesBodyAttribute, indexSite } from "../../lib/search/index-site.ts";
import { JsonStore } from "../../lib/shared/store.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { copyOfSharedSite } from "../helpers/shared-fixtures.ts";

const stackLines = (text: string): string[] => text.split("\n").filter((line) => /^\s+at /.test(line));

describe("two templates writing one URL", () => {
  it("is one line naming both input files and the URL", () => {
    const site = copyOfSharedSite("standard");
    try {
      const published = hashTree(site.output);
      writeFileSync(
        path.join(site.dir, "src/press.md"),
        "---\ntitle: Press\nlayout: layouts/base.njk\npermalink: /about/\n---\nPress.\n",
      );
      const failed = site.rebuild();
      expect(failed.status).toBe(1);
      expect(hashTree(site.output)).toEqual(published);
      expect(failed.stderr.split("\n")).toContain(
        "Build failed: src/about.md and src/press.md: permalink: both publish /about/ — give one of them its own permalink or file name",
      );
      expect(failed.stderr).toContain("_site/ was left as it was.");
      expect(stackLines(failed.stderr)).toEqual([]);
    } finally {
      site.remove();
    }
  }, 300_000);

  it("reads Eleventy's message, however many files and whatever the output file", () => {
    const message =
      "Output conflict: multiple input files are writing to `./_site.staging-12/feed.xml`. Use distinct `permalink` values to resolve this conflict.\n  1. ./src/c.njk\n  2. ./src/a.njk\n  3. ./src/b.njk\n\n";
    expect(describeDuplicatePermalink(message, "_site.staging-12")).toBe(
      "src/a.njk, src/b.njk and src/c.njk: permalink: both publish /feed.xml — give one of them its own permalink or file name",
    );
    const wrapped = Object.assign(new Error("Having trouble writing to the output"), {
      originalError: Object.assign(new Error(message), { name: "DuplicatePermalinkOutputError" }),
    });
    expect(describeFailure(wrapped, "_site.staging-12")).toBe(
      "src/a.njk, src/b.njk and src/c.njk: permalink: both publish /feed.xml — give one of them its own permalink or file name",
    );
  });

  it("keeps every stack of an error nobody foresaw", () => {
    const cause = new Error("the cause");
    const described = describeFailure(new Error("outer", { cause }), "_site.staging-1");
    expect(described).toContain("Error: outer\n    at ");
    expect(described).toContain("\nCaused by: Error: the cause\n    at ");
  });
});

/** A file-system error as Node raises it. */
function fsError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, '${file}'`), { code, path: file, syscall: "open" });
}

describe("a file-system failure", () => {
  const cwd = process.cwd();
  it.each([
    [
      "ENOSPC",
      "_site.staging-12/a/index.html",
      {},
      "_site.staging-12/a/index.html: cannot be written (the disk is full) — free some disk space and build again",
    ],
    [
      "EDQUOT",
      "_site.staging-12/a/index.html",
      {},
      "_site.staging-12/a/index.html: cannot be written (the disk quota is used up) — free some disk space and build again",
    ],
    [
      "EACCES",
      "_site.staging-12",
      {},
      "_site.staging-12: cannot be written (permission denied) — make it writable and build again",
    ],
    [
      "ENOTDIR",
      "cache-file/photos/index.json",
      { DATELINE_PHOTO_CACHE: "cache-file/photos" },
      "DATELINE_PHOTO_CACHE: cache-file/photos/index.json cannot be written (a part of the path is a file, not a folder) — use a folder path, point DATELINE_PHOTO_CACHE at a writable folder, or unset it",
    ],
    [
      "EROFS",
      "read-only-disk/outputs/objects/ab/x",
      { DATELINE_OUTPUT_CACHE: "read-only-disk/outputs" },
      "DATELINE_OUTPUT_CACHE: read-only-disk/outputs/objects/ab/x cannot be written (read-only file system) — use a folder on a writable disk, point DATELINE_OUTPUT_CACHE at a writable folder, or unset it",
    ],
  ])("%s on %s is one line with the fix", (code, file, env, line) => {
    expect(describeFileSystemError(fsError(code, path.resolve(cwd, file)), env)).toBe(line);
  });

  it("is found inside Eleventy's wrapping, and an unknown error keeps its stack", () => {
    const wrapped = Object.assign(new Error("Having trouble writing to the output"), {
      originalError: fsError("ENOSPC", path.resolve(cwd, "_site.staging-1/x.html")),
    });
    expect(describeFailure(wrapped, "_site.staging-1")).toBe(
      "_site.staging-1/x.html: cannot be written (the disk is full) — free some disk space and build again",
    );
    expect(describeFailure(fsError("ELOOP", "/x"), "_site")).toContain("\n    at ");
  });

  it("stops the build in one line when the photo cache's path runs through a file", () => {
    const site = copyOfSharedSite("standard");
    try {
      writeFileSync(path.join(site.dir, "cache-file"), "not a folder\n");
      const failed = site.rebuild({ DATELINE_PHOTO_CACHE: "cache-file/photos" });
      expect(failed.status).toBe(1);
      expect(failed.stderr.split("\n")).toContain(
        "Build failed: DATELINE_PHOTO_CACHE: cache-file/photos cannot be written (a part of the path is a file, not a folder) — use a folder path, point DATELINE_PHOTO_CACHE at a writable folder, or unset it",
      );
      expect(stackLines(failed.stderr)).toEqual([]);
    } finally {
      site.remove();
    }
  }, 300_000);

  it("in a check or email cache is a miss, never a crash: the store's writes settle", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dateline-cache-file-"));
    try {
      writeFileSync(path.join(dir, "afile"), "not a folder\n");
      const store = new JsonStore(path.join(dir, "afile", "cache"), "a".repeat(32), "DATELINE_CHECK_CACHE");
      store.write("b".repeat(64), { problems: [] });
      await expect(store.finish()).resolves.toBeUndefined();
      expect(store.read("b".repeat(64), z.object({ problems: z.array(z.string()) }))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("which pages carry data-pagefind-body", () => {
  it("reads elements' attributes, not the words of a value, a comment or raw text", () => {
    expect(carriesBodyAttribute('<main class="issue" data-pagefind-body><p>x</p></main>')).toBe(true);
    expect(carriesBodyAttribute('<article DATA-PAGEFIND-BODY="">x</article>')).toBe(true);
    expect(carriesBodyAttribute('<img src="a.jpg" data-pagefind-body/>')).toBe(true);
    expect(carriesBodyAttribute('<img alt="a map; data-pagefind-body marks it" src="a.jpg">')).toBe(false);
    expect(carriesBodyAttribute("<img alt='x > data-pagefind-body' src=a.jpg>")).toBe(false);
    expect(carriesBodyAttribute('<meta content="data-pagefind-body">')).toBe(false);
    expect(carriesBodyAttribute("<!-- <div data-pagefind-body> --><p>x</p>")).toBe(false);
    expect(carriesBodyAttribute('<script>"<div data-pagefind-body>"</script><p>x</p>')).toBe(false);
    expect(carriesBodyAttribute("<title><b data-pagefind-body></title>")).toBe(false);
    expect(carriesBodyAttribute("<p>a &lt;div data-pagefind-body&gt; in text</p>")).toBe(false);
  });
});

describe("the search index", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dateline-search-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const page = (file: string, html: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `<!doctype html><html lang="en"><body>${html}</body></html>`);
  };

  it("names a marked page Pagefind did not index (an empty marked element)", async () => {
    page("2025/04/full/index.html", "<main data-pagefind-body><p>Words to find.</p></main>");
    page("2025/04/empty/index.html", "<main data-pagefind-body></main>");
    await expect(indexSite(dir)).rejects.toThrow(
      "Search index: /2025/04/empty/: the page carries data-pagefind-body, but Pagefind did not index it — give the marked element text to index, or remove the attribute",
    );
  }, 120_000);

  it("counts a page whose alt text mentions the attribute as unmarked, as Pagefind does", async () => {
    page("2025/04/empty/index.html", "<main data-pagefind-body><p>Now it has words.</p></main>");
    page("about/index.html", '<p><img src="/a.png" alt="a panel; data-pagefind-body here"> About.</p>');
    expect(await indexSite(dir)).toEqual({ pages: 2 });
  }, 120_000);
});

describe("a site whose about page has an alt text mentioning data-pagefind-body", () => {
  it("builds, and the search index holds the issues alone", () => {
    const about = [
      "---",
      "title: About",
      "description: What Dateline is.",
      "layout: layouts/base.njk",
      "permalink: /about/",
      "---",
      "# About",
      "",
      '<img src="/assets/icon.svg" alt="The Dateline mark; data-pagefind-body is an attribute name" width="32" height="32">',
      "",
      // The policies the site's JSON-LD and the corrections page link to.
      '<p id="principles">Principles.</p>',
      "",
      '<p id="corrections">Corrections.</p>',
      "",
      // Each type of work's definition, which the kicker labels link, and the other policies.
      ...["news", "analysis", "opinion", "explainer", "review", "briefing"].map(
        (id) => `<p id="${id}">${id}.</p>\n`,
      ),
      ...["ethics", "diversity", "unnamed-sources", "verification", "feedback", "ownership"].map(
        (id) => `<p id="${id}">${id}.</p>\n`,
      ),
    ].join("\n");
    const site = copyOfSharedSite("standard");
    try {
      writeFileSync(path.join(site.dir, "src/about.md"), about);
      // The search store off, so Pagefind reads every page, the new about page among them.
      const built = site.rebuild({ DATELINE_SEARCH_CACHE: "off" });
      expect(built.stderr).not.toContain("Build failed");
      expect(built.status).toBe(0);
      expect(built.read("about/index.html")).toContain('alt="The Dateline mark; data-pagefind-body');
      expect(built.stdout).toContain(" from the output store; 4 issues indexed for search;");
    } finally {
      site.remove();
    }
  }, 300_000);
});

describe("a Pagefind whose process dies mid-run", () => {
  it("fails the build in one line, releases the lock and leaves the published site as it was", () => {
    const site = copyOfSharedSite("standard");
    try {
      const published = hashTree(site.output);
      // The real Pagefind, under a 512-byte file-size limit: its first index file kills it (SIGXFSZ).
      const realPagefind = createRequire(import.meta.url).resolve(
        `@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`,
      );
      const limited = path.join(site.dir, "pagefind-limited.sh");
      writeFileSync(limited, `#!/bin/sh\nulimit -f 1\nexec '${realPagefind}' "$@"\n`, { mode: 0o755 });
      // The search store off, so Pagefind runs although no page changed.
      const failed = site.rebuild({ PAGEFIND_EXTENDED_BINARY_PATH: limited, DATELINE_SEARCH_CACHE: "off" });
      expect(failed.status).toBe(1);
      expect(failed.stderr.split("\n")).toContain(
        "Build failed: the search index could not be written: Pagefind's process ended before it finished (a file-size limit, a full disk or too little memory can end it) — free disk space, raise the file-size or memory limit if one is set, and build again",
      );
      expect(stackLines(failed.stderr)).toEqual([]);
      expect(failed.stderr).not.toContain("Service stopped");
      expect(readdirSync(site.dir).filter((name) => name.startsWith("_site."))).toEqual([]);
      expect(hashTree(site.output)).toEqual(published);
    } finally {
      site.remove();
    }
  }, 300_000);
});
