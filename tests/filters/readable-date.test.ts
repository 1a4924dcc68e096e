import { describe, expect, it } from "vitest";
import { readableDate } from "../../lib/outputs/filters/readable-date.ts";

describe("readableDate", () => {
  it.each<[string, string, string]>([
    ["2025-04-10T16:30:00+03:00", "Europe/Istanbul", "10 April 2025"],
    ["2025-04-30T22:30:00Z", "Europe/Istanbul", "1 May 2025"],
    ["2025-04-30T22:30:00Z", "Europe/London", "30 April 2025"],
    ["2025-01-01T01:00:00+03:00", "UTC", "31 December 2024"],
  ])("shows %s in %s as %s", (value, zone, expected) => {
    expect(readableDate(value, zone)).toBe(expected);
  });

  it("accepts a Date, as Eleventy gives page.date", () => {
    expect(readableDate(new Date("2025-04-10T13:30:00Z"), "Europe/Istanbul")).toBe("10 April 2025");
  });
});
