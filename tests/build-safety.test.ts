/**
 * Nothing published is ever lost: the same input gives the same bytes, a build killed at any
 * step leaves (or gives back) the previous site byte for byte, and the build never writes into
 * the sources. Builds are held at named steps by the pause hook and killed there.
 */
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFolders } from "../lib/build/swap.ts";
import { besideSite, deadPid, startBuild } from "./build/run-build.ts";
import { FIXTURE_EPOCH } from "./fixtures/sample-issues.ts";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { hashTree } from "./helpers/hash-tree.ts";
import { copyOfSharedSite } from "./helpers/shared-fixtures.ts";

let first: FixtureSite;
let second: FixtureSite;
/** The shared fixture's output: what a build of the same input must publish, in any folder. */
let published: Record<string, string>;
beforeAll(() => {
  first = copyOfSharedSite("standard");
  second = copyOfSharedSite("standard");
  for (const site of [first, second]) if (site.status !== 0) throw new Error(site.stderr);
  published = hashTree(second.output);
});
afterAll(() => {
  first.remove();
  second.remove();
});

/** Every store a build reads pages, views, checked issues or the search index from, off. */
const STORES_OFF = {
  DATELINE_OUTPUT_CACHE: "off",
  DATELINE_SEARCH_CACHE: "off",
  DATELINE_VIEW_CACHE: "off",
  DATELINE_CONTENT_CACHE: "off",
};

describe("a build of the same input in another folder, with every store off", () => {
  const sources = () => ["src", "_data", "assets"].map((dir) => hashTree(path.join(first.dir, dir)));
  let sourcesBefore: Record<string, string>[];
  let cold: FixtureSite;
  beforeAll(() => {
    sourcesBefore = sources();
    // Rendered afresh in this folder: nothing taken from the shared build's stores.
    cold = first.rebuild(STORES_OFF);
    if (cold.status !== 0) throw new Error(`build failed:\n${cold.stderr}`);
  }, 300_000);

  it("is byte-identical for the same input and SOURCE_DATE_EPOCH", () => {
    expect(cold.stdout).toMatch(/, 0 from the output store/);
    expect(Object.keys(published).length).toBeGreaterThan(25);
    expect(hashTree(cold.output)).toEqual(published);
  });

  it("never writes the sources", () => {
    expect(sourcesBefore.map((tree) => Object.keys(tree).length)).not.toContain(0);
    expect(sources()).toEqual(sourcesBefore);
  });
});

describe("deterministic output", () => {
  it("changes only with the input: a later build time changes the news sitemap", () => {
    expect(first.read("news-sitemap.xml")).toContain("<url>");
    const later = first.rebuild({ SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH + 30 * 86_400) });
    expect(later.status).toBe(0);
    expect(later.read("news-sitemap.xml")).not.toContain("<url>");
  }, 300_000);
});

