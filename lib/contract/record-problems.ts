/**
 * A data file of records (`_data/threads.ts`, `_data/people.ts`, …) checked against its zod
 * schema: each zod issue as a writer's problem, naming the file and `<id>.<field>`.
 */
import type { z } from "zod";
import type { Problem } from "../shared/problems.ts";
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
