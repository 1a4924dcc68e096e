import type { IssueFrontMatter } from "../../contract/schema.ts";
import { lastChange as latest } from "../../pipeline/content/content.ts";

/**
 * When an issue last changed (its `updated`, latest correction or latest update), or its date if never.
 * @example lastChange({ date: "2025-04-11T09:00:00+03:00", updated: "2025-04-11T12:00:00+03:00" })
 *   // "2025-04-11T12:00:00+03:00"
 */
export function lastChange(
  data: Pick<IssueFrontMatter, "date" | "updated" | "corrections" | "updates">,
): string {
  return latest(data);
}
