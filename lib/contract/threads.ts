/**
 * Story threads: a running story that several issues follow (`thread: <id>` in front matter).
 * The records live in `_data/threads.ts`; the content stage checks them here (`checkThreads`),
 * each problem naming the data file and the field, and checks each issue's `thread` id against
 * them with a did-you-mean (lib/content.ts).
 */
import { z } from "zod";
import type { Problem } from "../shared/problems.ts";
import { prose, proseLine } from "./fields.ts";
import { describeRecordIssues } from "./record-problems.ts";
import { idPattern } from "./schema.ts";

/** The data file threads are read from, as problems name it. */
export const THREADS_FILE = "_data/threads.ts";

const threadSchema = z
  .object({
    name: proseLine(120, "the story's name as readers know it, e.g. The US–Russia embassy talks"),
    /** One line: what the story is about. Shown on the thread's page and under its box. */
    summary: prose(300, "one line saying what the story is about"),
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
  const problems = describeRecordIssues(
    THREADS_FILE,
    result.error.issues,
    FIELD_NAMES,
    "use lowercase letters, digits and hyphens, e.g. istanbul-embassy-talks",
  );
  return { problems };
}
