/** The ledger's pages (lib/views/record.ts) and the thread box's window (lib/views/threads.ts). */
import { describe, expect, it } from "vitest";
import { issueNotes, lastChangeOf } from "../lib/pipeline/content/record.ts";
import type { IssueView } from "../lib/pipeline/views/issue.ts";
import { buildLedger, LEDGER_NOTES_PER_PAGE, LEDGER_PAGE_LIMIT } from "../lib/pipeline/views/record.ts";
import { boxWindow } from "../lib/pipeline/views/threads.ts";

describe("boxWindow", () => {
  it.each([
    [0, 10, 5, { start: 0, end: 5 }],
    [4, 10, 5, { start: 2, end: 7 }],
    [9, 10, 5, { start: 5, end: 10 }],
    [1, 3, 5, { start: 0, end: 3 }],
  ])("index %i of %i, %i shown: %j", (index, length, size, window) => {
    expect(boxWindow(index, length, size)).toEqual(window);
  });
});

/** An issue view with one correction a day from its date; only what the ledger reads. */
function issueWithNotes(url: string, dates: string[]): IssueView {
  const data = {
    title: url,
    dek: "d",
    date: "2023-01-01T09:00:00+03:00",
    authors: ["a"],
    topics: ["t"],
    corrections: dates.map((date) => ({ date, text: `fixed on ${date}` })),
  };
  return { url, data, notes: issueNotes(data), lastChange: lastChangeOf(data) } as IssueView;
}

describe("buildLedger", () => {
  it("is one page, newest first with a section per year, while it is short", () => {
    const ledger = buildLedger(
      [
        issueWithNotes("/a/", ["2024-12-31T23:30:00+03:00", "2025-01-02T09:00:00+03:00"]),
        issueWithNotes("/b/", ["2024-06-01T09:00:00+03:00"]),
      ],
      "Europe/Istanbul",
    );
    expect(ledger.entries.map((entry) => entry.url)).toEqual([
      "/a/#correction-2",
      "/a/#correction-1",
      "/b/#correction-1",
    ]);
    expect(ledger.pages).toHaveLength(1);
    expect(ledger.pages[0]?.sections.map((section) => [section.year, section.entries.length])).toEqual([
      [2025, 1],
      [2024, 2],
    ]);
  });

  it("takes the year in the site's zone, so a note late on 31 December in UTC can be January's", () => {
    const ledger = buildLedger([issueWithNotes("/a/", ["2024-12-31T22:30:00Z"])], "Europe/Istanbul");
    expect(ledger.pages[0]?.sections[0]?.year).toBe(2025);
  });

  it("gets a page per year past the limit, the newest at /corrections/", () => {
    const days = (year: number, count: number) =>
      Array.from(
        { length: count },
        (_, day) => `${year}-03-${String((day % 28) + 1).padStart(2, "0")}T09:00:00Z`,
      );
    const ledger = buildLedger(
      [issueWithNotes("/a/", days(2025, 60)), issueWithNotes("/b/", days(2024, LEDGER_PAGE_LIMIT - 59))],
      "UTC",
    );
    expect(ledger.pages.map((page) => [page.href, page.year, page.sections[0]?.entries.length])).toEqual([
      ["/corrections/", 2025, 60],
      ["/corrections/2024/", 2024, LEDGER_PAGE_LIMIT - 59],
    ]);
    expect(ledger.pages[1]?.years).toEqual([
      { year: 2025, href: "/corrections/", count: 60 },
      { year: 2024, href: "/corrections/2024/", count: LEDGER_PAGE_LIMIT - 59 },
    ]);
  });

  it("splits a year with more notes than a page holds, numbering its older pages from the oldest", () => {
    const notes = (year: number, count: number) =>
      Array.from({ length: count }, (_, index) => {
        const day = new Date(Date.UTC(year, 0, 1) + index * 3600_000 * 30);
        return day.toISOString().replace(".000Z", "Z");
      });
    // 215 notes in 2025 (one year's worth that outgrew the page budget) and 120 in 2024.
    const ledger = buildLedger(
      [issueWithNotes("/a/", notes(2025, 215)), issueWithNotes("/b/", notes(2024, 120))],
      "UTC",
    );
    const size = LEDGER_NOTES_PER_PAGE;
    expect(
      ledger.pages.map((page) => [page.href, page.year, page.pageNumber, page.sections[0]?.entries.length]),
    ).toEqual([
      ["/corrections/", 2025, undefined, 215 - 3 * size],
      ["/corrections/page/3/", 2025, 3, size],
      ["/corrections/page/2/", 2025, 2, size],
      ["/corrections/page/1/", 2025, 1, size],
      ["/corrections/2024/", 2024, undefined, 120 - size],
      ["/corrections/2024/page/1/", 2024, 1, size],
    ]);
    // Every note once, newest first, across the pages in reading order.
    const shown = ledger.pages.flatMap((page) => page.sections.flatMap((section) => section.entries));
    expect(shown).toEqual(ledger.entries);
    // Page 1 holds a year's oldest notes, so a new note never moves them.
    expect(ledger.pages[3]?.sections[0]?.entries.at(-1)?.date).toBe(notes(2025, 1)[0]);
    expect(ledger.pages.map((page) => [page.previousHref, page.nextHref])).toEqual([
      [undefined, "/corrections/page/3/"],
      ["/corrections/", "/corrections/page/2/"],
      ["/corrections/page/3/", "/corrections/page/1/"],
      ["/corrections/page/2/", undefined],
      [undefined, "/corrections/2024/page/1/"],
      ["/corrections/2024/", undefined],
    ]);
  });
});
