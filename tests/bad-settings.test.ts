/**
 * Settings a writer or a host gets wrong: each stops the build in one line that names the setting
 * and the fix, with no stack trace, and nothing is deleted or published.
 *
 * Each message is made here by the function the build calls, and turned into the line the build
 * prints (`Build failed: ` and `describeFailure`, scripts/build.ts). Two real builds show the CLI
 * printing such a line: from the site checks, after rendering (DATELINE_CHECK_CACHE=.), and from
 * Eleventy's loading of a data file (eleventy.config.ts's data extension).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeFailure } from "../lib/build/errors.ts";
import { checkSite } from "../lib/checks/index.ts";
import { rejectUnsafeKeys } from "../lib/contract/record-problems.ts";
import { openEditionCache } from "../lib/outputs/email/edition-cache.ts";
import { buildTime } from "../lib/shared/dates.ts";
import { BuildError, formatProblem } from "../lib/shared/problems.ts";
import { fixtureIssues } from "./fixtures/sample-issues.ts";
import { runFixturePipeline } from "./helpers/fixture-pipeline.ts";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { hashTree } from "./helpers/hash-tree.ts";
import { copyOfSharedSite } from "./helpers/shared-fixtures.ts";

const sites: FixtureSite[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.remove();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "dateline-settings-"));
  folders.push(folder);
  return folder;
}

/** The error `run` throws or rejects with (the test fails if it returns). */
async function thrownBy(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure, but it returned");
}

/** What scripts/build.ts prints for a failure: `Build failed: ` and one line. */
const printed = (error: unknown): string => `Build failed: ${describeFailure(error, "_site.staging-1")}`;

/** Eleventy hands an error thrown inside it on wrapped, the cause in `originalError`. */
const wrappedByEleventy = (error: Error): Error =>
  Object.assign(new Error("Problem in an Eleventy stage"), { originalError: error });

describe("a cache setting that names the project folder", () => {
  it("DATELINE_CHECK_CACHE=. fails the build in one line and deletes nothing", () => {
    const variable = "DATELINE_CHECK_CACHE";
    const project = copyOfSharedSite("standard");
    sites.push(project);
    const published = hashTree(project.output);
    const site = project.rebuild({ [variable]: "." });
    expect(site.status).toBe(1);
    expect(hashTree(project.output)).toEqual(published);
    expect(site.stderr).toContain(
      `Build failed: ${variable}: . is not a Dateline cache folder (it holds .cache, .htmlvalidate.mjs, _data, … and no .dateline-store) — set ${variable} to an empty or new folder; nothing in it was touched\n`,
    );
    expect(site.stderr).not.toMatch(/^\s+at /m);
    for (const kept of ["src/issues", "_data", "assets", "eleventy.config.ts"]) {
      expect(existsSync(path.join(site.dir, kept)), kept).toBe(true);
    }
    expect(readdirSync(path.join(site.dir, "src/issues"), { recursive: true }).length).toBeGreaterThan(0);
    expect(existsSync(path.join(site.dir, ".dateline-store"))).toBe(false);
  });

  it.each([
    // The site checks' cache, as the build opens it (here on an empty site).
    ["DATELINE_CHECK_CACHE", () => checkSite(tempFolder())],
    // The email editions' cache, as the email templates open it.
    ["DATELINE_EMAIL_CACHE", () => openEditionCache()],
  ])(
    "%s naming a project folder is refused in one line and nothing in it is touched",
    async (variable, open) => {
      const project = tempFolder();
      for (const folder of [".cache/photos", "_data", "src/issues/2025"])
        mkdirSync(path.join(project, folder), { recursive: true });
      for (const file of [".htmlvalidate.mjs", "eleventy.config.ts", "_data/site.ts", "src/issues/2025/a.md"])
        writeFileSync(path.join(project, file), "kept\n");
      const before = readdirSync(project, { recursive: true }).sort();
      vi.stubEnv(variable, project);
      const error = await thrownBy(open);
      const message = `${variable}: ${project} is not a Dateline cache folder (it holds .cache, .htmlvalidate.mjs, _data, … and no .dateline-store) — set ${variable} to an empty or new folder; nothing in it was touched`;
      expect(error).toBeInstanceOf(BuildError);
      expect(error.message).toBe(message);
      expect(printed(error)).toBe(`Build failed: ${message}`);
      expect(printed(wrappedByEleventy(error))).toBe(`Build failed: ${message}`);
      expect(readdirSync(project, { recursive: true }).sort()).toEqual(before);
    },
  );
});

describe("SOURCE_DATE_EPOCH", () => {
  it.each([
    ["abc", 'SOURCE_DATE_EPOCH: "abc" is not whole seconds since 1970'],
    ["99999999999999999999", 'SOURCE_DATE_EPOCH: "99999999999999999999" is after the year 9999'],
  ])("%s fails the build in one line with the fix", async (epoch, start) => {
    const line = `Build failed: ${start} — set it to whole seconds since 1970 (date +%s gives now), or unset it to build at the current time`;
    // The content plugin reads the clock as Eleventy loads the config.
    const error = await thrownBy(() => buildTime({ SOURCE_DATE_EPOCH: epoch }));
    expect(error).toBeInstanceOf(BuildError);
    expect(printed(error)).toBe(line);
    expect(printed(wrappedByEleventy(error))).toBe(line);
  });

  it("0 (a clock before every issue) fails the build instead of publishing an empty site", async () => {
    // The content stage as the build runs it; tests/bad-input.test.ts shows a build printing its
    // problems and publishing nothing.
    const result = await runFixturePipeline({ epoch: 0, issues: fixtureIssues });
    expect(result.views).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      "the build's clock: 1970-01-01T00:00:00Z is before every issue, the first dated 2025-03-31T23:30:00Z (src/issues/2025/old-news.md), so the site would be empty — set SOURCE_DATE_EPOCH to a later time (date +%s), or unset it to build at the current time",
    ]);
  });
});

describe("a data file with a key that is JavaScript's machinery", () => {
  it("_data/threads.ts fails the build in one line naming the key", () => {
    const file = "_data/threads.ts";
    const text = 'export default { ["__proto__"]: { name: "A thread", summary: "One line." } };\n';
    const project = copyOfSharedSite("standard");
    sites.push(project);
    writeFileSync(path.join(project.dir, file), text);
    const site = project.rebuild();
    expect(site.status).toBe(1);
    expect(site.stderr).toContain(
      `Build failed: ${file}: ["__proto__"]: not allowed as a key (JavaScript reads it as the object's machinery, not as data) — rename it\n`,
    );
    expect(site.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ["_data/threads.ts", { ["__proto__"]: { name: "A thread", summary: "One line." } }, '["__proto__"]'],
    [
      "_data/people.ts",
      { ["__proto__"]: { name: "A", description: "B", asOf: "2025-04-10" } },
      '["__proto__"]',
    ],
  ])(
    "%s is refused in one line naming the key, as the data extension loads it",
    async (file, records, place) => {
      const line = `Build failed: ${file}: ${place}: not allowed as a key (JavaScript reads it as the object's machinery, not as data) — rename it`;
      expect(Object.keys(records)).toEqual(["__proto__"]);
      const error = await thrownBy(() => rejectUnsafeKeys(records, file));
      expect(error).toBeInstanceOf(BuildError);
      expect(printed(error)).toBe(line);
      expect(printed(wrappedByEleventy(error))).toBe(line);
    },
  );
});
