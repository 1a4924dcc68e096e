/** The text field builders (lib/contract/fields.ts): what each refuses, with the message that says the fix. */
import { describe, expect, it } from "vitest";
import {
  describe as describeInput,
  oneLineText,
  prose,
  proseLine,
  requiredText,
} from "../../lib/contract/fields.ts";

const HINT = "write the headline";
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("requiredText", () => {
  it.each([
    [undefined, [`required — ${HINT}`]],
    [42, [`must be text, not a number — ${HINT}`]],
    [null, [`must be text, not empty — ${HINT}`]],
    ["   ", [`must not be empty — ${HINT}`]],
    ["x".repeat(11), ["is 11 characters, the limit is 10 — shorten it"]],
    ["Talks resume", []],
  ])("%j: %j", (input, expected) => {
    expect(messages(requiredText(10 + 10 * Number(input === "Talks resume"), HINT).safeParse(input))).toEqual(
      expected,
    );
  });
});

describe("oneLineText and proseLine", () => {
  it.each([
    ["LF", "Talks\nresume"],
    ["CR", "Talks\rresume"],
    ["NEL", "Talks\u0085resume"],
    ["line separator", "Talks\u2028resume"],
    ["paragraph separator", "Talks\u2029resume"],
  ])("refuses a line break (%s), which would reach page titles, feeds and email subjects", (_name, text) => {
    expect(messages(oneLineText(100, HINT).safeParse(text))).toEqual([
      "has a line break — it is shown on one line (page title, feeds, email subject): join the lines",
    ]);
  });

  it("sets one-line prose and prose as the body is set", () => {
    expect(proseLine(100, HINT).parse(`Russia's "talks" -- resumed`)).toBe("Russia’s “talks” – resumed");
    expect(prose(100, HINT).parse("Moscow's reply\nlater")).toBe("Moscow’s reply\nlater");
  });
});

describe("describe", () => {
  it.each([
    [null, "empty"],
    [[1], "a list"],
    [new Date(0), "a date"],
    [3, "a number"],
    [true, "a boolean"],
  ])("%j is %s", (input, expected) => {
    expect(describeInput(input)).toBe(expected);
  });
});
