/**
 * A cache setting pointed at the writer's own folder: the build refuses it in one line naming
 * the setting, deletes nothing, and leaves the published site as it was.
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
