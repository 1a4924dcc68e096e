/**
 * "Corrections since the last issue" (lib/pipeline/views/record.ts): each issue carries every
 * correction, not update, dated after the previous issue's publication and up to its own.
 */
import { describe, expect, it } from "vitest";
import { correctionsSince, type LedgerEntry } from "../../../lib/pipeline/views/record.ts";

const issue = (slug: string, date: string) => ({ url: `/2025/04/${slug}/`, data: { date } });
const ISSUES = [
  issue("first", "2025-04-10T09:00:00+03:00"),
  issue("second", "2025-04-11T09:00:00+03:00"),
  issue("third", "2025-04-12T09:00:00+03:00"),
];

function note(kind: LedgerEntry["kind"], date: string, on = "first"): LedgerEntry {
  return {
    kind,
    label: kind === "correction" ? "Correction" : "Update",
    date,
    text: `A ${kind} of ${date}`,
    url: `/2025/04/${on}/#${kind}-1`,
    issue: { url: `/2025/04/${on}/`, title: on },
  };
}

describe("correctionsSince", () => {
  it.each<[string, LedgerEntry, string | undefined]>([
    [
      "a correction between two issues goes with the later",
      note("correction", "2025-04-10T12:00:00+03:00"),
      "second",
    ],
    [
      "one at the instant an issue is published goes with it",
      note("correction", "2025-04-11T09:00:00+03:00"),
      "second",
    ],
    ["one a second later waits for the next", note("correction", "2025-04-11T09:00:01+03:00"), "third"],
    [
      "the same instant in another offset is the same instant",
      note("correction", "2025-04-11T06:00:00Z"),
      "second",
    ],
    [
      "one after the newest issue waits for an issue not yet published",
      note("correction", "2025-04-13T09:00:00+03:00"),
      undefined,
    ],
    ["an update is never carried", note("update", "2025-04-10T12:00:00+03:00"), undefined],
  ])("%s", (_case, entry, carriedBy) => {
    const since = correctionsSince([...ISSUES], [entry]);
    expect([...since]).toEqual(carriedBy ? [[`/2025/04/${carriedBy}/`, [entry]]] : []);
  });

  it("lists several oldest first, whatever order the ledger holds them in (newest first)", () => {
    const early = note("correction", "2025-04-11T10:00:00+03:00", "second");
    const late = note("correction", "2025-04-11T20:00:00+03:00", "first");
    expect(correctionsSince([...ISSUES].reverse(), [late, early]).get("/2025/04/third/")).toEqual([
      early,
      late,
    ]);
  });
});
