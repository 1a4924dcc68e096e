import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckContext, checkIssue } from "../lib/pipeline/content/check-issue.ts";
import { findPreflightProblems, SCAFFOLD_BODY, SCAFFOLD_DEK } from "../lib/pipeline/content/preflight.ts";
import { formatProblem } from "../lib/shared/problems.ts";
import { createCheckContext } from "./helpers/check-context.ts";

const FILE = "src/issues/2025/x.md";
let context: CheckContext;
let removeContext: () => void;

beforeAll(async () => {
  ({ context, remove: removeContext } = await createCheckContext());
});
afterAll(() => removeContext());

const FIELDS: Record<string, string> = {
  title: "title: Istanbul talks resume",
  dek: "dek: US and Russian delegations meet at the consulate for a second round.",
  date: "date: 2025-04-10T16:30:00+03:00",
  authors: "authors: [ayse-kaya]",
  topics: "topics: [turkey, diplomacy]",
};

/** Five front-matter lines between the fences, so the body starts on line 8 of the file. */
function issueFile(
  changes: Record<string, string> = {},
  body = "Delegations met for three hours.\n",
): string {
  return `---\n${Object.values({ ...FIELDS, ...changes }).join("\n")}\n---\n${body}`;
}

function check(text: string): { problems: string[]; warnings: string[] } {
  const result = checkIssue(FILE, text, context);
  return { problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem) };
}

describe("preflight errors: what must not be published", () => {
  it.each<[string, string, string[]]>([
    [
      "the scaffold's dek, untouched",
      issueFile({ dek: `dek: "${SCAFFOLD_DEK}"` }),
      [
        `${FILE}: dek: is still the scaffold's example — write one or two sentences that say what this issue is about`,
      ],
    ],
    [
      "the scaffold's body, untouched",
      issueFile({}, `${SCAFFOLD_BODY}\n`),
      [`${FILE}: body: line 8: is still the scaffold's "Write the issue here…" — replace it with the issue`],
    ],
    [
      "a TK in the headline",
      issueFile({ title: "title: Istanbul talks resume on TK" }),
      [
        `${FILE}: title: has the placeholder "TK" — write the text that is to come, or remove the placeholder`,
      ],
    ],
    [
      "a TODO in the body, at its file line",
      issueFile({}, "Delegations met.\n\nThe consul TODO check the name\nsaid little.\n"),
      [
        `${FILE}: body: line 10: has the placeholder "TODO" — write the text that is to come, or remove the placeholder`,
      ],
    ],
    [
      "a TK on the second line of a paragraph",
      issueFile({}, "Delegations met\nfor TK hours.\n"),
      [
        `${FILE}: body: line 9: has the placeholder "TK" — write the text that is to come, or remove the placeholder`,
      ],
    ],
    [
      "a TK in a photo caption",
      issueFile({}, "Delegations met.\n").replace(
        "---\nDelegations",
        "photo:\n  src: 2025/credited.jpg\n  alt: Police outside the consulate\n  caption: TK\n---\nDelegations",
      ),
      [
        `${FILE}: photo.caption: has the placeholder "TK" — write the text that is to come, or remove the placeholder`,
      ],
    ],
    [
      "a link with no text",
      issueFile({}, "Delegations met. Read [](https://example.org/statement).\n"),
      [
        `${FILE}: body: line 8: a link to https://example.org/statement has no text — write the words readers click between the brackets: [the ministry's statement](https://example.org/statement)`,
      ],
    ],
    [
      "a link whose text is only spaces",
      issueFile({}, "Delegations met. Read [ ](https://example.org/statement).\n"),
      [
        `${FILE}: body: line 8: a link to https://example.org/statement has no text — write the words readers click between the brackets: [the ministry's statement](https://example.org/statement)`,
      ],
    ],
    [
      "an image from elsewhere without alt, on its own line",
      issueFile({}, "Delegations met.\n\n![](https://example.org/map.png)\n"),
      [
        `${FILE}: body: line 10: the image https://example.org/map.png has no alt text — describe it between the brackets: ![what it shows](https://example.org/map.png)`,
      ],
    ],
    [
      "an image without alt inside a sentence",
      issueFile({}, "Delegations met ![](/assets/icon.svg) here.\n"),
      [
        `${FILE}: body: line 8: the image /assets/icon.svg has no alt text — describe it between the brackets: ![what it shows](/assets/icon.svg)`,
      ],
    ],
    [
      "a raw-HTML image without alt, in an HTML block",
      issueFile(
        {},
        'Delegations met.\n\n<figure>\n<img src="https://example.org/map.png" width="600">\n</figure>\n',
      ),
      [
        `${FILE}: body: line 11: the image <img src="https://example.org/map.png" width="600"> has no alt attribute — add alt="what it shows" (alt="" only if it is decoration)`,
      ],
    ],
    [
      "a raw-HTML image without alt inside a sentence",
      issueFile({}, 'Delegations met <img src="/assets/icon.svg"> here.\n'),
      [
        `${FILE}: body: line 8: the image <img src="/assets/icon.svg"> has no alt attribute — add alt="what it shows" (alt="" only if it is decoration)`,
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(check(text).problems).toEqual(expected);
  });

  it("leaves a raw-HTML image with alt, or with an empty alt for decoration, alone", () => {
    const body =
      'Delegations met <img src="/assets/icon.svg" alt="">.\n\n<img src="https://example.org/map.png" alt="Map of Istanbul">\n';
    const { problems, warnings } = check(issueFile({}, body));
    expect(problems).toEqual([]);
    // The remote map is only warned about for the email edition, which leaves it out.
    expect(warnings).toEqual([
      expect.stringMatching(
        /: body: line \d+: the image https:\/\/example\.org\/map\.png is on another host/,
      ),
    ]);
  });

  it("leaves placeholders in code and words that hold the letters alone", () => {
    const body = "Delegations met in `TODO` mode.\n\n```\nTK\n```\n\nThe TKP and Atkins spoke. TODOS.\n";
    expect(check(issueFile({}, body))).toEqual({ problems: [], warnings: [] });
  });

  it("accepts a link whose text is an image with alt", () => {
    const body = "Delegations met. [![The statement](https://example.org/s.png)](https://example.org/s).\n";
    expect(check(issueFile({}, body)).problems).toEqual([]);
  });

  it("reports a photo in assets/photos without alt once, by its own check", () => {
    const body = "Delegations met.\n\n![](2025/credited.jpg)\n";
    expect(check(issueFile({}, body)).problems).toEqual([
      `${FILE}: body image 2025/credited.jpg: alt is empty — describe the photo for readers who cannot see it`,
    ]);
  });

  it("shows a draft's findings as warnings, so a draft still previews", () => {
    const text = `${issueFile({ dek: `dek: "${SCAFFOLD_DEK}"` }, `${SCAFFOLD_BODY}\n`).replace("\n---\n", "\ndraft: true\n---\n")}`;
    const { problems, warnings } = check(text);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      `${FILE}: dek: is still the scaffold's example — write one or two sentences that say what this issue is about`,
      `${FILE}: body: line 9: is still the scaffold's "Write the issue here…" — replace it with the issue`,
    ]);
  });
});

