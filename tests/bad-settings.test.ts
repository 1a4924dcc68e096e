/**
 * Settings a writer or a host gets wrong: each stops the build in one line that names the setting
 * and the fix, with no stack trace, and nothing is deleted or published.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH, fixtureIssues } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";

const sites: FixtureSite[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.remove();
});

describe("a cache setting that names the project folder", () => {
  it.each(["DATELINE_CHECK_CACHE", "DATELINE_EMAIL_CACHE"])(
    "%s=. fails the build in one line and deletes nothing",
    (variable) => {
      const site = buildFixtureSite({
        epoch: FIXTURE_EPOCH,
        issues: fixtureIssues,
        env: { [variable]: "." },
      });
      sites.push(site);
      expect(site.status).toBe(1);
      expect(site.stderr).toContain(
        `Build failed: ${variable}: . is not a Dateline cache folder (it holds .cache, .htmlvalidate.mjs, _data, … and no .dateline-store) — set ${variable} to an empty or new folder; nothing in it was touched\n`,
      );
      expect(site.stderr).not.toMatch(/^\s+at /m);
      for (const kept of ["src/issues", "_data", "assets", "eleventy.config.ts"]) {
        expect(existsSync(path.join(site.dir, kept)), kept).toBe(true);
      }
      expect(readdirSync(path.join(site.dir, "src/issues"), { recursive: true }).length).toBeGreaterThan(0);
      expect(existsSync(path.join(site.dir, ".dateline-store"))).toBe(false);
    },
  );
});

describe("SOURCE_DATE_EPOCH", () => {
  it.each([
    ["abc", 'SOURCE_DATE_EPOCH: "abc" is not whole seconds since 1970'],
    ["99999999999999999999", 'SOURCE_DATE_EPOCH: "99999999999999999999" is after the year 9999'],
  ])("%s fails the build in one line with the fix", (epoch, start) => {
    const site = buildFixtureSite({
      epoch: FIXTURE_EPOCH,
      issues: fixtureIssues,
      env: { SOURCE_DATE_EPOCH: epoch },
    });
    sites.push(site);
    expect(site.status).toBe(1);
    expect(site.stderr).toContain(
      `Build failed: ${start} — set it to whole seconds since 1970 (date +%s gives now), or unset it to build at the current time\n`,
    );
    expect(site.stderr).not.toMatch(/^\s+at /m);
  });

  it("0 (a clock before every issue) fails the build instead of publishing an empty site", () => {
    const site = buildFixtureSite({ epoch: 0, issues: fixtureIssues });
    sites.push(site);
    expect(site.status).toBe(1);
    expect(site.stderr).toMatch(
      /^the build's clock: 1970-01-01T00:00:00Z is before every issue, the first dated \S+ \(src\/issues\/\S+\.md\), so the site would be empty — set SOURCE_DATE_EPOCH to a later time \(date \+%s\), or unset it to build at the current time$/m,
    );
    expect(existsSync(path.join(site.dir, "_site"))).toBe(false);
  });
});

describe("a data file with a key that is JavaScript's machinery", () => {
  it.each([
    [
      "_data/threads.ts",
      'export default { ["__proto__"]: { name: "A thread", summary: "One line." } };\n',
      '["__proto__"]',
    ],
    [
      "_data/people.ts",
      'export default { ["__proto__"]: { name: "A", description: "B", asOf: "2025-04-10" } };\n',
      '["__proto__"]',
    ],
  ])("%s fails the build in one line naming the key", (file, text, place) => {
    const site = buildFixtureSite({ epoch: FIXTURE_EPOCH, issues: fixtureIssues, files: { [file]: text } });
    sites.push(site);
    expect(site.status).toBe(1);
    expect(site.stderr).toContain(
      `Build failed: ${file}: ${place}: not allowed as a key (JavaScript reads it as the object's machinery, not as data) — rename it\n`,
    );
    expect(site.stderr).not.toMatch(/^\s+at /m);
  });
});
