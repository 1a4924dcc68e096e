import { readableDate as format } from "../../shared/dates.ts";

/** @example readableDate("2025-04-10T16:30:00+03:00", "Europe/Istanbul") // "10 April 2025" */
export function readableDate(value: string | Date, zone: string): string {
  return format(value, zone);
}
