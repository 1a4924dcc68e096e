/**
 * Reading and checking issue files: front matter parsing, files the issue points at,
 * cross-references, URLs, URL clashes between files, and what production publishes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueUrl } from "../lib/contract/urls.ts";
import { type CheckContext, checkIssue } from "../lib/pipeline/content/check-issue.ts";
import { findLinksToHiddenIssues, loadIssues } from "../lib/pipeline/content/load-issues.ts";
import { isPublishable, lastChange } from "../lib/pipeline/content/publication.ts";
import { readFrontMatter, readIssueSource } from "../lib/pipeline/content/read.ts";
import { bodyImageSources } from "../lib/pipeline/photos/body-images.ts";
import { ContentError, formatProblem } from "../lib/shared/problems.ts";
import { createCheckContext } from "./helpers/check-context.ts";

const FILE = "src/issues/2025/x.md";

let tempDir: string;
let context: CheckContext;

let removeContext: () => void;

beforeAll(async () => {
  ({ context, remove: removeContext } = await createCheckContext());
  tempDir = path.dirname(context.photosDir);
});

afterAll(() => removeContext());

const FRONT_MATTER = [
  "title: Istanbul talks resume",
  "dek: US and Russian delegations meet at the consulate for a second round.",
  "date: 2025-04-10T16:30:00+03:00",
  "authors: [ayse-kaya]",
  "topics: [turkey, diplomacy]",
];

const BODY = "Delegations met for three hours.\n";

/** A whole issue file: the valid front matter with `extra` lines, then `body`. */
function issueFile(extra: string[] = [], body = BODY, frontMatter = FRONT_MATTER): string {
  return `---\n${[...frontMatter, ...extra].join("\n")}\n---\n${body}`;
}

const withDate = (date: string) =>
  FRONT_MATTER.map((line) => (line.startsWith("date:") ? `date: ${date}` : line));

function problemsOf(text: string): string[] {
  return checkIssue(FILE, text, context).problems.map(formatProblem);
}

