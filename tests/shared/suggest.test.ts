/**
 * "Did you mean": the known id a writer most likely meant, offered only when it is close, so a
 * suggestion never sends a writer to the wrong author or topic.
 */
import { describe, expect, it } from "vitest";
import { nearestId } from "../../lib/shared/suggest.ts";

const IDS = [
  "ayse-demir",
  "daniel-hart",
  "russia",
  "turkey",
  "war-in-ukraine",
  "united-states",
  "united-kingdom",
];

describe("nearestId", () => {
  it.each<[string, string, string | undefined]>([
    ["the id itself", "russia", "russia"],
    ["other capitals", "Ayse-Demir", "ayse-demir"],
    ["spaces and accents for hyphens and ASCII", "Ayşe Demir", "ayse-demir"],
    ["a one-letter typo", "rusia", "russia"],
    ["two swapped letters in a long id", "daneil-hart", "daniel-hart"],
    ["a word of exactly one id", "ukraine", "war-in-ukraine"],
    ["a word of two ids: no guess", "united", undefined],
    ["a short word of an id: too short to guess", "war", undefined],
    ["nothing close", "nato", undefined],
    ["a typo too far for a short id", "tuky", undefined],
    ["text with no Latin letters, compared as typed", "Россия", undefined],
  ])("%s: %s → %s", (_name, typed, expected) => {
    expect(nearestId(typed, IDS)).toBe(expected);
  });

  it("offers nothing when there are no ids", () => {
    expect(nearestId("russia", [])).toBeUndefined();
  });
});
