/**
 * A data file of records (`_data/threads.ts`, `_data/people.ts`, …) checked against its zod
 * schema: each zod issue as a writer's problem, naming the file and `<id>.<field>`.
 */
import type { z } from "zod";
import { BuildError, type Problem } from "../shared/problems.ts";
import { nearestId } from "../shared/suggest.ts";

/**
 * The problems of one data file: unknown fields with a did-you-mean (or the list of fields),
 * invalid ids with `idHint`, and every other issue with its own message.
 */
export function describeRecordIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  fieldNames: readonly string[],
  idHint: string,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const field = issue.path.map(String).join(".") || "records";
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const near = nearestId(key, fieldNames);
        return {
          file,
          field: `${field}.${key}`,
          message: near
            ? `unknown field — did you mean "${near}"?`
            : `unknown field — the fields are ${fieldNames.join(", ")}`,
        };
      });
    }
    if (issue.code === "invalid_key") return [{ file, field, message: `is not a valid id — ${idHint}` }];
    return [{ file, field, message: issue.message }];
  });
}

/** Keys JavaScript treats as an object's machinery: as data they can reach Object.prototype in a merge. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Refuses a data file whose records use a key such as `["__proto__"]`, before any merge sees it:
 * one line naming the file and the key's place, e.g. `_data/threads.ts: ["__proto__"]: …`.
 */
export function rejectUnsafeKeys<T>(value: T, file: string): T {
  const visit = (node: unknown, at: string, depth: number): void => {
    if (node === null || typeof node !== "object" || depth > 20) return;
    for (const key of Object.keys(node)) {
      const place = at ? `${at}.${key}` : key;
      if (UNSAFE_KEYS.has(key)) {
        throw new BuildError(
          `${file}: ${at ? `${at}.` : ""}["${key}"]: not allowed as a key (JavaScript reads it as the object's machinery, not as data) — rename it`,
        );
      }
      visit((node as Record<string, unknown>)[key], place, depth + 1);
    }
  };
  visit(value, "", 0);
  return value;
}
