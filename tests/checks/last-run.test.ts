/**
 * The cross-page checks keep a page's verdict only while nothing it depends on changed: after
 * each change below, a warm check (with the last run's records) reports exactly what a cold
 * check (no cache) reports, and the change's effect shows on a page whose own bytes did not
 * change. Small hand-written sites, checked in-process with one lane.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CheckOptions, checkSite, formatProblem } from "../../lib/checks/index.ts";

const ORIGIN = "https://checks.example";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="canonical" href="${ORIGIN}/">
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

const SITE: Record<string, string> = {
  "index.html": page(
    "Home",
    `<p><a href="/a/">A</a> <a href="/b/">B</a> <a href="/c/#section">C</a> <a href="/later/">Later</a> <a href="/notes">Notes</a> <a href="${ORIGIN}/gone/">Gone</a></p>`,
  ),
  "a/index.html": page("A", '<p><a href="/b/#point">B\'s point</a> <a href="/">Home</a></p>'),
  "b/index.html": page("B", '<p id="point">The point. <a href="/a/">A</a></p>'),
  "c/index.html": page("C", '<h2 id="section">A section</h2><p><a href="/">Home</a></p>'),
};

let dir = "";
let cacheDir = "";
afterEach(() => {
  for (const folder of [dir, cacheDir]) if (folder !== "") rmSync(folder, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

async function check(options: CheckOptions = {}) {
  return checkSite(dir, { threads: 1, cacheDir, ...options });
}

async function lines(options: CheckOptions = {}) {
  return (await check(options)).problems.map(formatProblem);
}

async function coldLines(options: CheckOptions = {}) {
  return (await checkSite(dir, { threads: 1, ...options, cacheDir: false })).problems.map(formatProblem);
}

interface Change {
  name: string;
  apply: () => void;
  /** A problem the change makes or clears, on a page whose bytes it left alone. */
  shows: (problems: string[]) => void;
  options?: CheckOptions;
}

const changes: Change[] = [
  {
    name: "a linked page goes away",
    apply: () => rmSync(path.join(dir, "c/index.html")),
    shows: (problems) =>
      expect(problems).toContain('index.html: broken link <a href="/c/#section">: no file c/index.html'),
  },
  {
    name: "a page that was missing appears",
    apply: () => write("later/index.html", page("Later", '<p><a href="/">Home</a></p>')),
    shows: (problems) => expect(problems.filter((line) => line.includes("/later/"))).toEqual([]),
  },
  {
    name: "a link without its slash finds the folder's page",
    apply: () => write("notes/index.html", page("Notes", '<p><a href="/">Home</a></p>')),
    shows: (problems) => expect(problems.filter((line) => line.includes('"/notes"'))).toEqual([]),
  },
  {
    name: "a fragment's target loses its id",
    apply: () => write("b/index.html", page("B", '<p id="moved">The point. <a href="/a/">A</a></p>')),
    shows: (problems) =>
      expect(problems).toContain(
        'a/index.html: missing fragment <a href="/b/#point">: no id="point" in b/index.html',
      ),
  },
  {
    name: "the origin changes",
    apply: () => {},
    options: { origin: "https://elsewhere.example" },
    // The old origin's absolute links are another site's now: not this site's broken links.
    shows: (problems) => expect(problems.filter((line) => line.includes("/gone/"))).toEqual([]),
  },
  {
    name: "a page's source file is named",
    apply: () => {},
    options: { sources: { "index.html": "src/issues/2025/home.md" } },
    shows: (problems) =>
      expect(problems).toContain(
        'index.html (from src/issues/2025/home.md): broken link <a href="/later/">: no file later/index.html',
      ),
  },
];

describe("the cross-page checks after a change", () => {
  it.each(changes)("report what a cold check reports when $name", async ({ apply, shows, options }) => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dateline-last-run-site-"));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "dateline-last-run-cache-"));
    for (const [file, text] of Object.entries(SITE)) write(file, text);
    const first = await lines();
    expect(first).toContain('index.html: broken link <a href="/later/">: no file later/index.html');
    expect(first).toContain('index.html: broken link <a href="/notes">: no file notes');
    expect(first).toContain(`index.html: broken link <a href="${ORIGIN}/gone/">: no file gone/index.html`);
    // Unchanged, the second run keeps every page's verdict.
    const again = await check();
    expect(again.verdictsKept).toBe(again.pages);
    expect(again.problems.map(formatProblem)).toEqual(first);

    apply();
    const warm = await lines(options);
    expect(warm).toEqual(await coldLines(options));
    shows(warm);
  });

  it("checks again only the pages that changed or read what changed", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dateline-last-run-site-"));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), "dateline-last-run-cache-"));
    for (const [file, text] of Object.entries(SITE)) write(file, text);
    await check();
    // a's text changes and no page links to an id on it: only a is checked again. c changes
    // too, and the home page links to an id on c, so the home page is checked again with it.
    write("a/index.html", page("A", '<p><a href="/b/#point">The point of B</a> <a href="/">Home</a></p>'));
    let report = await check();
    expect(report.pages).toBe(4);
    expect(report.verdictsKept).toBe(3);
    expect(report.problems.map(formatProblem)).toEqual(await coldLines());
    write("c/index.html", page("C", '<h2 id="section">A section, renamed</h2><p><a href="/">Home</a></p>'));
    report = await check();
    expect(report.verdictsKept).toBe(2);
    expect(report.problems.map(formatProblem)).toEqual(await coldLines());
  });
});
