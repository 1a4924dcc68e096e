/** Every built page of the sample site and of the fixture site passes html-validate. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_EPOCH, sampleIssues } from "./e2e/sample-site.ts";
import { FIXTURE_EPOCH, fixtureIssues } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function validateSite(output: string): Promise<{ pages: number; report: string }> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const files = htmlFiles(output);
  const reports = await Promise.all(files.map((file) => validator.validateFile(file)));
  const failed = reports.filter((report) => !report.valid).flatMap((report) => report.results);
  return { pages: files.length, report: failed.length ? formatterFactory("text")(failed) : "" };
}

const sites: Record<string, FixtureSite> = {};
beforeAll(() => {
  // The browser tests' sample site (a frozen copy of the shipped sample issues), not src/issues.
  sites.sample = buildFixtureSite({ issues: sampleIssues(), epoch: SAMPLE_EPOCH });
  sites.fixture = buildFixtureSite({ issues: fixtureIssues, epoch: FIXTURE_EPOCH });
  for (const [name, site] of Object.entries(sites)) {
    if (site.status !== 0) throw new Error(`${name} build failed:\n${site.stderr}`);
  }
});
afterAll(() => {
  for (const site of Object.values(sites)) site.remove();
});

describe("html-validate", () => {
  it.each(["sample", "fixture"])("finds no error on any page of the %s site", async (name) => {
    const { pages, report } = await validateSite(sites[name]?.output ?? "");
    expect(pages).toBeGreaterThan(15);
    expect(report).toBe("");
  });
});
