/** Issue numbers (lib/numbering.ts) and the record of notes (lib/record.ts), table-driven. */
import { describe, expect, it } from "vitest";
import { checkIssueNumbers, nextIssueNumber } from "../lib/pipeline/content/numbering.ts";
import { issueNotes, lastChangeOf } from "../lib/pipeline/content/record.ts";

const issue = (inputPath: string, number?: number) => ({
  inputPath,
  data: number === undefined ? {} : { number },
});

describe("nextIssueNumber", () => {
  it.each([
    [[], 1],
    [[issue("a.md", 1)], 2],
    [[issue("a.md", 1), issue("b.md", 5), issue("c.md")], 6],
  ])("after %j is %i", (issues, next) => {
    expect(nextIssueNumber(issues)).toBe(next);
  });
});

describe("checkIssueNumbers", () => {
  it.each([
    { name: "a run without gaps", issues: [issue("a.md", 1), issue("b.md", 2)], problems: [], warnings: [] },
    {
      name: "a site that has not started numbering",
      issues: [issue("a.md"), issue("b.md")],
      problems: [],
      warnings: [],
    },
    {
      name: "a repeat, reported on the later file",
      issues: [issue("b.md", 1), issue("a.md", 1)],
      problems: [
        "b.md: No. 1 is already the number of a.md — give each issue its own number; the next unused is 2",
      ],
      warnings: [],
    },
    {
      name: "a gap of several",
      issues: [issue("a.md", 1), issue("b.md", 4)],
      problems: [],
      warnings: [
        "b.md: Nos. 2–3 are missing: the numbers go from 1 to 4 here — check for a mistyped number, or ignore this if those issues were never published",
      ],
    },
    {
      name: "a first number above 1",
      issues: [issue("a.md", 2)],
      problems: [],
      warnings: [
        "a.md: No. 1 is missing: the numbers go from the start to 2 here — check for a mistyped number, or ignore this if those issues were never published",
      ],
    },
  ])("$name", ({ issues, problems, warnings }) => {
    const result = checkIssueNumbers(issues, true);
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual(problems);
    expect(result.warnings.map((p) => `${p.file}: ${p.message}`)).toEqual(warnings);
  });

  it("warns that a number is not shown on a site that does not number its issues", () => {
    expect(checkIssueNumbers([issue("a.md", 1), issue("b.md")], false).warnings).toEqual([
      {
        file: "a.md",
        field: "number",
        message:
          "is not shown: the site does not number its issues — set numberedIssues: true in _data/site.ts, or remove the number",
      },
    ]);
  });
});

const DATE = "2025-04-10T09:00:00+03:00";
const LATER = "2025-04-10T12:00:00+03:00";
const LATEST = "2025-04-11T09:00:00+03:00";

describe("lastChangeOf", () => {
  it.each([
    { name: "never changed", data: { date: DATE }, change: { date: DATE, kind: "published" } },
    {
      name: "a bare updated",
      data: { date: DATE, updated: LATER },
      change: { date: LATER, kind: "revision" },
    },
    {
      name: "a correction at the updated time",
      data: { date: DATE, updated: LATER, corrections: [{ date: LATER, text: "x" }] },
      change: { date: LATER, kind: "correction" },
    },
    {
      name: "a later update",
      data: { date: DATE, corrections: [{ date: LATER, text: "x" }], updates: [{ date: LATEST, text: "y" }] },
      change: { date: LATEST, kind: "update" },
    },
    {
      name: "a correction and an update at one instant",
      data: { date: DATE, corrections: [{ date: LATER, text: "x" }], updates: [{ date: LATER, text: "y" }] },
      change: { date: LATER, kind: "correction" },
    },
    {
      name: "the same instant in another offset",
      data: { date: DATE, updates: [{ date: "2025-04-10T09:00:00Z", text: "y" }] },
      change: { date: "2025-04-10T09:00:00Z", kind: "update" },
    },
  ])("$name", ({ data, change }) => {
    expect(lastChangeOf(data)).toEqual(change);
  });
});

describe("issueNotes", () => {
  it("lists corrections and updates oldest first, each with its kind, label and anchor", () => {
    const notes = issueNotes({
      corrections: [
        { date: LATEST, text: "second fix" },
        { date: DATE, text: "first fix" },
      ],
      updates: [{ date: LATER, text: "added" }],
    });
    expect(notes.map((note) => [note.label, note.text, note.anchor])).toEqual([
      ["Correction", "first fix", "correction-2"],
      ["Update", "added", "update-1"],
      ["Correction", "second fix", "correction-1"],
    ]);
  });
});
