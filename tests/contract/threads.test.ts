/**
 * `_data/threads.ts` as the content stage checks it: valid records pass as they are, and each
 * mistake is one problem naming the data file, the thread and the field, with what to do.
 */
import { describe, expect, it } from "vitest";
import { checkThreads, THREADS_FILE } from "../../lib/contract/threads.ts";
import { formatProblem } from "../../lib/shared/problems.ts";

const TALKS = { name: "The embassy talks", summary: "Two delegations meet over the embassies." };

describe("checkThreads", () => {
  it.each<[string, unknown]>([
    ["one thread", { "embassy-talks": TALKS }],
    ["no threads", {}],
    ["no data file at all", undefined],
  ])("passes %s as it is", (_name, raw) => {
    expect(checkThreads(raw)).toEqual({ threads: raw ?? {}, problems: [] });
  });

  it.each<[string, unknown, string]>([
    [
      "an id with capitals and a space",
      { "Embassy Talks": TALKS },
      "Embassy Talks: is not a valid id — use lowercase letters, digits and hyphens, e.g. istanbul-embassy-talks",
    ],
    [
      "an empty name",
      { "embassy-talks": { ...TALKS, name: "" } },
      "embassy-talks.name: must not be empty — the story's name as readers know it, e.g. The US–Russia embassy talks",
    ],
    [
      "a name on two lines",
      { "embassy-talks": { ...TALKS, name: "The embassy\ntalks" } },
      "embassy-talks.name: has a line break — it is shown on one line (page title, feeds, email subject): join the lines",
    ],
    [
      "a name over 120 characters",
      { "embassy-talks": { ...TALKS, name: "x".repeat(121) } },
      "embassy-talks.name: is 121 characters, the limit is 120 — shorten it",
    ],
    [
      "no summary",
      { "embassy-talks": { name: TALKS.name } },
      "embassy-talks.summary: required — one line saying what the story is about",
    ],
    [
      "a misspelt field",
      { "embassy-talks": { ...TALKS, sumary: "x" } },
      'embassy-talks.sumary: unknown field — did you mean "summary"?',
    ],
  ])("reports %s", (_name, raw, problem) => {
    const result = checkThreads(raw);
    expect(result.threads).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([`${THREADS_FILE}: ${problem}`]);
  });

  it("reports every broken thread, not only the first", () => {
    const result = checkThreads({ a: { name: "", summary: "x" }, b: { name: "B" }, ok: TALKS });
    expect(result.problems.map((problem) => problem.field)).toEqual(["a.name", "b.summary"]);
  });
});
