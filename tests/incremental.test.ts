/**
 * A build from warm caches (photos, site checks) publishes exactly what a cold build of the
 * same input publishes: caches only ever save time. Each case edits a built fixture project,
 * rebuilds it warm, and compares every file with a fresh project built cold.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH, fixtureIssues } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";
import { hashTree } from "./helpers/hash-tree.ts";
import { copyOfSharedSite } from "./helpers/shared-fixtures.ts";

const root = path.resolve(import.meta.dirname, "..");
const original = (file: string) => readFileSync(path.join(root, file), "utf8");

interface Change {
  name: string;
  /** Issues after the change (by path under src/issues/). */
  issues: Record<string, string>;
  /** Project files after the change. */
  files: Record<string, string>;
  /** Whether some pages are unchanged, so the warm build checks them from its cache. */
  reusesChecks: boolean;
}

const newIssue = issueFile({
  title: "Delta: a new issue",
  dek: "Added after the first build.",
  date: "2025-04-12T10:00:00+03:00",
  authors: ["ayse-demir"],
  topics: ["russia"],
});

const { "2025/charlie.md": _deleted, ...withoutCharlie } = fixtureIssues;

const changes: Change[] = [
  {
    name: "a new, an edited and a deleted issue",
    issues: {
      ...withoutCharlie,
      "2025/delta.md": newIssue,
      "2025/alpha.md": (fixtureIssues["2025/alpha.md"] ?? "").replace(
        "The talks began.",
        "The talks opened.",
      ),
    },
    files: {},
    reusesChecks: true,
  },
  {
    name: "a renamed author",
    issues: fixtureIssues,
    files: {
      "_data/authors.ts": original("_data/authors.ts").replace('name: "Daniel Hart"', 'name: "Dan Hart"'),
    },
    reusesChecks: true,
  },
  {
    name: "an edited template, stylesheet and html-validate config",
    issues: fixtureIssues,
    files: {
      "_includes/layouts/base.njk": original("_includes/layouts/base.njk").replace(
        "Follow by <a",
        "Follow us by <a",
      ),
      "assets/css/site.css": `${original("assets/css/site.css")}\n.kicker { letter-spacing: 0.06em; }\n`,
      ".htmlvalidate.mjs": original(".htmlvalidate.mjs").replace(
        '"long-title": "off",',
        '"long-title": "off",\n    "no-inline-style": "error",',
      ),
    },
    reusesChecks: false,
  },
];

const sites: FixtureSite[] = [];
afterAll(() => {
  for (const site of sites) site.remove();
});

function built(site: FixtureSite): FixtureSite {
  sites.push(site);
  if (site.status !== 0) throw new Error(`build failed:\n${site.stderr}`);
  return site;
}

describe("a warm build equals a cold build", () => {
  it.each(changes)("after $name", ({ issues, files, reusesChecks }) => {
    const warm = built(copyOfSharedSite("standard"));
    for (const file of Object.keys(fixtureIssues)) {
      if (!(file in issues)) rmSync(path.join(warm.dir, "src/issues", file));
    }
    for (const [file, text] of Object.entries(issues))
      writeFileSync(path.join(warm.dir, "src/issues", file), text);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(warm.dir, file), text);
    const rebuilt = built(warm.rebuild());
    // The warm build really reused the check results of the pages that did not change.
    if (reusesChecks) expect(rebuilt.stdout).toMatch(/\(\d[\d,]* from cache\)/);

    const cold = built(buildFixtureSite({ issues, epoch: FIXTURE_EPOCH, files }));
    expect(hashTree(rebuilt.output)).toEqual(hashTree(cold.output));
  });
});
