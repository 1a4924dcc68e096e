/**
 * The longest headline the schema allows passes the title-length check however it is escaped:
 * the check counts the text a reader sees, not the `&amp;` and `&quot;` in the source.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH, fixtureIssues } from "../fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

/** 140 characters, the schema's maximum, each `&` escaped on the page (the quotes become typographic ones). */
const HEADLINE = `"Us & them" & 'you & me': ${"& ".repeat(57)}`.padEnd(140, "&").slice(0, 140);

let fixture: FixtureSite;

beforeAll(() => {
  const alpha = fixtureIssues["2025/alpha.md"] ?? "";
  const issues = {
    ...fixtureIssues,
    "2025/alpha.md": alpha.replace(
      `title: "Alpha: delegations meet in Istanbul"`,
      `title: ${JSON.stringify(HEADLINE)}`,
    ),
  };
  if (issues["2025/alpha.md"] === alpha) throw new Error("the alpha headline was not replaced");
  fixture = buildFixtureSite({ issues, epoch: FIXTURE_EPOCH });
});
afterAll(() => fixture?.remove());

describe("a 140-character headline full of & and quotes", () => {
  it("builds, the site checks passing, with the title as written", () => {
    expect(HEADLINE.length).toBe(140);
    expect(fixture.stderr).not.toContain("long-title");
    expect(fixture.status).toBe(0);
    const page = readFileSync(path.join(fixture.output, "2025/04/alpha/index.html"), "utf8");
    expect(page).toContain("<title>“Us &amp; them” &amp; ‘you &amp; me’: &amp; ");
  });

  it("would fail html-validate's own long-title, which counts the escaped source", async () => {
    const page = readFileSync(path.join(fixture.output, "2025/04/alpha/index.html"), "utf8");
    const validator = new HtmlValidate(
      new StaticConfigLoader({ rules: { "long-title": ["error", { maxlength: 151 }] } }),
    );
    const report = await validator.validateString(page, "alpha.html");
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([
      "title text cannot be longer than 151 characters",
    ]);
  });
});
