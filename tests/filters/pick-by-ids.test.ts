import { describe, expect, it } from "vitest";
import { pickByIds } from "../../lib/outputs/filters/pick-by-ids.ts";

const topics = {
  russia: { name: "Russia", kind: "country" },
  turkey: { name: "Turkey", kind: "country" },
  diplomacy: { name: "Diplomacy", kind: "theme" },
};

describe("pickByIds", () => {
  it.each<[string, string[], object[]]>([
    [
      "returns the records in the order of the ids, with their ids",
      ["turkey", "russia"],
      [
        { name: "Turkey", kind: "country", id: "turkey" },
        { name: "Russia", kind: "country", id: "russia" },
      ],
    ],
    [
      "skips ids with no record",
      ["iran", "diplomacy"],
      [{ name: "Diplomacy", kind: "theme", id: "diplomacy" }],
    ],
    ["returns an empty list for no ids", [], []],
  ])("%s", (_name, ids, expected) => {
    expect(pickByIds(ids, topics)).toEqual(expected);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "finds nothing for %s, a property every object has but no record's id",
    (id) => {
      expect(pickByIds([id, "russia"], topics)).toEqual([{ name: "Russia", kind: "country", id: "russia" }]);
    },
  );

  it("lets the key win over an id inside the record", () => {
    expect(pickByIds(["a"], { a: { name: "A", id: "other" } })).toEqual([{ name: "A", id: "a" }]);
  });

  it("does not change the records", () => {
    pickByIds(["russia"], topics);
    expect(topics.russia).toEqual({ name: "Russia", kind: "country" });
  });
});