describe("checkIssue on the file as a whole", () => {
  it.each<[string, string, string[]]>([
    [
      "reports a file without front matter",
      "Delegations met for three hours.\n",
      [
        `${FILE}: front matter: missing — start the file with a --- block holding title, dek, date, authors and topics`,
      ],
    ],
    [
      "reports an empty front-matter block as missing",
      "---\n---\nDelegations met.\n",
      [
        `${FILE}: front matter: missing — start the file with a --- block holding title, dek, date, authors and topics`,
      ],
    ],
    [
      "reports an empty body",
      issueFile([], "\n   \n"),
      [`${FILE}: body: is empty — write the issue below the front matter`],
    ],
    [
      "reports an unknown author and an unknown topic with the nearest ids",
      issueFile([], BODY, [
        ...FRONT_MATTER.slice(0, 3),
        "authors: [ayse-kaya, sonata-coultr]",
        "topics: [turky, diplomacy]",
      ]),
      [
        `${FILE}: authors.1: "sonata-coultr" is not in _data/authors.ts — did you mean "sonata-coulter"?`,
        `${FILE}: topics.0: "turky" is not in _data/topics.ts — did you mean "turkey"?`,
      ],
    ],
    [
      "reports a photo whose file does not exist",
      issueFile([
        "photo:",
        "  src: 2025/missing.jpg",
        "  alt: Police outside",
        "  credit: REUTERS/Umit Bektas",
      ]),
      [
        `${FILE}: photo.src: assets/photos/2025/missing.jpg does not exist — add the file or correct the path`,
      ],
    ],
    [
      "rejects a photo path that climbs out of assets/photos",
      issueFile([
        "photo:",
        "  src: ../2025/consulate.jpg",
        "  alt: Police outside",
        "  credit: REUTERS/Umit Bektas",
      ]),
      [
        `${FILE}: photo.src: "../2025/consulate.jpg" must be a path inside assets/photos/, e.g. 2025/istanbul-consulate.jpg`,
      ],
    ],
    [
      "rejects an absolute photo path",
      issueFile([
        "photo:",
        "  src: /etc/consulate.jpg",
        "  alt: Police outside",
        "  credit: REUTERS/Umit Bektas",
      ]),
      [
        `${FILE}: photo.src: "/etc/consulate.jpg" must be a path inside assets/photos/, e.g. 2025/istanbul-consulate.jpg`,
      ],
    ],
    [
      "reports a photo without a credit",
      issueFile(["photo:", "  src: 2025/consulate.jpg", "  alt: Police outside"]),
      [
        `${FILE}: photo.credit: missing — give credit: REUTERS/Umit Bektas in front matter, or fill the photo's IPTC Credit and By-line`,
      ],
    ],
    [
      "reports a body image whose file does not exist",
      issueFile([], "Delegations met.\n\n![x](2025/missing.jpg)\n"),
      [
        `${FILE}: body image 2025/missing.jpg: assets/photos/2025/missing.jpg does not exist — add the file or correct the path`,
      ],
    ],
    [
      "rejects a body image path that climbs out of assets/photos",
      issueFile([], 'Delegations met.\n\n![x](../secret.jpg "Caption")\n'),
      [
        `${FILE}: body image ../secret.jpg: "../secret.jpg" must be a path inside assets/photos/, e.g. 2025/istanbul-consulate.jpg`,
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      "an unclosed quote, at the line where the front matter ends",
      issueFile([], BODY, ['title: "unclosed', ...FRONT_MATTER.slice(1)]),
      "unexpected end of the stream within a double quoted scalar, line 7",
    ],
    [
      "a badly indented line, at that line",
      issueFile([], BODY, [FRONT_MATTER[0] ?? "", "  dek: indented", ...FRONT_MATTER.slice(2)]),
      "bad indentation of a mapping entry, line 3",
    ],
    [
      "a repeated key, at the second one",
      issueFile([], BODY, [...FRONT_MATTER, "title: Again"]),
      "duplicated mapping key, line 7",
    ],
  ])("reports front matter that is not valid YAML: %s", (_name, text, reason) => {
    expect(problemsOf(text)).toEqual([
      `${FILE}: front matter: is not valid YAML (${reason}) — check indentation, colons and quotes`,
    ]);
  });

  it("lists every problem of a file with several", () => {
    const text =
      "---\ntitel: Talks\ndate: 2025-04-10\nauthors: [nobody]\ntopics: []\nphoto:\n  src: 2025/consulate.jpg\n---\n";
    expect(problemsOf(text)).toEqual([
      `${FILE}: title: required — write the headline`,
      `${FILE}: dek: required — write a one- or two-sentence standfirst`,
      `${FILE}: date: "2025-04-10" has no time — add the time and offset, e.g. 2025-04-10T09:00:00+03:00`,
      `${FILE}: topics: must list at least one topic — add an id from _data/topics.ts`,
      `${FILE}: photo.alt: required — describe the photo for readers who cannot see it`,
      `${FILE}: titel: unknown field — did you mean "title"?`,
      `${FILE}: body: is empty — write the issue below the front matter`,
      `${FILE}: authors.0: "nobody" is not in _data/authors.ts — the author ids are ayse-kaya, sonata-coulter; to add one, give it a name and a bio in _data/authors.ts`,
      `${FILE}: photo.credit: missing — give credit: REUTERS/Umit Bektas in front matter, or fill the photo's IPTC Credit and By-line`,
    ]);
  });

  it("returns no issue when there are problems", () => {
    expect(checkIssue(FILE, issueFile([], ""), context).issue).toBeUndefined();
  });

  it.each<[string, string]>([
    [
      "a photo that exists, with alt and credit",
      "photo:\n  src: 2025/consulate.jpg\n  alt: Police\n  credit: AFP",
    ],
    ["a body image that exists", ""],
  ])("accepts %s", (_name, extra) => {
    const text = issueFile(extra ? extra.split("\n") : [], "Met.\n\n![Police](2025/credited.jpg)\n");
    expect(problemsOf(text)).toEqual([]);
  });

  it.each([
    ["title", 'title: "Istanbul talks\\nresume"'],
    ["dek", 'dek: "Delegations meet.\\r\\nAgain."'],
    [
      "corrections.0.text",
      'corrections: [{ date: 2025-04-11T12:00:00+03:00, text: "A name.\\u2028Fixed." }]',
    ],
  ])("refuses a line break in %s: it is one line everywhere it is shown", (field, line) => {
    const key = field.split(".")[0] ?? field;
    const frontMatter = [...FRONT_MATTER.filter((each) => !each.startsWith(`${key}:`)), line];
    expect(problemsOf(issueFile([], BODY, frontMatter))).toEqual([
      `${FILE}: ${field}: has a line break — it is shown on one line (page title, feeds, email subject): join the lines`,
    ]);
  });

  it("refuses a body over 1 MB, without parsing it", () => {
    expect(problemsOf(issueFile([], "Talks went on. ".repeat(80_000)))).toEqual([
      `${FILE}: body: is 1.2 MB, over the 1 MB an issue may have — split it into several issues, or move data to a linked file`,
    ]);
  });

  it("refuses more than 500 footnotes", () => {
    const notes = Array.from(
      { length: 501 },
      (_, index) => `Claim.[^${index}]\n\n[^${index}]: Source ${index}.`,
    ).join("\n\n");
    expect(problemsOf(issueFile([], notes))).toEqual([
      `${FILE}: body: has 501 footnotes, over the 500 an issue may have — split it into several issues`,
    ]);
  });

  it("warns, and does not stop, a draft whose body image has no alt; stops it once it is not a draft", () => {
    const body = "Met.\n\n![](2025/credited.jpg)\n";
    const draft = checkIssue(FILE, issueFile(["draft: true"], body), context);
    expect(draft.problems).toEqual([]);
    expect(draft.warnings.map(formatProblem)).toContain(
      `${FILE}: body image 2025/credited.jpg: alt is empty — describe the photo for readers who cannot see it`,
    );
    expect(checkIssue(FILE, issueFile([], body), context).problems.map(formatProblem)).toContain(
      `${FILE}: body image 2025/credited.jpg: alt is empty — describe the photo for readers who cannot see it`,
    );
  });

  it("does not look for external or site-absolute body images in assets/photos", () => {
    const body = "Met.\n\n![Map](https://cdn.example/map.png)\n\n![Logo](/assets/logo.png)\n";
    expect(problemsOf(issueFile([], body))).toEqual([]);
  });
});

describe("checkIssue on a valid file", () => {
  it("returns the issue with its slug, URL, data and body", () => {
    const { issue, problems } = checkIssue("src/issues/2025/istanbul-talks.md", issueFile(), context);
    expect(problems).toEqual([]);
    expect(issue?.inputPath).toBe("src/issues/2025/istanbul-talks.md");
    expect(issue?.slug).toBe("istanbul-talks");
    expect(issue?.url).toBe("/2025/04/istanbul-talks/");
    expect(issue?.data).toEqual({
      title: "Istanbul talks resume",
      dek: "US and Russian delegations meet at the consulate for a second round.",
      date: "2025-04-10T16:30:00+03:00",
      authors: ["ayse-kaya"],
      topics: ["turkey", "diplomacy"],
    });
    expect(issue?.body).toBe("Delegations met for three hours.\n");
    expect(issue?.published.toISO()).toBe("2025-04-10T16:30:00.000+03:00");
    expect(issue?.modified.toISO()).toBe("2025-04-10T16:30:00.000+03:00");
  });

  it("puts an issue dated just before midnight UTC in the month of the site's zone", () => {
    const { issue } = checkIssue(FILE, issueFile([], BODY, withDate("2025-04-30T22:30:00Z")), context);
    expect(issue?.url).toBe("/2025/05/x/");
    expect(issue?.published.toISO()).toBe("2025-05-01T01:30:00.000+03:00");
  });

  it("keeps an issue in its month when the site's zone agrees", () => {
    const utc = { ...context, site: { timeZone: "UTC" } };
    const { issue } = checkIssue(FILE, issueFile([], BODY, withDate("2025-04-30T22:30:00Z")), utc);
    expect(issue?.url).toBe("/2025/04/x/");
  });

  it("reads a file with a byte-order mark and CRLF line endings", () => {
    const text = `\uFEFF${issueFile()}`.replace(/\n/g, "\r\n");
    const { issue, problems } = checkIssue(FILE, text, context);
    expect(problems).toEqual([]);
    expect(issue?.data.title).toBe("Istanbul talks resume");
    expect(issue?.body).toBe("Delegations met for three hours.\n");
  });

  it("sets modified to the latest of updated and the corrections, in the site's zone", () => {
    const text = issueFile([
      "updated: 2025-04-11T10:00:00+03:00",
      "corrections:",
      "  - date: 2025-04-12T09:00:00Z",
      "    text: The consul was misnamed.",
      "  - date: 2025-04-11T12:00:00+03:00",
      "    text: The date of the talks was wrong.",
    ]);
    const { issue } = checkIssue(FILE, text, context);
    expect(issue?.modified.toISO()).toBe("2025-04-12T12:00:00.000+03:00");
  });

  it("sets modified to updated when it is the latest change", () => {
    const text = issueFile([
      "updated: 2025-04-13T08:00:00+03:00",
      "corrections:",
      "  - date: 2025-04-12T09:00:00+03:00",
      "    text: The consul was misnamed.",
    ]);
    expect(checkIssue(FILE, text, context).issue?.modified.toISO()).toBe("2025-04-13T08:00:00.000+03:00");
  });
});

describe("readFrontMatter", () => {
  it("splits the data from the body", () => {
    expect(readFrontMatter("---\ntitle: A\n---\nBody\n")).toEqual({
      data: { title: "A" },
      body: "Body\n",
      bodyLine: 4,
    });
  });

  it("keeps timestamps and bare dates as strings", () => {
    expect(readFrontMatter("---\ndate: 2025-04-10T16:30:00+03:00\nday: 2025-04-10\n---\n").data).toEqual({
      date: "2025-04-10T16:30:00+03:00",
      day: "2025-04-10",
    });
  });

  it("returns a fresh data object for the same text", () => {
    const text = "---\ntitle: A\n---\nBody\n";
    const first = readFrontMatter(text);
    if (first.data) first.data.title = "changed";
    expect(readFrontMatter(text).data).toEqual({ title: "A" });
  });
});

describe("lastChange", () => {
  it.each<[string, Parameters<typeof lastChange>[0], string]>([
    ["the date when nothing changed", { date: "2025-04-10T16:30:00+03:00" }, "2025-04-10T16:30:00+03:00"],
    [
      "updated when it is later",
      { date: "2025-04-10T16:30:00+03:00", updated: "2025-04-11T09:00:00+03:00" },
      "2025-04-11T09:00:00+03:00",
    ],
    [
      "the latest correction, compared as instants across offsets",
      {
        date: "2025-04-10T16:30:00+03:00",
        updated: "2025-04-11T12:00:00+03:00",
        corrections: [
          { date: "2025-04-11T10:00:00Z", text: "a" },
          { date: "2025-04-11T11:00:00+03:00", text: "b" },
        ],
      },
      "2025-04-11T10:00:00Z",
    ],
    [
      "the first of equal instants",
      { date: "2025-04-10T16:30:00+03:00", updated: "2025-04-10T13:30:00Z" },
      "2025-04-10T16:30:00+03:00",
    ],
  ])("returns %s", (_name, data, expected) => {
    expect(lastChange(data)).toBe(expected);
  });
});

describe("issueUrl", () => {
  it("uses the year and zero-padded month of the given date-time", () => {
    const published = DateTime.fromISO("2025-03-05T01:00:00+03:00", { setZone: true });
    expect(issueUrl("ankara-visit", published)).toBe("/2025/03/ankara-visit/");
  });
});

describe("bodyImageSources", () => {
  it("lists the relative sources of body images, with or without captions and angle brackets", () => {
    const body = [
      "![a](2025/a.jpg)",
      '![b](2025/b.jpg "Caption")',
      "![c](<2025/c.jpg>)",
      "![d](https://cdn.example/d.jpg)",
      "![e](/assets/e.png)",
      "[not an image](2025/f.jpg)",
      "Inline ![g](2025/g.jpg) too.",
    ].join("\n\n");
    expect(bodyImageSources(body)).toEqual(["2025/a.jpg", "2025/b.jpg", "2025/c.jpg", "2025/g.jpg"]);
  });
});

describe("loadIssues", () => {
  function writeIssue(root: string, file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  it("reports two files that publish at the same URL", () => {
    const root = mkdtempSync(path.join(tempDir, "clash-"));
    writeIssue(root, "src/issues/2024/talks.md", issueFile());
    writeIssue(root, "src/issues/2025/talks.md", issueFile([], BODY, withDate("2025-04-20T10:00:00+03:00")));
    const { issues, problems } = loadIssues({ ...context, root, issuesDir: "src/issues" });
    expect(problems.map(formatProblem)).toEqual([
      "src/issues/2025/talks.md: date: publishes at /2025/04/talks/, which src/issues/2024/talks.md already uses — rename one of the files",
    ]);
    expect(issues.map((issue) => issue.inputPath)).toEqual([
      "src/issues/2024/talks.md",
      "src/issues/2025/talks.md",
    ]);
  });

  it("reads every Markdown file under the folder and collects the problems of all of them", () => {
    const root = mkdtempSync(path.join(tempDir, "many-"));
    writeIssue(root, "src/issues/2025/b.md", issueFile([], ""));
    writeIssue(root, "src/issues/2025/a.md", issueFile());
    writeIssue(root, "src/issues/2025/notes.txt", "not an issue");
    writeIssue(root, "src/issues/2025/c.md", "No front matter.\n");
    const { issues, problems } = loadIssues({ ...context, root, issuesDir: "src/issues" });
    expect(issues.map((issue) => issue.url)).toEqual(["/2025/04/a/"]);
    expect(problems.map(formatProblem)).toEqual([
      "src/issues/2025/b.md: body: is empty — write the issue below the front matter",
      "src/issues/2025/c.md: front matter: missing — start the file with a --- block holding title, dek, date, authors and topics",
    ]);
  });

  it("returns nothing for a folder that does not exist", () => {
    expect(loadIssues({ ...context, root: tempDir, issuesDir: "nowhere" })).toEqual({
      issues: [],
      problems: [],
      warnings: [],
    });
  });
});

describe("ContentError", () => {
  it("lists every problem in its message", () => {
    const error = new ContentError([
      { file: "src/issues/2025/a.md", field: "title", message: "required — write the headline" },
      { file: "src/issues/2025/b.md", field: "draft", message: "must be true or false" },
    ]);
    expect(error.name).toBe("ContentError");
    expect(error.message).toBe(
      "2 problems in the content:\nsrc/issues/2025/a.md: title: required — write the headline\nsrc/issues/2025/b.md: draft: must be true or false",
    );
  });

  it("uses the singular for one problem", () => {
    const error = new ContentError([{ file: "a.md", field: "body", message: "is empty" }]);
    expect(error.message).toBe("1 problem in the content:\na.md: body: is empty");
  });
});

describe("isPublishable", () => {
  const now = DateTime.fromISO("2025-04-10T12:00:00Z", { zone: "utc" });
  const at = (iso: string, draft?: boolean) => ({
    data: draft === undefined ? {} : { draft },
    published: DateTime.fromISO(iso, { setZone: true }),
  });

  it.each<[string, ReturnType<typeof at>, boolean]>([
    ["publishes a past issue", at("2025-04-09T12:00:00Z"), true],
    ["publishes an issue dated exactly now", at("2025-04-10T15:00:00+03:00"), true],
    ["publishes a past issue with draft: false", at("2025-04-09T12:00:00Z", false), true],
    ["holds back a draft", at("2025-04-09T12:00:00Z", true), false],
    ["holds back an issue dated after the build time", at("2025-04-10T12:00:01Z"), false],
  ])("%s", (_name, issue, expected) => {
    expect(isPublishable(issue, now)).toBe(expected);
  });
});

describe("checkIssue on mistakes found in review", () => {
  it("suggests a correction's own field for a misspelt key inside a correction", () => {
    expect(
      problemsOf(issueFile(["corrections:", "  - date: 2025-04-11T10:00:00+03:00", "    txet: Fixed."])),
    ).toEqual([
      "src/issues/2025/x.md: corrections.0.text: required — say what was wrong and what is right now",
      'src/issues/2025/x.md: corrections.0.txet: unknown field — did you mean "text"?',
    ]);
  });

  it("reports front matter that is plain text instead of fields, once", () => {
    expect(problemsOf("---\njust text\n---\nBody.\n")).toEqual([
      "src/issues/2025/x.md: front matter: must be fields like title: …, not a list or plain text — see README, Write and publish an issue",
    ]);
  });

  it("reports an update before the date even when another field also fails", () => {
    const frontMatter = FRONT_MATTER.filter((line) => !line.startsWith("dek:"));
    expect(problemsOf(issueFile(["updated: 2025-04-09T10:00:00+03:00"], BODY, frontMatter))).toEqual([
      "src/issues/2025/x.md: dek: required — write a one- or two-sentence standfirst",
      "src/issues/2025/x.md: updated: 2025-04-09T10:00:00+03:00 is before date 2025-04-10T16:30:00+03:00 — an update cannot precede publication",
    ]);
  });

  it("explains a photo given as a bare path", () => {
    expect(problemsOf(issueFile(["photo: 2025/consulate.jpg"]))).toEqual([
      "src/issues/2025/x.md: photo: must be fields (src, alt, caption, credit), not a single value — put src: on its own indented line",
    ]);
  });
});

describe("checkIssue on hostile or careless input", () => {
  /** Nine levels of nine-fold aliases: 296 bytes that expand to 9^9 (387 million) strings when walked. */
  const aliasBomb = `kicker: [${["x", ..."abcdefgh"]
    .map((target, level) => {
      const anchor = "abcdefghi"[level];
      const item = level === 0 ? target : `*${target}`;
      return `&${anchor} [${Array(9).fill(item).join(",")}]`;
    })
    .join(", ")}]`;

  it.each<[string, string, string[]]>([
    [
      "rejects a YAML alias bomb by its anchors, before anything expands",
      issueFile([aliasBomb]),
      [`${FILE}: kicker: YAML anchors and aliases (&name, *name) are not allowed — write the value out`],
    ],
    [
      "rejects one plain anchor and alias, naming the field the anchor is in",
      issueFile(["photo:", "  src: &shot 2025/consulate.jpg", "  alt: *shot", "  credit: AFP"]),
      [`${FILE}: photo: YAML anchors and aliases (&name, *name) are not allowed — write the value out`],
    ],
    [
      "reports an HTML comment that is never closed, at its line in the file",
      issueFile([], "Delegations met.\n\n<!-- editor: check the quote\n\nThe talks lasted three hours.\n"),
      [`${FILE}: body: line 10: an HTML comment is never closed — end it with "-->" or remove it`],
    ],
    [
      "reports an HTML comment ended with --!>",
      issueFile(
        [],
        "Delegations met.\n\n<!-- editor: check the quote --!>\n\nThe talks lasted three hours.\n",
      ),
      [`${FILE}: body: line 10: an HTML comment is never closed — end it with "-->" or remove it`],
    ],
    [
      "reports an unclosed comment inside a paragraph, which would be printed to readers",
      issueFile([], "Delegations met\nfor hours. <!-- editor: check\n"),
      [`${FILE}: body: line 9: an HTML comment is never closed — end it with "-->" or remove it`],
    ],
    [
      "reports quotes nested so deep that Markdown would drop their text",
      issueFile([], `Delegations met.\n\n${">".repeat(5000)} The quote.\n`),
      [
        `${FILE}: body: line 10: quotes or lists are nested too deeply, so Markdown would drop the text inside — use at most a few levels of ">" or list indents`,
      ],
    ],
    [
      "reports prototype names as unknown authors and topics",
      issueFile([], BODY, [
        ...FRONT_MATTER.slice(0, 3),
        "authors: [constructor]",
        "topics: [constructor, hasownproperty]",
      ]),
      [
        `${FILE}: authors.0: "constructor" is not in _data/authors.ts — the author ids are ayse-kaya, sonata-coulter; to add one, give it a name and a bio in _data/authors.ts`,
        `${FILE}: topics.0: "constructor" is not in _data/topics.ts — the topic ids are russia, turkey, diplomacy; to add one, give it a name, a kind and a description in _data/topics.ts`,
        `${FILE}: topics.1: "hasownproperty" is not in _data/topics.ts — the topic ids are russia, turkey, diplomacy; to add one, give it a name, a kind and a description in _data/topics.ts`,
      ],
    ],
    [
      "reports __proto__ and toString as unknown, once each",
      issueFile([], BODY, [...FRONT_MATTER.slice(0, 4), "topics: [__proto__, toString]"]),
      [
        `${FILE}: topics.0: "__proto__" is not in _data/topics.ts — the topic ids are russia, turkey, diplomacy; to add one, give it a name, a kind and a description in _data/topics.ts`,
        `${FILE}: topics.1: "toString" is not in _data/topics.ts — the topic ids are russia, turkey, diplomacy; to add one, give it a name, a kind and a description in _data/topics.ts`,
      ],
    ],
    [
      "reports a repeated topic and a repeated author",
      issueFile([], BODY, [
        ...FRONT_MATTER.slice(0, 3),
        "authors: [ayse-kaya, ayse-kaya]",
        "topics: [turkey, diplomacy, turkey]",
      ]),
      [
        `${FILE}: authors.1: "ayse-kaya" is already listed — list each author once`,
        `${FILE}: topics.2: "turkey" is already listed — list each topic once`,
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      "..md, which would publish over the year",
      "src/issues/2025/..md",
      [
        `src/issues/2025/..md: file name: "." becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it after the story, e.g. istanbul-talks.md`,
      ],
    ],
    [
      "...md, which would publish over the month",
      "src/issues/2025/...md",
      [
        `src/issues/2025/...md: file name: ".." becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it after the story, e.g. istanbul-talks.md`,
      ],
    ],
    [
      "a name with spaces and capitals",
      "src/issues/2025/My Big Issue.md",
      [
        `src/issues/2025/My Big Issue.md: file name: "My Big Issue" becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it to my-big-issue.md`,
      ],
    ],
    [
      "a name with accents and an underscore",
      "src/issues/2025/Kılıçdaroğlu_in_Ankara.md",
      [
        `src/issues/2025/Kılıçdaroğlu_in_Ankara.md: file name: "Kılıçdaroğlu_in_Ankara" becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it to kilicdaroglu-in-ankara.md`,
      ],
    ],
  ])("rejects the file name %s", (_name, file, expected) => {
    const { issue, problems } = checkIssue(file, issueFile(), context);
    expect(problems.map(formatProblem)).toEqual(expected);
    expect(issue).toBeUndefined();
  });

  it.each(["istanbul-talks", "g20-summit-2025", "x"])("accepts the file name %s.md", (slug) => {
    expect(checkIssue(`src/issues/2025/${slug}.md`, issueFile(), context).problems).toEqual([]);
  });

  it.each<[string, string]>([
    ["a closed comment", "Met.\n\n<!-- editor: fine -->\n\nMore.\n"],
    ["an empty comment", "Met. <!----> <!--> <!--->\n"],
    ["a comment marker in code", "Met. `<!--` opens a comment.\n\n```html\n<!-- in a code block\n```\n"],
    ["quotes nested three deep", "> > > A quote in a quote in a quote.\n"],
  ])("accepts %s", (_name, body) => {
    expect(problemsOf(issueFile([], body))).toEqual([]);
  });
});

describe("links to other issues' source files", () => {
  const TALKS = "src/issues/2025/istanbul-embassy-talks.md";
  const LINKING = "src/issues/2026/second-round.md";

  function load(files: Record<string, string>) {
    const sources = Object.entries(files).map(([file, text]) => readIssueSource(file, text));
    return loadIssues({ ...context, root: tempDir, issuesDir: "src/issues", sources });
  }

  it.each<[string, string]>([
    ["relative to the linking file", "../2025/istanbul-embassy-talks.md"],
    ["from src/issues/", "src/issues/2025/istanbul-embassy-talks.md"],
    ["from the issues folder", "2025/istanbul-embassy-talks.md"],
    ["from the project root with a slash", "/src/issues/2025/istanbul-embassy-talks.md#the-talks"],
  ])("accepts a link written %s", (_name, href) => {
    const { problems } = load({
      [TALKS]: issueFile(),
      [LINKING]: issueFile([], `See [the first round](${href}).\n`),
    });
    expect(problems).toEqual([]);
  });

  it("reports a link to a missing file at its file line, naming the .md file, with a did-you-mean", () => {
    const { problems } = load({
      [TALKS]: issueFile(),
      [LINKING]: issueFile([], "Delegations met.\n\nSee [the first round](../2025/istanbul-embassy.md).\n"),
    });
    expect(problems.map(formatProblem)).toEqual([
      `${LINKING}: body: line 10: links to ../2025/istanbul-embassy.md, which does not exist — did you mean ../2025/istanbul-embassy-talks.md?`,
    ]);
  });

  it("says where issue files live when no file is close", () => {
    const { problems } = load({
      [TALKS]: issueFile(),
      [LINKING]: issueFile([], "See [the sanctions](../2024/sanctions-on-oil-exports.md).\n"),
    });
    expect(problems.map(formatProblem)).toEqual([
      `${LINKING}: body: line 8: links to ../2024/sanctions-on-oil-exports.md, which does not exist — link to an issue's file in src/issues/, e.g. ../2025/istanbul-talks.md`,
    ]);
  });

  it("checks a draft's links too, so nothing first fails on publishing day", () => {
    const { problems } = load({
      [LINKING]: issueFile(["draft: true"], "See [the first round](../2025/istanbul-embassy.md).\n"),
    });
    expect(problems.map(formatProblem)).toEqual([
      `${LINKING}: body: line 9: links to ../2025/istanbul-embassy.md, which does not exist — link to an issue's file in src/issues/, e.g. ../2025/istanbul-talks.md`,
    ]);
  });

  it("leaves links to web pages and plain fragments alone", () => {
    const { problems } = load({
      [LINKING]: issueFile([], "See [the notes](https://example.org/notes.md) and [below](#below).\n"),
    });
    expect(problems).toEqual([]);
  });

  it("reports a published issue's link to a draft, which production would not publish", () => {
    const { issues } = load({
      [TALKS]: issueFile(["draft: true"]),
      [LINKING]: issueFile([], "See [the first round](../2025/istanbul-embassy-talks.md).\n"),
    });
    const now = DateTime.fromISO("2026-01-01T00:00:00Z");
    const shown = issues.filter((issue) => isPublishable(issue, now));
    expect(findLinksToHiddenIssues(shown, issues, "src/issues", now).map(formatProblem)).toEqual([
      `${LINKING}: body: line 8: links to ../2025/istanbul-embassy-talks.md, which is a draft — publish it first, or remove the link until it is out`,
    ]);
    expect(findLinksToHiddenIssues(issues, issues, "src/issues", now)).toEqual([]);
  });
});
