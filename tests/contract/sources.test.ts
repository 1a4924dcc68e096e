/**
 * Sources, backstory and unnamed sources (lib/contract/sources.ts): what a writer may give, and
 * the exact message for each kind of bad input, as `npm run build` prints it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWebAddress } from "../../lib/contract/sources.ts";
import { type CheckContext, checkIssue } from "../../lib/pipeline/content/check-issue.ts";
import { formatProblem } from "../../lib/shared/problems.ts";
import { createCheckContext } from "../helpers/check-context.ts";

const FILE = "src/issues/2025/x.md";
const HEAD =
  "---\ntitle: Istanbul talks resume\ndek: US and Russian delegations meet at the consulate for a second round.\ndate: 2025-04-10T16:30:00+03:00\nauthors: [ayse-kaya]\ntopics: [turkey, diplomacy]\n";

let context: CheckContext;
let removeContext: () => void;
beforeAll(async () => {
  ({ context, remove: removeContext } = await createCheckContext());
});
afterAll(() => removeContext());

function check(frontMatter: string, draft = false) {
  const result = checkIssue(
    FILE,
    `${HEAD}${frontMatter}\n${draft ? "draft: true\n" : ""}---\nDelegations met.\n`,
    context,
  );
  return { problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem) };
}

const source = (lines: string[]) => `sources:\n  - ${lines.join("\n    ")}`;

describe("isWebAddress", () => {
  it.each([
    ["https://www.state.gov/briefings/", true],
    ["http://example.org/a?b=c#d", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<script>x</script>", false],
    ["file:///etc/passwd", false],
    ["//example.org/no-scheme", false],
    ["www.example.org", false],
    ["mailto:desk@example.org", false],
  ])("%s: %s", (text, expected) => {
    expect(isWebAddress(text)).toBe(expected);
  });
});

describe("sources", () => {
  it.each<[string, string, string[]]>([
    [
      "a source without a URL",
      source(["title: The ministry's statement"]),
      [`${FILE}: sources.0.url: required — give the source's address, e.g. https://www.state.gov/…`],
    ],
    [
      "a javascript: URL",
      source(["title: The ministry's statement", "url: javascript:alert(1)"]),
      [
        `${FILE}: sources.0.url: "javascript:alert(1)" is not a web address — give an https:// or http:// link (the source's address, e.g. https://www.state.gov/…)`,
      ],
    ],
    [
      "an archived copy that is the source itself",
      source(["title: The statement", "url: https://example.org/s", "archived: https://example.org/s"]),
      [
        `${FILE}: sources.0.archived: is the source's own address — give the address of an archived copy (a web archive's snapshot), or leave archived out`,
      ],
    ],
    [
      "an archived copy that is not a web address",
      source(["title: The statement", "url: https://example.org/s", "archived: archive of it"]),
      [
        `${FILE}: sources.0.archived: "archive of it" is not a web address — give an https:// or http:// link (the address of an archived copy of the source)`,
      ],
    ],
    [
      "a date written out",
      source(["title: The statement", "url: https://example.org/s", "date: 8 April 2025"]),
      [`${FILE}: sources.0.date: "8 April 2025" is not a date — write it like 2025-04-10`],
    ],
    [
      "a misspelt field",
      source(["title: The statement", "url: https://example.org/s", "publsher: State"]),
      [`${FILE}: sources.0.publsher: unknown field — did you mean "publisher"?`],
    ],
    [
      "a single address instead of a list",
      "sources: https://example.org/s",
      [`${FILE}: sources: must be a list of sources, each - title: …  url: https://…`],
    ],
    [
      "a count of unnamed sources in words",
      "unnamedSources: two",
      [
        `${FILE}: unnamedSources: must be a whole number, not a string — the count of sources not named, e.g. 2`,
      ],
    ],
    [
      "a negative count of unnamed sources",
      "unnamedSources: -1",
      [`${FILE}: unnamedSources: must be 0 or more — the count of sources the text does not name`],
    ],
  ])("%s is refused, naming the field and the fix", (_case, frontMatter, expected) => {
    expect(check(frontMatter).problems).toEqual(expected);
  });

  it("warns of a source without an archived copy on an issue going out, not on a draft", () => {
    const frontMatter = source(["title: The statement", "url: https://example.org/s"]);
    expect(check(frontMatter)).toEqual({
      problems: [],
      warnings: [
        `${FILE}: sources.0.archived: "The statement" has no archived copy — links rot; add archived: with the address of a web archive's snapshot of https://example.org/s`,
      ],
    });
    expect(check(frontMatter, true)).toEqual({ problems: [], warnings: [] });
  });

  it("accepts a whole source and sets its title as prose", () => {
    const frontMatter = source([
      "title: The ministry's statement",
      "url: https://example.org/s",
      "publisher: Russian foreign ministry",
      "date: 2025-04-10",
      "archived: https://example.org/archive/s",
    ]);
    expect(check(frontMatter)).toEqual({ problems: [], warnings: [] });
    const issue = checkIssue(FILE, `${HEAD}${frontMatter}\n---\nDelegations met.\n`, context).issue;
    expect(issue?.data.sources?.[0]?.title).toBe("The ministry’s statement");
  });
});

describe("backstory", () => {
  it("warns of raw HTML the raw-HTML policy removes, as it does in the body", () => {
    expect(check("backstory: 'We met <script>alert(1)</script> officials.'")).toEqual({
      problems: [],
      warnings: [
        `${FILE}: backstory: has a <script> element, which was removed — raw HTML may not run code or carry styles`,
      ],
    });
  });
});
