/**
 * Dates, always in an explicit zone: luxon never falls back to the machine's zone here,
 * so a build on a laptop in New York and on Netlify in UTC give the same pages.
 */

import { DateTime } from "luxon";
import { BuildError } from "./problems.ts";

type Env = Record<string, string | undefined>;
type Formatter = (value: string | Date, zone: string) => string;

/**
 * Caches a formatter by (value, zone). Luxon's IANA-zone arithmetic goes through Intl and
 * costs ~0.1 ms a call; a site formats the same few thousand dates tens of thousands of
 * times (every listing repeats them), so each result is computed once per process.
 */
function memoize(format: Formatter): Formatter {
  const cache = new Map<string, string>();
  return (value, zone) => {
    const key = `${typeof value === "string" ? value : value.getTime()}\u0000${zone}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = format(value, zone);
      cache.set(key, result);
    }
    return result;
  };
}

/** Parses a validated front-matter date-time, keeping its offset. */
export function parseOffsetDateTime(value: string): DateTime {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new Error(`not a date-time: ${value}`);
  return parsed;
}

const zoned = new Map<string, DateTime>();

/** The moment in the site's zone (DateTime is immutable, so results are shared). */
export function inZone(value: string | Date, zone: string): DateTime {
  if (typeof value !== "string") return DateTime.fromJSDate(value).setZone(zone);
  const key = `${value}\u0000${zone}`;
  let result = zoned.get(key);
  if (!result) {
    result = parseOffsetDateTime(value).setZone(zone);
    zoned.set(key, result);
  }
  return result;
}

const readableFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * en-GB parts of a date in a zone, through one cached Intl formatter per zone and style:
 * luxon would build a new formatter for every call.
 */
function formatParts(value: string | Date, zone: string, withTime: boolean): Record<string, string> {
  const key = `${zone}\u0000${withTime}`;
  let format = readableFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      day: "numeric",
      month: "long",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } : {}),
    });
    readableFormats.set(key, format);
  }
  const instant = typeof value === "string" ? parseOffsetDateTime(value).toJSDate() : value;
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/** Year, month (1–12) and day of an instant in a zone, through one cached formatter per zone. */
export function calendarDate(instant: Date, zone: string): { year: number; month: number; day: number } {
  let format = calendarFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    calendarFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/**
 * ISO 8601 with offset, no milliseconds: the form of `<time datetime>`, JSON-LD and feeds.
 * @example isoDateTime("2025-04-10T13:30:00Z", "Europe/Istanbul") // "2025-04-10T16:30:00+03:00"
 */
export const isoDateTime: Formatter = memoize(
  (value, zone) => inZone(value, zone).startOf("second").toISO({ suppressMilliseconds: true }) ?? "",
);

/**
 * The date a reader sees, with its zone.
 * @example readableDateTime("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025, 16:30 GMT+3"
 */
export const readableDateTime: Formatter = memoize((value, zone) => {
  const { day, month, year, hour, minute, timeZoneName } = formatParts(value, zone, true);
  return `${day} ${month} ${year}, ${hour}:${minute} ${timeZoneName}`;
});

/** @example readableDate("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025" */
export const readableDate: Formatter = memoize((value, zone) => {
  const { day, month, year } = formatParts(value, zone, false);
  return `${day} ${month} ${year}`;
});

/**
 * A calendar date (a source's publication date) as pages show it, whatever the site's zone.
 * @example readableCalendarDate("2025-04-10") // "10 April 2025"
 */
export function readableCalendarDate(date: string): string {
  return readableDate(`${date}T12:00:00Z`, "UTC");
}

/**
 * RFC 822 date-time as RSS 2.0 wants it, keeping the offset written in the ISO string
 * (UTC when it has none, never the machine's zone).
 * @example formatRfc822Date("2025-04-10T16:30:00+03:00") // "Thu, 10 Apr 2025 16:30:00 +0300"
 */
export function formatRfc822Date(iso: string): string {
  const date = DateTime.fromISO(iso, { setZone: true, zone: "utc" });
  if (!date.isValid) throw new Error(`not an ISO 8601 date-time: ${iso}`);
  return date.setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");
}

/** 9999-12-31T23:59:59Z: past it, dates stop being four-digit years. */
const LATEST_EPOCH = 253_402_300_799;

/**
 * The build's notion of "now": SOURCE_DATE_EPOCH (seconds) when set, so that the same
 * input gives the same output; otherwise the clock.
 */
export function buildTime(env: Env = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return DateTime.now().toUTC();
  const fix =
    "set it to whole seconds since 1970 (date +%s gives now), or unset it to build at the current time";
  if (!/^\d+$/.test(epoch))
    throw new BuildError(`SOURCE_DATE_EPOCH: "${epoch}" is not whole seconds since 1970 — ${fix}`);
  if (Number(epoch) > LATEST_EPOCH)
    throw new BuildError(`SOURCE_DATE_EPOCH: "${epoch}" is after the year 9999 — ${fix}`);
  return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
}
