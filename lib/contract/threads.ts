/**
 * Story threads: a running story that several issues follow (`thread: <id>` in front matter).
 * The records live in `_data/threads.ts`; the content stage checks them here (`checkThreads`),
 * each problem naming the data file and the field, and checks each issue's `thread` id against
 * them with a did-you-mean (lib/content.ts).
 */
import { z } from "zod";
import type { Problem } from "../shared/problems.ts";
import { nearestId } from "../shared/suggest.ts";
import { idPattern } from "./schema.ts";

/** The data file threads are read from, as problems name it. */
export const THREADS_FILE = "_data/threads.ts";

function line(max: number, hint: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required — ${hint}`
          : `must be text, not a ${typeof issue.input} — ${hint}`,
    })
    .trim()
    .min(1, { error: `must not be empty — ${hint}` })
    .max(max, {
      error: (issue) => `is ${String(issue.input).length} characters, the limit is ${max} — shorten it`,
    });
}

const threadSchema = z
  .object({
    name: line(120, "the story's name as readers know it, e.g. The US–Russia embassy talks"),
    /** One line: what the story is about. Shown on the thread's page and under its box. */
    summary: line(300, "one line saying what the story is about"),
  })
  .strict();

const threadsSchema = z.record(
  z.string().regex(idPattern, {
    error: "is not a valid id — use lowercase letters, digits and hyphens, e.g. istanbul-embassy-talks",
  }),
  threadSchema,
);

export type Threads = z.infer<typeof threadsSchema>;

const FIELD_NAMES = Object.keys(threadSchema.shape);

/** Checks `_data/threads.ts`; problems read `_data/threads.ts: <id>.<field>: …`. */
export function checkThreads(raw: unknown): { threads?: Threads; problems: Problem[] } {
  const result = threadsSchema.safeParse(raw ?? {});
  if (result.success) return { threads: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "records";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const near = nearestId(key, FIELD_NAMES);
        problems.push({
          file: THREADS_FILE,
          field: `${field}.${key}`,
          message: near
            ? `unknown field — did you mean "${near}"?`
            : `unknown field — the fields are ${FIELD_NAMES.join(", ")}`,
        });
      }
    } else if (issue.code === "invalid_key") {
      problems.push({
        file: THREADS_FILE,
        field,
        message: "is not a valid id — use lowercase letters, digits and hyphens, e.g. istanbul-embassy-talks",
      });
    } else {
      problems.push({ file: THREADS_FILE, field, message: issue.message });
    }
  }
  return { problems };
}
