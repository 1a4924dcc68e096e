/**
 * Every built page of the sample site and of the fixture site passes html-validate: web pages
 * with the repository's rules, email editions with the email rules (lib/checks/email.ts).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import {
  FileSystemConfigLoader,
  formatterFactory,
  HtmlValidate,
  type Result,
  StaticConfigLoader,
} from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_HTML_VALIDATE_CONFIG, isEmailFile } from "../lib/checks/email.ts";
import { SAMPLE_EPOCH, sampleIssues } from "./e2e/sample-site.ts";
import { FIXTURE_EPOCH, fixtureIssues } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function validate(validator: HtmlValidate, files: string[]): Promise<Result[]> {
  const reports = await Promise.all(files.map((file) => validator.validateFile(file)));
  return reports.filter((report) => !report.valid).flatMap((report) => report.results);
}

async function validateSite(output: string): Promise<{ pages: number; emails: number; report: string }> {
  const files = htmlFiles(output);
  const emails = files.filter((file) => isEmailFile(file));
  const pages = files.filter((file) => !isEmailFile(file));
  const failed = [
    ...(await validate(new HtmlValidate(new FileSystemConfigLoader()), pages)),
    ...(await validate(new HtmlValidate(new StaticConfigLoader(EMAIL_HTML_VALIDATE_CONFIG)), emails)),
  ];
  return {
    pages: pages.length,
    emails: emails.length,
    report: failed.length ? formatterFactory("text")(failed) : "",
  };
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
    const { pages, emails, report } = await validateSite(sites[name]?.output ?? "");
    expect(pages).toBeGreaterThan(15);
    expect(emails).toBeGreaterThan(2);
    expect(report).toBe("");
  });
});
