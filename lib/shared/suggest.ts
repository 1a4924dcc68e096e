/** "Did you mean" for ids: the known id a writer most likely meant. */
import { closest, distance } from "fastest-levenshtein";
import { slugify } from "./text.ts";

/**
 * The known id a writer most likely meant, only when it is close: the same id in other
 * capitals or spacing, a typo of a few letters, or a part of the id (`ukraine`).
 * @example nearestId("Ayse-Demir", ["ayse-demir", "daniel-hart"]) // "ayse-demir"
 * @example nearestId("nato", ["russia", "turkey"]) // undefined
 */
export function nearestId(typed: string, knownIds: readonly string[]): string | undefined {
  if (knownIds.length === 0) return undefined;
  const normalised = slugify(typed) || typed.toLowerCase();
  if (knownIds.includes(normalised)) return normalised;
  const candidate = closest(normalised, knownIds as string[]);
  const allowed = Math.max(1, Math.floor(Math.min(normalised.length, candidate.length) / 3));
  if (distance(normalised, candidate) <= allowed) return candidate;
  if (normalised.length >= 4) {
    const containing = knownIds.filter((id) => id.split("-").includes(normalised) || id.includes(normalised));
    if (containing.length === 1) return containing[0];
  }
  return undefined;
}
