/**
 * The newsroom's record of an issue after publication: its corrections (an error fixed) and
 * updates (new information added), as one dated list. The issue page's foot, the "Updated"
 * line, the corrections ledger and its feed, JSON-LD and the email edition all read it here.
 */

import type { IssueFrontMatter } from "../../contract/schema.ts";
import { parseOffsetDateTime } from "../../shared/dates.ts";

export type NoteKind = "correction" | "update";

/** One correction or update, as the writer typed it. */
export interface RecordNote {
  kind: NoteKind;
  /** ISO 8601 with offset, as typed. */
  date: string;
  text: string;
  /** Its place in the front-matter list (`corrections.0`). */
  index: number;
  /** "Correction" or "Update", as readers see it. */
  label: string;
  /** Its id on the issue page, e.g. `correction-1` (1-based, as readers count). */
  anchor: string;
}

/** How readers see each kind: the label on the issue page, the ledger and the feed. */
const NOTE_LABELS = { correction: "Correction", update: "Update" } as const satisfies Record<
  NoteKind,
  string
>;

type NoteFields = Pick<IssueFrontMatter, "corrections" | "updates">;

/**
 * Corrections and updates in date order, oldest first; on the same instant a correction comes
 * before an update, then front-matter order, so the order never depends on the sort.
 * @example issueNotes({ corrections: [{ date: "2025-04-11T12:00:00+03:00", text: "…" }] })
 *   // [{ kind: "correction", date: "2025-04-11T12:00:00+03:00", text: "…", index: 0, label: "Correction", anchor: "correction-1" }]
 */
export function issueNotes(data: NoteFields): RecordNote[] {
  const note = (
    kind: NoteKind,
    { date, text }: { date: string; text: string },
    index: number,
  ): RecordNote => ({
    kind,
    date,
    text,
    index,
    label: NOTE_LABELS[kind],
    anchor: `${kind}-${index + 1}`,
  });
  const notes = [
    ...(data.corrections ?? []).map((entry, index) => note("correction", entry, index)),
    ...(data.updates ?? []).map((entry, index) => note("update", entry, index)),
  ];
  return notes
    .map((entry) => ({ entry, at: parseOffsetDateTime(entry.date).toMillis() }))
    .sort((a, b) => a.at - b.at)
    .map(({ entry }) => entry);
}

export interface LastChange {
  /** ISO 8601 with offset, as typed: the latest of `date`, `updated`, corrections and updates. */
  date: string;
  /** What the latest change was; `revision` for an `updated` date with no note at that time. */
  kind: NoteKind | "revision" | "published";
}

/**
 * When the issue last changed and what the change was. A note wins a tie with `updated`, since
 * writers usually set `updated` to the note's time.
 * @example lastChangeOf({ date: d, corrections: [{ date: later, text }] }) // { date: later, kind: "correction" }
 */
export function lastChangeOf(data: Pick<IssueFrontMatter, "date" | "updated"> & NoteFields): LastChange {
  let latest: LastChange = { date: data.date, kind: "published" };
  const consider = (date: string | undefined, kind: LastChange["kind"], winsTie: boolean) => {
    if (date === undefined) return;
    const difference = parseOffsetDateTime(date).toMillis() - parseOffsetDateTime(latest.date).toMillis();
    if (difference > 0 || (difference === 0 && winsTie)) latest = { date, kind };
  };
  consider(data.updated, "revision", false);
  // On one instant a correction outranks an update, and any note outranks a bare `updated`.
  for (const note of issueNotes(data)) {
    consider(note.date, note.kind, latest.kind === "revision" || latest.kind === "published");
  }
  return latest;
}
