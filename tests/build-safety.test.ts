/**
 * Nothing published is ever lost: the same input gives the same bytes, an interrupted
 * build leaves the previous site as it was, and the build never writes into the sources.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH, fixtureIssues } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";
import { hashTree } from "./helpers/hash-tree.ts";

let first: FixtureSite;
let second: FixtureSite;
beforeAll(() => {
  first = buildFixtureSite({ issues: fixtureIssues, epoch: FIXTURE_EPOCH });
  second = buildFixtureSite({ issues: fixtureIssues, epoch: FIXTURE_EPOCH });
  for (const site of [first, second]) if (site.status !== 0) throw new Error(site.stderr);
});
afterAll(() => {
  first.remove();
  second.remove();
});

describe("deterministic output", () => {
  it("is byte-identical for the same input and SOURCE_DATE_EPOCH, built in different folders", () => {
    const a = hashTree(first.output);
    expect(Object.keys(a).length).toBeGreaterThan(25);
    expect(hashTree(second.output)).toEqual(a);
  });

  it("changes only with the input: a later build time changes the news sitemap", () => {
    const later = first.rebuild({ SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH + 30 * 86_400) });
    try {
      expect(later.status).toBe(0);
      expect(later.read("news-sitemap.xml")).not.toContain("<url>");
    } finally {
      first.rebuild({ SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH) });
    }
  });
});

describe("the sources", () => {
  it("are never written by a build", () => {
    const sources = ["src", "_data", "assets"].map((dir) => path.join(first.dir, dir));
    const before = sources.map(hashTree);
    const again = first.rebuild();
    expect(again.status).toBe(0);
    expect(sources.map(hashTree)).toEqual(before);
  });
});

describe("an interrupted build", () => {
  it("leaves the previous _site byte-for-byte intact, and the next build cleans up after it", async () => {
    const before = hashTree(first.output);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
      cwd: first.dir,
      env: { ...process.env, TZ: "UTC", SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH) },
      stdio: "ignore",
    });
    // Kill it once it has started writing its staging folder (or at the latest after 20 s).
    await new Promise<void>((resolve) => {
      const deadline = Date.now() + 20_000;
      const poll = setInterval(() => {
        const staging = readdirSync(first.dir).some((name) => name.startsWith("_site.staging-"));
        if (staging || Date.now() > deadline) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(hashTree(first.output)).toEqual(before);

    expect(first.rebuild().status).toBe(0);
    expect(readdirSync(first.dir).filter((name) => name.startsWith("_site."))).toEqual([]);
    expect(existsSync(path.join(first.output, "index.html"))).toBe(true);
  });
});
