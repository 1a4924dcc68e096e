/**
 * Joins a site path to the site's origin; absolute URLs pass through.
 * @example absoluteUrl("/2025/04/istanbul-embassy-talks/", "https://dateline.example")
 *   // "https://dateline.example/2025/04/istanbul-embassy-talks/"
 */
export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, `${origin.replace(/\/+$/, "")}/`).toString();
}
