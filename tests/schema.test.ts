import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIGITAL_SOURCE_TYPE_IDS } from "../lib/contract/digital-source.ts";
import {
  findById,
  idPattern,
  issueFieldNames,
  issueFrontMatterSchema,
  offsetDateTime,
  photoFieldNames,
} from "../lib/contract/schema.ts";
import { type CheckContext, checkIssue } from "../lib/pipeline/content/check-issue.ts";
import { formatProblem } from "../lib/shared/problems.ts";
import { createCheckContext } from "./helpers/check-context.ts";

const FILE = "src/issues/2025/x.md";

let context: CheckContext;

let removeContext: () => void;

beforeAll(async () => {
  ({ context, remove: removeContext } = await createCheckContext());
});

afterAll(() => removeContext());

/** The lines of a valid front matter, keyed so that a case can replace or drop one. */
const validFields: Record<string, string> = {
  title: "title: Istanbul talks resume",
  dek: "dek: US and Russian delegations meet at the consulate for a second round.",
  date: "date: 2025-04-10T16:30:00+03:00",
  authors: "authors: [ayse-kaya]",
  topics: "topics: [turkey, diplomacy]",
};

/** A whole issue file: the valid fields with `changes` applied (null drops a line), then `extra` lines. */
function issueFile(changes: Record<string, string | null> = {}, extra: string[] = []): string {
  const lines = Object.entries({ ...validFields, ...changes })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([, line]) => line);
  return `---\n${[...lines, ...extra].join("\n")}\n---\nDelegations met for three hours.\n`;
}

function problemsOf(text: string): string[] {
  return checkIssue(FILE, text, context).problems.map(formatProblem);
}

