import { describe, expect, it } from "vitest";
import { lastChange } from "../../lib/outputs/filters/last-change.ts";

describe("lastChange", () => {
  it.each<[string, Parameters<typeof lastChange>[0], string]>([
    [
      "the date of an issue never changed",
      { date: "2025-04-11T09:00:00+03:00" },
      "2025-04-11T09:00:00+03:00",
    ],
    [
      "updated when it is the latest",
      { date: "2025-04-11T09:00:00+03:00", updated: "2025-04-11T12:00:00+03:00" },
      "2025-04-11T12:00:00+03:00",
    ],
    [
      "the latest correction as typed, compared across offsets",
      {
        date: "2025-04-11T09:00:00+03:00",
        updated: "2025-04-11T12:00:00+03:00",
        corrections: [
          { date: "2025-04-11T10:00:00Z", text: "The consul was misnamed." },
          { date: "2025-04-11T11:00:00+03:00", text: "The date was wrong." },
        ],
      },
      "2025-04-11T10:00:00Z",
    ],
    [
      "updated over an earlier correction",
      {
        date: "2025-04-11T09:00:00+03:00",
        updated: "2025-04-12T09:00:00+03:00",
        corrections: [{ date: "2025-04-11T10:00:00+03:00", text: "The consul was misnamed." }],
      },
      "2025-04-12T09:00:00+03:00",
    ],
    [
      "the date when updated is the same instant",
      { date: "2025-04-11T09:00:00+03:00", updated: "2025-04-11T06:00:00Z" },
      "2025-04-11T09:00:00+03:00",
    ],
  ])("returns %s", (_name, data, expected) => {
    expect(lastChange(data)).toBe(expected);
  });
});
