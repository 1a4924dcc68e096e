import { isoDateTime as format } from "../../shared/dates.ts";

/**
 * The machine-readable form for `<time datetime>`, matching the readable date's zone.
 * @example isoDateTime("2025-04-10T13:30:00Z", "Europe/Istanbul") // "2025-04-10T16:30:00+03:00"
 */
export function isoDateTime(value: string | Date, zone: string): string {
  return format(value, zone);
}