describe("checkIssue on front-matter fields", () => {
  it.each<[string, string, string[]]>([
    [
      "suggests the type of work meant by a misspelt one, and lists them all",
      issueFile({}, ["type: anaylsis"]),
      [
        `${FILE}: type: "anaylsis" is not a type of work — did you mean "analysis"? Or use one of: news, analysis, opinion, explainer, review, briefing`,
      ],
    ],
    [
      "lists the types of work for one it cannot place",
      issueFile({}, ["type: poem"]),
      [
        `${FILE}: type: "poem" is not a type of work — use one of: news, analysis, opinion, explainer, review, briefing`,
      ],
    ],
    [
      "rejects a type of work that is a list",
      issueFile({}, ["type: [news, analysis]"]),
      [
        `${FILE}: type: must be one type of work as text — use one of: news, analysis, opinion, explainer, review, briefing`,
      ],
    ],
    [
      "reports a missing title",
      issueFile({ title: null }),
      [`${FILE}: title: required — write the headline`],
    ],
    [
      "gives the length of a title over 140 characters",
      issueFile({ title: `title: ${"x".repeat(141)}` }),
      [`${FILE}: title: is 141 characters, the limit is 140 — shorten it`],
    ],
    [
      "rejects a blank title",
      issueFile({ title: 'title: "   "' }),
      [`${FILE}: title: must not be empty — write the headline`],
    ],
    [
      "rejects a title that is a number",
      issueFile({ title: "title: 42" }),
      [`${FILE}: title: must be text, not a number — write the headline`],
    ],
    [
      "rejects a title left empty",
      issueFile({ title: "title:" }),
      [`${FILE}: title: must be text, not empty — write the headline`],
    ],
    [
      "reports a missing dek",
      issueFile({ dek: null }),
      [`${FILE}: dek: required — write a one- or two-sentence standfirst`],
    ],
    [
      "rejects authors given as one word instead of a list",
      issueFile({ authors: "authors: ayse" }),
      [`${FILE}: authors: must be a list of author ids, e.g. [ayse-kaya]`],
    ],
    [
      "rejects an empty authors list",
      issueFile({ authors: "authors: []" }),
      [`${FILE}: authors: must list at least one author — add an id from _data/authors.ts`],
    ],
    [
      "reports missing authors",
      issueFile({ authors: null }),
      [`${FILE}: authors: required — list at least one author id from _data/authors.ts`],
    ],
    [
      "rejects topics given as one word instead of a list",
      issueFile({ topics: "topics: turkey" }),
      [`${FILE}: topics: must be a list of topic ids, e.g. [russia]`],
    ],
    [
      "rejects an empty topics list",
      issueFile({ topics: "topics: []" }),
      [`${FILE}: topics: must list at least one topic — add an id from _data/topics.ts`],
    ],
    [
      "rejects an author id that is not a plain id and is unknown",
      issueFile({ authors: "authors: [Ayse Kaya]" }),
      [`${FILE}: authors.0: "Ayse Kaya" is not in _data/authors.ts — did you mean "ayse-kaya"?`],
    ],
    [
      "reports a missing date",
      issueFile({ date: null }),
      [`${FILE}: date: required — give the publication time with its offset, e.g. 2025-04-10T16:30:00+03:00`],
    ],
    [
      "rejects a date without a time",
      issueFile({ date: "date: 2025-04-10" }),
      [`${FILE}: date: "2025-04-10" has no time — add the time and offset, e.g. 2025-04-10T09:00:00+03:00`],
    ],
    [
      "rejects a date without an offset",
      issueFile({ date: "date: 2025-04-10T16:30:00" }),
      [`${FILE}: date: "2025-04-10T16:30:00" has no offset — add one, e.g. +03:00 for Istanbul or Z for UTC`],
    ],
    [
      "rejects a date that does not exist",
      issueFile({ date: "date: 2025-13-40T10:00:00+03:00" }),
      [
        `${FILE}: date: "2025-13-40T10:00:00+03:00" is not a valid date-time — write it like 2025-04-10T16:30:00+03:00`,
      ],
    ],
    [
      "rejects a date that is a number",
      issueFile({ date: "date: 20250410" }),
      [`${FILE}: date: must be a date-time, not a number — write it like 2025-04-10T16:30:00+03:00`],
    ],
    [
      "rejects an update before publication",
      issueFile({}, ["updated: 2025-04-09T10:00:00+03:00"]),
      [
        `${FILE}: updated: 2025-04-09T10:00:00+03:00 is before date 2025-04-10T16:30:00+03:00 — an update cannot precede publication`,
      ],
    ],
    [
      "rejects a correction dated before publication",
      issueFile({}, [
        "corrections:",
        "  - date: 2025-04-09T10:00:00+03:00",
        "    text: The consul was misnamed.",
      ]),
      [
        `${FILE}: corrections.0.date: 2025-04-09T10:00:00+03:00 is before date 2025-04-10T16:30:00+03:00 — a correction cannot precede publication`,
      ],
    ],
    [
      "rejects a correction without text",
      issueFile({}, ["corrections:", "  - date: 2025-04-11T10:00:00+03:00"]),
      [`${FILE}: corrections.0.text: required — say what was wrong and what is right now`],
    ],
    [
      "rejects corrections that are not a list",
      issueFile({}, ["corrections: none"]),
      [`${FILE}: corrections: must be a list of { date, text } entries`],
    ],
    [
      "suggests the nearest field for an unknown key",
      issueFile({ title: "titel: Istanbul talks resume" }),
      [
        `${FILE}: title: required — write the headline`,
        `${FILE}: titel: unknown field — did you mean "title"?`,
      ],
    ],
    [
      "suggests the nearest photo field for an unknown key inside photo",
      issueFile({}, [
        "photo:",
        "  src: 2025/consulate.jpg",
        "  alt: Police outside the consulate",
        "  credit: REUTERS/Umit Bektas",
        "  captoin: The consulate on Monday",
      ]),
      [`${FILE}: photo.captoin: unknown field — did you mean "caption"?`],
    ],
    [
      "names the nearest digital source type for a misspelt photo.source",
      issueFile({}, [
        "photo:",
        "  src: 2025/consulate.jpg",
        "  alt: Police outside the consulate",
        "  credit: REUTERS/Umit Bektas",
        "  source: trainedAlgorithmMedia",
      ]),
      [
        `${FILE}: photo.source: "trainedAlgorithmMedia" is not an IPTC digital source type — did you mean "trainedAlgorithmicMedia"? Or use one of: ${DIGITAL_SOURCE_TYPE_IDS.join(", ")}`,
      ],
    ],
    [
      "refuses a photo.source that would hide the label the photo's own XMP calls for",
      issueFile({}, [
        "photo:",
        "  src: 2025/generated.jpg",
        "  alt: A drawn map of the two consulates",
        "  source: digitalCapture",
      ]),
      [
        `${FILE}: photo.source: says "digitalCapture", but the photo's own XMP says "trainedAlgorithmicMedia" (Image generated by AI), and readers must be told — remove photo.source, or correct Iptc4xmpExt:DigitalSourceType in the file if it is wrong`,
      ],
    ],
    [
      "requires alt text on the photo",
      issueFile({}, ["photo:", "  src: 2025/consulate.jpg", "  credit: REUTERS/Umit Bektas"]),
      [`${FILE}: photo.alt: required — describe the photo for readers who cannot see it`],
    ],
    [
      "rejects draft: yes, which the core schema keeps as text",
      issueFile({}, ["draft: yes"]),
      [`${FILE}: draft: must be true or false`],
    ],
    [
      "rejects a quoted draft flag",
      issueFile({}, ['draft: "true"']),
      [`${FILE}: draft: must be true or false`],
    ],
    [
      "gives the length of a dateline over 80 characters",
      issueFile({}, [`dateline: ${"X".repeat(81)}`]),
      [`${FILE}: dateline: is 81 characters, the limit is 80 — shorten it`],
    ],
    [
      "rejects an empty kicker",
      issueFile({}, ['kicker: ""']),
      [`${FILE}: kicker: must not be empty — a section label such as Analysis`],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["accepts the required fields alone", issueFile()],
    [
      "accepts every optional field",
      issueFile({}, [
        "updated: 2025-04-11T09:00:00+03:00",
        "dateline: ISTANBUL",
        "kicker: Analysis",
        "photo:",
        "  src: 2025/consulate.jpg",
        "  alt: Police outside the consulate",
        "  caption: The consulate on Monday",
        "  credit: REUTERS/Umit Bektas",
        "draft: false",
        "corrections:",
        "  - date: 2025-04-11T10:00:00+03:00",
        "    text: The consul was misnamed.",
      ]),
    ],
    ["accepts a date in UTC with Z", issueFile({ date: "date: 2025-04-10T13:30:00Z" })],
    ["accepts an offset without a colon", issueFile({ date: "date: 2025-04-10T16:30:00+0300" })],
    [
      "accepts an update at the same instant written in another offset",
      issueFile({}, ["updated: 2025-04-10T13:30:00Z"]),
    ],
  ])("%s", (_name, text) => {
    expect(problemsOf(text)).toEqual([]);
  });

  it("keeps an unquoted timestamp as the string the writer typed, offset included", () => {
    const { issue } = checkIssue(FILE, issueFile(), context);
    expect(issue?.data.date).toBe("2025-04-10T16:30:00+03:00");
  });

  it.each([
    ["compositeCapture", "compositeCapture"],
    ["http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", "trainedAlgorithmicMedia"],
  ])("reads photo.source %s as the term %s", (written, term) => {
    const photo = { src: "2025/consulate.jpg", alt: "Police outside", credit: "AP", source: written };
    const parsed = issueFrontMatterSchema.parse({
      title: "T",
      dek: "D",
      date: "2025-04-10T16:30:00+03:00",
      authors: ["a"],
      topics: ["russia"],
      photo,
    });
    expect(parsed.photo?.source).toBe(term);
  });

  it("trims surrounding spaces from text fields", () => {
    const { issue } = checkIssue(FILE, issueFile({ title: 'title: "  Istanbul talks resume  "' }), context);
    expect(issue?.data.title).toBe("Istanbul talks resume");
  });

  it("sets the prose a reader sees as the body is, and leaves names, credits and alt text as typed", () => {
    const { issue, problems } = checkIssue(
      FILE,
      issueFile(
        {
          title: `title: "Russia's \\"frank\\" talks -- in Istanbul"`,
          dek: `dek: "The two countries' missions, and 'normal' work..."`,
        },
        [
          `kicker: "Russia's view"`,
          "photo:",
          "  src: 2025/consulate.jpg",
          `  alt: "The consulate's gate"`,
          `  caption: "Outside Russia's consulate"`,
          `  credit: "O'Brien / Agency"`,
          "corrections:",
          `  - date: 2025-04-11T09:00:00+03:00`,
          `    text: "An earlier version misspelt the consul's name."`,
          "updates:",
          `  - date: 2025-04-11T10:00:00+03:00`,
          `    text: "Adds the ministry's statement, see https://example.com/it's-here"`,
        ],
      ),
      context,
    );
    expect(problems).toEqual([]);
    expect(issue?.data).toMatchObject({
      title: "Russia’s “frank” talks – in Istanbul",
      dek: "The two countries’ missions, and ‘normal’ work…",
      kicker: "Russia’s view",
      photo: {
        alt: "The consulate's gate",
        caption: "Outside Russia’s consulate",
        credit: "O'Brien / Agency",
      },
      corrections: [{ text: "An earlier version misspelt the consul’s name." }],
      updates: [{ text: "Adds the ministry’s statement, see https://example.com/it's-here" }],
    });
  });
});

describe("messages that steer the writer to the fix", () => {
  it.each<[string, string, string[]]>([
    [
      "a date written out in words: the format, shown with the writer's own date",
      issueFile({ date: "date: 10 April 2025" }),
      [
        `${FILE}: date: "10 April 2025" is not in the date format — write it as 2025-04-10T09:00:00+03:00 (year-month-day, T, the time, then the offset)`,
      ],
    ],
    [
      "a date with a time but a space for the T: the writer's time is kept",
      issueFile({ date: "date: 2025-04-10 16:30" }),
      [
        `${FILE}: date: "2025-04-10 16:30" is not in the date format — write it as 2025-04-10T16:30:00+03:00 (year-month-day, T, the time, then the offset)`,
      ],
    ],
    [
      "a date in the American order",
      issueFile({ date: "date: April 10, 2025" }),
      [
        `${FILE}: date: "April 10, 2025" is not in the date format — write it as 2025-04-10T09:00:00+03:00 (year-month-day, T, the time, then the offset)`,
      ],
    ],
    [
      "a date that is no date at all",
      issueFile({ date: "date: next Tuesday" }),
      [
        `${FILE}: date: "next Tuesday" is not a date-time — write it like 2025-04-10T09:00:00+03:00 (year-month-day, T, the time, then the offset)`,
      ],
    ],
    [
      "a topic id far from every known one: the list of ids and how to add one, no guess",
      issueFile({ topics: "topics: [russia, nato]" }),
      [
        `${FILE}: topics.1: "nato" is not in _data/topics.ts — the topic ids are russia, turkey, diplomacy; to add one, give it a name, a kind and a description in _data/topics.ts`,
      ],
    ],
    [
      "a topic id one letter off: a did-you-mean",
      issueFile({ topics: "topics: [rusia]" }),
      [`${FILE}: topics.0: "rusia" is not in _data/topics.ts — did you mean "russia"?`],
    ],
    [
      "an author id in capitals: one message, with the id it was meant to be",
      issueFile({ authors: "authors: [Ayse-Kaya]" }),
      [`${FILE}: authors.0: "Ayse-Kaya" is not in _data/authors.ts — did you mean "ayse-kaya"?`],
    ],
    [
      "an author name typed instead of the id: one message",
      issueFile({ authors: "authors: [Sonata Coulter]" }),
      [`${FILE}: authors.0: "Sonata Coulter" is not in _data/authors.ts — did you mean "sonata-coulter"?`],
    ],
    [
      "an author id far from every known one: the list",
      issueFile({ authors: "authors: [editor]" }),
      [
        `${FILE}: authors.0: "editor" is not in _data/authors.ts — the author ids are ayse-kaya, sonata-coulter; to add one, give it a name and a bio in _data/authors.ts`,
      ],
    ],
    [
      "a title with a colon: the field, and the value in quotes",
      issueFile({ title: "title: Moscow: the talks" }),
      [
        `${FILE}: title: the value holds ": ", which YAML reads as the start of another field — put the whole value in quotes: title: "Moscow: the talks"`,
      ],
    ],
    [
      "a photo caption with a colon: the nested field",
      issueFile({}, [
        "photo:",
        "  src: 2025/consulate.jpg",
        "  alt: Police outside the consulate",
        "  caption: Istanbul: the consulate on Monday",
      ]),
      [
        `${FILE}: photo.caption: the value holds ": ", which YAML reads as the start of another field — put the whole value in quotes: caption: "Istanbul: the consulate on Monday"`,
      ],
    ],
    [
      "a title that opens with a quote and goes on after it",
      issueFile({ title: 'title: "Kremlin" hints at talks' }),
      [
        `${FILE}: title: the value starts with a quote and goes on after it closes — put the whole value in quotes: title: '"Kremlin" hints at talks'`,
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

describe("offsetDateTime", () => {
  it.each([
    "2025-04-10T16:30:00+03:00",
    "2025-04-10T13:30:00Z",
    "2025-04-10T16:30:00+0300",
    "2025-04-10T16:30+03:00",
    "2025-04-10T16:30:00.123+03:00",
  ])("accepts %s", (value) => {
    expect(offsetDateTime.safeParse(value).success).toBe(true);
  });

  it.each([
    ["2025-04-10", '"2025-04-10" has no time — add the time and offset, e.g. 2025-04-10T09:00:00+03:00'],
    [
      "2025-04-10T16:30:00+03",
      '"2025-04-10T16:30:00+03" has no offset — add one, e.g. +03:00 for Istanbul or Z for UTC',
    ],
    [
      "2025-02-30T10:00:00Z",
      '"2025-02-30T10:00:00Z" is not a valid date-time — write it like 2025-04-10T16:30:00+03:00',
    ],
    [
      "2025-04-10T25:00:00Z",
      '"2025-04-10T25:00:00Z" is not a valid date-time — write it like 2025-04-10T16:30:00+03:00',
    ],
  ])("rejects %s", (value, message) => {
    const result = offsetDateTime.safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("idPattern", () => {
  it.each([
    ["ayse-kaya", true],
    ["russia", true],
    ["g20", true],
    ["Ayse", false],
    ["ayse kaya", false],
    ["a--b", false],
    ["-a", false],
    ["a-", false],
    ["a_b", false],
  ])("treats %s as valid: %s", (id, valid) => {
    expect(idPattern.test(id)).toBe(valid);
  });
});

describe("field names", () => {
  it("lists every front-matter key a writer may use", () => {
    expect(issueFieldNames).toEqual([
      "title",
      "dek",
      "date",
      "updated",
      "dateline",
      "kicker",
      "type",
      "authors",
      "topics",
      "people",
      "places",
      "organisations",
      "photo",
      "number",
      "thread",
      "draft",
      "corrections",
      "updates",
      "sources",
      "backstory",
      "unnamedSources",
    ]);
  });

  it("lists every photo key", () => {
    expect(photoFieldNames).toEqual(["src", "alt", "caption", "credit", "focus", "source"]);
  });
});

describe("findById", () => {
  const topics = { russia: { name: "Russia" } };

  it("finds a record by its own key", () => {
    expect(findById(topics, "russia")).toEqual({ name: "Russia" });
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "finds nothing for %s, which every object has but no author or topic is",
    (id) => {
      expect(findById(topics, id)).toBeUndefined();
    },
  );
});

describe("issueFrontMatterSchema on repeated ids", () => {
  const base = {
    title: "T",
    dek: "D",
    date: "2025-04-10T16:30:00+03:00",
    authors: ["a"],
    topics: ["russia"],
  };

  it("reports each repeat at its own index, with the id", () => {
    const result = issueFrontMatterSchema.safeParse({
      ...base,
      topics: ["russia", "turkey", "russia", "russia"],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["topics.2", '"russia" is already listed — list each topic once'],
      ["topics.3", '"russia" is already listed — list each topic once'],
    ]);
  });

  it("reports a repeated author", () => {
    const result = issueFrontMatterSchema.safeParse({ ...base, authors: ["a", "a"] });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["authors.1", '"a" is already listed — list each author once'],
    ]);
  });
});
