import { readableDateTime as format } from "../../shared/dates.ts";

/**
 * The publication time a reader sees, in the site's zone.
 * @example readableDateTime("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025, 16:30 GMT+3"
 */
export function readableDateTime(value: string | Date, zone: string): string {
  return format(value, zone);
}
