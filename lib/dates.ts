/**
 * Dates, always in an explicit zone: luxon never falls back to the machine's zone here,
 * so a build on a laptop in New York and on Netlify in UTC give the same pages.
 */
import { DateTime } from "luxon";

type Env = Record<string, string | undefined>;

/** Parses a validated front-matter date-time, keeping its offset. */
export function parseOffsetDateTime(value: string): DateTime {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new Error(`not a date-time: ${value}`);
  return parsed;
}

/** The moment in the site's zone. */
export function inZone(value: string | Date, zone: string): DateTime {
  const instant = typeof value === "string" ? parseOffsetDateTime(value) : DateTime.fromJSDate(value);
  return instant.setZone(zone);
}

/**
 * ISO 8601 with offset, no milliseconds: the form of `<time datetime>`, JSON-LD and feeds.
 * @example isoDateTime("2025-04-10T13:30:00Z", "Europe/Istanbul") // "2025-04-10T16:30:00+03:00"
 */
export function isoDateTime(value: string | Date, zone: string): string {
  return inZone(value, zone).startOf("second").toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * The date a reader sees, with its zone.
 * @example readableDateTime("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025, 16:30 GMT+3"
 */
export function readableDateTime(value: string | Date, zone: string): string {
  return inZone(value, zone).setLocale("en-GB").toFormat("d LLLL yyyy, HH:mm ZZZZ");
}

/** @example readableDate("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025" */
export function readableDate(value: string | Date, zone: string): string {
  return inZone(value, zone).setLocale("en-GB").toFormat("d LLLL yyyy");
}

/** RFC 822 date for RSS 2.0, e.g. "Thu, 10 Apr 2025 16:30:00 +0300". */
export function rfc822DateTime(value: string | Date, zone: string): string {
  return inZone(value, zone).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");
}

/**
 * The build's notion of "now": SOURCE_DATE_EPOCH (seconds) when set, so that the same
 * input gives the same output; otherwise the clock.
 */
export function buildTime(env: Env = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return DateTime.now().toUTC();
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH: "${epoch}" is not whole seconds since 1970`);
  return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
}
