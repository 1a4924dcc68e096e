/**
 * Dates in an explicit zone. Inputs are fixed strings and Dates; the only clock read is
 * `buildTime({})`, which is compared with a tolerance.
 */

import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  buildTime,
  inZone,
  isoDateTime,
  parseOffsetDateTime,
  readableDate,
  readableDateTime,
} from "../lib/shared/dates.ts";
import { BuildError } from "../lib/shared/problems.ts";

const ISTANBUL_AFTERNOON = "2025-04-10T16:30:00+03:00";

describe("parseOffsetDateTime", () => {
  it("keeps the offset the writer typed", () => {
    const parsed = parseOffsetDateTime("2025-04-10T13:30:00-04:00");
    expect(parsed.offset).toBe(-240);
    expect(parsed.toISO()).toBe("2025-04-10T13:30:00.000-04:00");
  });

  it("throws on a value that is not a date-time", () => {
    expect(() => parseOffsetDateTime("yesterday")).toThrow("not a date-time: yesterday");
  });
});

describe("inZone", () => {
  it("moves a string to the zone without changing the instant", () => {
    expect(inZone("2025-04-10T13:30:00Z", "Europe/Istanbul").toISO()).toBe("2025-04-10T16:30:00.000+03:00");
  });

  it("moves a Date to the zone", () => {
    expect(inZone(new Date("2025-04-10T13:30:00Z"), "Europe/London").toISO()).toBe(
      "2025-04-10T14:30:00.000+01:00",
    );
  });
});

describe("readableDateTime", () => {
  it.each([
    [ISTANBUL_AFTERNOON, "Europe/Istanbul", "10 April 2025, 16:30 GMT+3"],
    [ISTANBUL_AFTERNOON, "Europe/London", "10 April 2025, 14:30 BST"],
    ["2025-01-10T16:30:00+03:00", "Europe/London", "10 January 2025, 13:30 GMT"],
    [ISTANBUL_AFTERNOON, "UTC", "10 April 2025, 13:30 UTC"],
    [ISTANBUL_AFTERNOON, "America/New_York", "10 April 2025, 09:30 GMT-4"],
    [ISTANBUL_AFTERNOON, "Asia/Kolkata", "10 April 2025, 19:00 GMT+5:30"],
    ["2025-04-30T22:30:00Z", "Europe/Istanbul", "1 May 2025, 01:30 GMT+3"],
  ])("shows %s in %s as %s", (value, zone, expected) => {
    expect(readableDateTime(value, zone)).toBe(expected);
  });

  it("accepts a Date", () => {
    expect(readableDateTime(new Date("2025-04-10T13:30:00Z"), "Europe/Istanbul")).toBe(
      "10 April 2025, 16:30 GMT+3",
    );
  });
});

describe("readableDate", () => {
  it.each([
    [ISTANBUL_AFTERNOON, "Europe/Istanbul", "10 April 2025"],
    ["2025-04-30T22:30:00Z", "Europe/Istanbul", "1 May 2025"],
    ["2025-04-30T22:30:00Z", "UTC", "30 April 2025"],
  ])("shows %s in %s as %s", (value, zone, expected) => {
    expect(readableDate(value, zone)).toBe(expected);
  });
});

describe("isoDateTime", () => {
  it.each([
    [
      "keeps the offset of a value already in the zone",
      ISTANBUL_AFTERNOON,
      "Europe/Istanbul",
      ISTANBUL_AFTERNOON,
    ],
    ["sets the zone's offset on a UTC value", "2025-04-10T13:30:00Z", "Europe/Istanbul", ISTANBUL_AFTERNOON],
    ["uses the summer offset in London", ISTANBUL_AFTERNOON, "Europe/London", "2025-04-10T14:30:00+01:00"],
    [
      "writes a zero offset in London in winter as +00:00",
      "2025-01-10T16:30:00+03:00",
      "Europe/London",
      "2025-01-10T13:30:00+00:00",
    ],
    ["writes UTC as Z", ISTANBUL_AFTERNOON, "UTC", "2025-04-10T13:30:00Z"],
    ["handles a half-hour zone", ISTANBUL_AFTERNOON, "Asia/Kolkata", "2025-04-10T19:00:00+05:30"],
  ])("%s", (_name, value, zone, expected) => {
    expect(isoDateTime(value, zone)).toBe(expected);
  });

  it("accepts a Date", () => {
    expect(isoDateTime(new Date("2025-04-10T13:30:00Z"), "Europe/Istanbul")).toBe(ISTANBUL_AFTERNOON);
  });
});

describe("buildTime", () => {
  it("takes SOURCE_DATE_EPOCH in seconds, in UTC", () => {
    const time = buildTime({ SOURCE_DATE_EPOCH: "1744300000" });
    expect(time.toISO()).toBe("2025-04-10T15:46:40.000Z");
    expect(time.zoneName).toBe("UTC");
  });

  const FIX =
    "set it to whole seconds since 1970 (date +%s gives now), or unset it to build at the current time";
  it.each([
    ["abc", `SOURCE_DATE_EPOCH: "abc" is not whole seconds since 1970 — ${FIX}`],
    ["-1", `SOURCE_DATE_EPOCH: "-1" is not whole seconds since 1970 — ${FIX}`],
    ["1.5", `SOURCE_DATE_EPOCH: "1.5" is not whole seconds since 1970 — ${FIX}`],
    [" 1", `SOURCE_DATE_EPOCH: " 1" is not whole seconds since 1970 — ${FIX}`],
    ["99999999999999999999", `SOURCE_DATE_EPOCH: "99999999999999999999" is after the year 9999 — ${FIX}`],
  ])("rejects SOURCE_DATE_EPOCH %j in one line a build prints as it is", (epoch, message) => {
    let thrown: unknown;
    try {
      buildTime({ SOURCE_DATE_EPOCH: epoch });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BuildError);
    expect((thrown as Error).message).toBe(message);
  });

  it.each([{}, { SOURCE_DATE_EPOCH: "" }])("reads the clock when SOURCE_DATE_EPOCH is unset (%j)", (env) => {
    const time = buildTime(env);
    expect(time.zoneName).toBe("UTC");
    expect(Math.abs(time.diff(DateTime.now()).as("seconds"))).toBeLessThan(5);
  });
});

describe("isoDateTime with milliseconds", () => {
  it("drops them, as <time datetime> and feeds expect whole seconds", () => {
    expect(isoDateTime("2025-04-10T13:30:00.250Z", "Europe/Istanbul")).toBe("2025-04-10T16:30:00+03:00");
  });
});