describe("a build killed at a named step", () => {
  // A file no build writes: finding it later proves this is the old site, not a rebuilt one
  // (a deterministic rebuild would pass a hash check by itself).
  const MARKER = "only-in-the-old-site.txt";
  let oldSite: Record<string, string>;
  beforeAll(() => {
    writeFileSync(path.join(second.output, MARKER), "published before the kill\n");
    oldSite = hashTree(second.output);
  });

  /** A plain start after the kill: recovery and clean-up, held before Eleventy runs. */
  async function startAfterKill(): Promise<string> {
    const start = startBuild(second.dir, { env: { DATELINE_BUILD_PAUSE_AT: "started" } });
    await start.waitForLine("paused at started");
    // The old site, byte for byte, and nothing left of the killed build but this build's lock.
    expect(hashTree(second.output)).toEqual(oldSite);
    expect(besideSite(second.dir)).toEqual(["_site.lock"]);
    return (await start.kill()).stderr;
  }

  it("left with its site moved aside: even a build that then fails restores it first", () => {
    const gone = deadPid();
    renameSync(second.output, path.join(second.dir, `_site.previous-${gone}`));
    const broken = path.join(second.dir, "src/issues/2025/broken.md");
    writeFileSync(broken, "---\ntitle: No date, no authors\n---\nText.\n");
    try {
      const failed = second.rebuild();
      expect(failed.status).toBe(1);
      expect(failed.stderr.split("\n")).toContain(
        `Restored _site/ from _site.previous-${gone}/, left by a build that was interrupted mid-swap.`,
      );
      expect(hashTree(second.output)).toEqual(oldSite);
      expect(besideSite(second.dir)).toEqual([]);
    } finally {
      rmSync(broken);
    }
  }, 300_000);

  // The kills below follow one another: each build's start cleans up what the previous kill
  // left, and is seen doing so at its own pause (only its own folders beside _site).
  let stagedLeftover = "";

  it("once its staging folder is written: _site untouched, the staging folder left for the next start", async () => {
    const build = startBuild(second.dir, { env: { DATELINE_BUILD_PAUSE_AT: "staged" } });
    await build.waitForLine("paused at staged");
    const { staging } = buildFolders(second.output, build.pid);
    // Interrupted for real: the pages are staged, the search index is not made yet.
    expect(existsSync(path.join(staging, "index.html"))).toBe(true);
    expect(existsSync(path.join(staging, "pagefind"))).toBe(false);
    expect((await build.kill()).signal).toBe("SIGKILL");
    expect(hashTree(second.output)).toEqual(oldSite);
    expect(besideSite(second.dir)).toEqual(["_site.lock", path.basename(staging)]);
    stagedLeftover = staging;
  }, 600_000);

  it("just before the swap: _site untouched; its start had removed the killed build's staging folder", async () => {
    expect(existsSync(stagedLeftover)).toBe(true);
    const build = startBuild(second.dir, { env: { DATELINE_BUILD_PAUSE_AT: "before-swap" } });
    await build.waitForLine("paused at before-swap");
    const { staging, previous } = buildFolders(second.output, build.pid);
    // The staged build's folder is gone; nothing was restored, since nothing had been moved aside.
    expect(besideSite(second.dir)).toEqual(["_site.lock", path.basename(staging)]);
    expect(build.stderr()).not.toContain("Restored");
    expect(existsSync(path.join(staging, "pagefind/bundles.json"))).toBe(true);
    expect(existsSync(previous)).toBe(false);
    expect((await build.kill()).signal).toBe("SIGKILL");
    expect(hashTree(second.output)).toEqual(oldSite);
  }, 600_000);

  it("mid-swap, with no _site at all: the next start restores the old site; the next build publishes", async () => {
    const build = startBuild(second.dir, { env: { DATELINE_BUILD_PAUSE_AT: "mid-swap" } });
    await build.waitForLine("paused at mid-swap");
    const { staging, previous } = buildFolders(second.output, build.pid);
    // Its start removed the checked staging folder the build killed before the swap left.
    expect(besideSite(second.dir)).toEqual(
      ["_site.lock", path.basename(previous), path.basename(staging)].sort(),
    );
    expect(build.stderr()).not.toContain("Restored");
    // The moment the old build lost the site: _site moved aside, the new one not yet in.
    expect(existsSync(second.output)).toBe(false);
    expect(hashTree(previous)).toEqual(oldSite);
    expect(existsSync(path.join(staging, "index.html"))).toBe(true);
    expect((await build.kill()).signal).toBe("SIGKILL");
    expect(existsSync(second.output)).toBe(false);

    const stderr = await startAfterKill();
    expect(stderr.split("\n")).toContain(
      `Restored _site/ from _site.previous-${build.pid}/, left by a build that was interrupted mid-swap.`,
    );

    // Killed mid-swap once more, then a whole build: it restores, publishes and cleans up.
    const again = startBuild(second.dir, { env: { DATELINE_BUILD_PAUSE_AT: "mid-swap" } });
    await again.waitForLine("paused at mid-swap");
    await again.kill();
    const next = second.rebuild();
    expect(next.status).toBe(0);
    expect(next.stderr.split("\n")).toContain(
      `Restored _site/ from _site.previous-${again.pid}/, left by a build that was interrupted mid-swap.`,
    );
    expect(besideSite(second.dir)).toEqual([]);
    // The new build's own site: the same bytes as a clean build, without the old site's marker.
    expect(readdirSync(second.output)).not.toContain(MARKER);
    expect(hashTree(second.output)).toEqual(published);
  }, 900_000);
});
