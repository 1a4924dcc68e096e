/** `npm run check <dir>` (scripts/run.mjs check-site): what it prints and how it exits. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";
import { copySite, insertAfter, removeCopies } from "./site-copy.ts";

const root = path.resolve(import.meta.dirname, "../..");

let fixture: FixtureSite;
const caches: string[] = [];

beforeAll(() => {
  fixture = sharedSite("standard");
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.stderr}`);
});
afterAll(() => {
  removeCopies();
  fixture?.remove();
  for (const cache of caches) rmSync(cache, { recursive: true, force: true });
});

/** Runs the CLI with a cache of its own: cold unless `cacheDir` is one used before. */
function runCheck(
  args: string[],
  cacheDir = mkdtempSync(path.join(tmpdir(), "dateline-cli-cache-")),
): { status: number | null; stdout: string; stderr: string } {
  caches.push(cacheDir);
  // As `npm run check` runs it (from the bundle scripts/run.mjs keeps in node_modules/.cache).
  return spawnSync(process.execPath, ["scripts/run.mjs", "check-site", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATELINE_CHECK_CACHE: cacheDir },
  });
}

describe("npm run check", () => {
  it("prints the summary and exits 0 on a sound site", () => {
    const result = runCheck([fixture.output]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("checked 35 pages, 18 feeds, 2 sitemaps: 0 problems\n");
    expect(result.status).toBe(0);
  });

  it("says how many pages came from the cache on the next run", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "dateline-cli-cache-"));
    expect(runCheck([fixture.output], cacheDir).stdout).toBe(
      "checked 35 pages, 18 feeds, 2 sitemaps: 0 problems\n",
    );
    const site = copySite(fixture.output);
    site.edit("about/index.html", (html) => insertAfter(html, "<main", ' data-edited=""'));
    const result = runCheck([site.dir], cacheDir);
    expect(result.stdout).toBe("checked 35 pages (34 from cache), 18 feeds, 2 sitemaps: 0 problems\n");
    expect(result.status).toBe(0);
  });

  it("prints every problem, then the count, and exits 1", () => {
    const site = copySite(fixture.output);
    site.edit("2025/04/alpha/index.html", (html) =>
      insertAfter(
        html,
        '<main id="main" class="issue-page">',
        '<p><a href="/gone/">Gone</a> <a href="#nowhere">Here</a></p>',
      ),
    );
    site.edit("feed.xml", (xml) => xml.replace(/\n\s*<updated>2025-04-12T11:00:00\+03:00<\/updated>/, ""));
    const result = runCheck([site.dir]);
    expect(result.stdout.split("\n")).toEqual([
      '2025/04/alpha/index.html: broken link <a href="/gone/">: no file gone/index.html',
      '2025/04/alpha/index.html: missing fragment <a href="#nowhere">: no id="nowhere" on this page',
      "feed.xml: missing <updated>",
      "checked 35 pages, 18 feeds, 2 sitemaps: 3 problems",
      "",
    ]);
    expect(result.status).toBe(1);
  });

  it("exits 1 with a hint when there is no built site", () => {
    const result = runCheck([path.join(fixture.output, "missing")]);
    expect(result.stderr).toBe(
      `${path.join(fixture.output, "missing")}: no such folder — run npm run build first\n`,
    );
    expect(result.status).toBe(1);
  });
});