describe("preflight warnings: shown, never failing", () => {
  it("warns about a headline wrapped in curly quotes", () => {
    const { problems, warnings } = check(issueFile({ title: "title: “Kremlin hints at talks”" }));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      `${FILE}: title: is wrapped in curly quotes (“Kremlin hints at talks”), which show in the headline, the page title, feeds and search — remove them, unless the whole value is a quotation`,
    ]);
  });

  it("does not warn about quotes inside a value", () => {
    expect(check(issueFile({ title: "title: Lavrov says “no” to talks" })).warnings).toEqual([]);
  });

  it("warns about a heading repeated in one issue, naming both lines", () => {
    const body = "## Background\n\nOne.\n\n## The talks\n\nTwo.\n\n## background\n\nThree.\n";
    const { problems, warnings } = check(issueFile({}, body));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      `${FILE}: body: line 16: the heading "background" is repeated (first on line 8) — give each section its own heading`,
    ]);
  });
});

describe("findPreflightProblems", () => {
  it("finds nothing in a finished issue", () => {
    expect(findPreflightProblems({ title: "Talks", dek: "Delegations met." }, "They met.\n", 1)).toEqual([]);
  });
});

describe("images on another host", () => {
  it("warns that the email edition leaves them out, for Markdown and raw HTML alike", () => {
    const body = [
      "The talks went on.",
      "",
      "![A chart of the talks](https://cdn.example/chart.png)",
      "",
      'See the map <img src="https://tracker.example/p.gif" width="1" height="1" alt=""> here.',
      "",
      "![A photo of ours](2025/credited.jpg)",
    ].join("\n");
    const found = findPreflightProblems({}, body, 10).filter((finding) =>
      /another host/.test(finding.message),
    );
    expect(found).toEqual([
      {
        field: "body",
        severity: "warning",
        message:
          "line 12: the image https://cdn.example/chart.png is on another host, so the email edition leaves it out (every subscriber's mail client would fetch it from there) — put it in assets/photos to send it",
      },
      {
        field: "body",
        severity: "warning",
        message:
          "line 14: the image https://tracker.example/p.gif is on another host, so the email edition leaves it out (every subscriber's mail client would fetch it from there) — put it in assets/photos to send it",
      },
    ]);
  });
});
