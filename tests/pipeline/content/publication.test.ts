/** What is published, what falls due next, and notes that claim to come from the future. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { findFutureNotes, isPublishable, nextDueIssue } from "../../../lib/pipeline/content/publication.ts";
import { formatProblem } from "../../../lib/shared/problems.ts";

const NOW = DateTime.fromISO("2025-05-01T00:00:00Z", { zone: "utc" });

function issue(
  date: string,
  extra: { draft?: boolean; corrections?: { date: string; text: string }[] } = {},
) {
  return {
    inputPath: "src/issues/2025/talks.md",
    data: { date, ...extra, updates: [{ date: "2025-04-12T09:00:00+03:00", text: "Adds the reply." }] },
    published: DateTime.fromISO(date, { setZone: true }),
  };
}

describe("isPublishable and nextDueIssue", () => {
  it.each([
    ["2025-04-10T16:30:00+03:00", {}, true],
    ["2025-04-10T16:30:00+03:00", { draft: true }, false],
    ["2025-06-01T09:00:00+03:00", {}, false],
    ["2025-05-01T03:00:00+03:00", {}, true],
  ])("an issue dated %s with %o is published: %s", (date, extra, published) => {
    expect(isPublishable(issue(date, extra), NOW)).toBe(published);
  });

  it("says when the next issue falls due, in UTC, never in the past", () => {
    const issues = [
      issue("2025-04-10T16:30:00+03:00"),
      issue("2025-06-01T09:00:00+03:00"),
      issue("2025-05-20T09:00:00+03:00", { draft: true }),
    ];
    expect(nextDueIssue(issues, NOW)).toBe("2025-06-01T06:00:00Z");
  });
});

describe("findFutureNotes", () => {
  it("refuses a correction dated after the build on a published issue, naming the file and field", () => {
    const problems = findFutureNotes(
      [
        issue("2025-04-10T16:30:00+03:00", {
          corrections: [{ date: "9999-12-31T00:00:00+00:00", text: "A typo." }],
        }),
      ],
      NOW,
    );
    expect(problems.map(formatProblem)).toEqual([
      "src/issues/2025/talks.md: corrections.0.date: 9999-12-31T00:00:00+00:00 is after the build's time (2025-05-01T00:00:00Z) — a correction records what was already done: fix the date",
    ]);
  });

  it.each([
    [
      "a draft",
      issue("2025-04-10T16:30:00+03:00", {
        draft: true,
        corrections: [{ date: "2025-06-01T00:00:00Z", text: "Later." }],
      }),
    ],
    [
      "an issue not yet due",
      issue("2025-06-01T09:00:00+03:00", { corrections: [{ date: "2025-06-02T00:00:00Z", text: "Later." }] }),
    ],
    [
      "a note at the build's time",
      issue("2025-04-10T16:30:00+03:00", { corrections: [{ date: "2025-05-01T00:00:00Z", text: "Now." }] }),
    ],
  ])("lets %s be", (_name, candidate) => {
    expect(findFutureNotes([candidate], NOW)).toEqual([]);
  });
});
