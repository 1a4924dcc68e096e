import { describe, expect, it } from "vitest";
import { isoDateTime } from "../../../lib/outputs/filters/iso-date-time.ts";

describe("isoDateTime", () => {
  it.each<[string, string, string]>([
    ["2025-04-10T13:30:00Z", "Europe/Istanbul", "2025-04-10T16:30:00+03:00"],
    ["2025-04-10T16:30:00+03:00", "Europe/Istanbul", "2025-04-10T16:30:00+03:00"],
    ["2025-04-10T16:30:00+03:00", "Europe/London", "2025-04-10T14:30:00+01:00"],
    ["2025-01-10T16:30:00+03:00", "Europe/London", "2025-01-10T13:30:00+00:00"],
    ["2025-04-10T16:30:00+03:00", "UTC", "2025-04-10T13:30:00Z"],
  ])("writes %s in %s as %s", (value, zone, expected) => {
    expect(isoDateTime(value, zone)).toBe(expected);
  });

  it("accepts a Date, as Eleventy gives page.date", () => {
    expect(isoDateTime(new Date("2025-04-30T22:30:00Z"), "Europe/Istanbul")).toBe(
      "2025-05-01T01:30:00+03:00",
    );
  });
});
