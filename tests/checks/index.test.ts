/**
 * `checkSite`, as the build runs it (no html-validate option), judges web pages by the repository's
 * `.htmlvalidate.mjs` and email editions by the email rules (EMAIL_HTML_VALIDATE_CONFIG). A three-file
 * site written here, no build: each file holds markup one rule set allows and the other forbids, so
 * swapping, dropping or replacing either rule set changes the report.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_HTML_VALIDATE_CONFIG } from "../../lib/checks/email.ts";
import { checkSite, formatProblem } from "../../lib/checks/index.ts";

const document = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** Longer than the repository's title limit (the schema's 140 characters plus the site suffix). */
const LONG_TITLE = "A headline that goes on ".repeat(9);

const SITE: Record<string, string> = {
  "index.html": document("Home", '<main><p style="color: red">Styled inline.</p></main>'),
  "long/index.html": document(LONG_TITLE, "<main><p>A page with a long title.</p></main>"),
  // Inline styles, bgcolor and a long subject are what an email needs; a duplicate id is still broken.
  "long/email.html": document(
    LONG_TITLE,
    '<table><tr><td bgcolor="#ffffff" style="padding: 0"><h1 id="lead">Headline</h1><p id="lead">Text.</p></td></tr></table>',
  ),
  "long/email.txt": "Headline\n",
};

let dir: string;
let lines: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dateline-check-index-"));
  for (const [file, text] of Object.entries(SITE)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const report = await checkSite(dir, { cacheDir: false, threads: 1 });
  lines = report.problems.map(formatProblem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkSite's html-validate rules", () => {
  it.each([
    {
      name: "a page's inline style fails: the repository's rules extend html-validate:recommended",
      file: "index.html",
      expected: [/^\d+:\d+ no-inline-style: Inline style is not allowed$/],
    },
    {
      name: "a page's long title fails the repository's own rule, dateline/long-title",
      file: "long/index.html",
      expected: [/^\d+:\d+ dateline\/long-title: title text cannot be longer than \d+ characters$/],
    },
    {
      name: "an email's inline style, bgcolor and long title pass; its duplicate id fails",
      file: "long/email.html",
      expected: [/^html-validate: Duplicate ID "lead" \(no-dup-id, line \d+:\d+\)$/],
    },
  ])("$name", ({ file, expected }) => {
    const found = lines
      .filter((line) => line.startsWith(`${file}: `))
      .map((line) => line.slice(file.length + 2));
    expect(found).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
  });

  it("reports nothing else about the site", () => {
    expect(lines).toHaveLength(3);
  });

  it("gives an email exactly what html-validate with EMAIL_HTML_VALIDATE_CONFIG gives it", async () => {
    const email = SITE["long/email.html"] ?? "";
    const report = await new HtmlValidate(new StaticConfigLoader(EMAIL_HTML_VALIDATE_CONFIG)).validateString(
      email,
    );
    const expected = report.results.flatMap((result) =>
      result.messages.map(
        (message) =>
          `long/email.html: html-validate: ${message.message} (${message.ruleId}, line ${message.line}:${message.column})`,
      ),
    );
    expect(expected).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("long/email.html: "))).toEqual(expected);
  });
});
