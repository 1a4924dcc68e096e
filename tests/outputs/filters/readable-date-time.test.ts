import { describe, expect, it } from "vitest";
import { readableDateTime } from "../../../lib/outputs/filters/readable-date-time.ts";

describe("readableDateTime", () => {
  it.each<[string, string, string]>([
    ["2025-04-10T16:30:00+03:00", "Europe/Istanbul", "10 April 2025, 16:30 GMT+3"],
    ["2025-04-10T16:30:00+03:00", "Europe/London", "10 April 2025, 14:30 BST"],
    ["2025-01-10T16:30:00+03:00", "Europe/London", "10 January 2025, 13:30 GMT"],
    ["2025-04-10T16:30:00+03:00", "UTC", "10 April 2025, 13:30 UTC"],
    ["2025-04-06T09:05:00Z", "Europe/Istanbul", "6 April 2025, 12:05 GMT+3"],
  ])("shows %s in %s as %s", (value, zone, expected) => {
    expect(readableDateTime(value, zone)).toBe(expected);
  });

  it("accepts a Date, as Eleventy gives page.date", () => {
    expect(readableDateTime(new Date("2025-04-10T13:30:00Z"), "Europe/Istanbul")).toBe(
      "10 April 2025, 16:30 GMT+3",
    );
  });
});
