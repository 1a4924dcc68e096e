/** A data file's records: keys that are JavaScript's machinery are refused with their place. */
import { describe, expect, it } from "vitest";
import { rejectUnsafeKeys } from "../../lib/contract/record-problems.ts";

const MESSAGE =
  "not allowed as a key (JavaScript reads it as the object's machinery, not as data) — rename it";

describe("rejectUnsafeKeys", () => {
  it.each([
    [JSON.parse('{"__proto__": {"name": "X"}}'), `_data/threads.ts: ["__proto__"]: ${MESSAGE}`],
    [
      { talks: JSON.parse('{"name": "X", "constructor": {"prototype": {}}}') },
      `_data/threads.ts: talks.["constructor"]: ${MESSAGE}`,
    ],
    [
      { talks: { aliases: [{ prototype: 1 }] } },
      `_data/threads.ts: talks.aliases.0.["prototype"]: ${MESSAGE}`,
    ],
  ])("refuses %j", (value, message) => {
    expect(() => rejectUnsafeKeys(value, "_data/threads.ts")).toThrow(message);
  });

  it("hands back ordinary records as they are", () => {
    const records = { "istanbul-embassy-talks": { name: "Talks", summary: "One line." } };
    expect(rejectUnsafeKeys(records, "_data/threads.ts")).toBe(records);
  });
});
