import { describe, expect, it } from "vitest";
import { typeset } from "../../lib/shared/typography.ts";

describe("typeset", () => {
  it.each([
    ["an apostrophe", "Russia's consulate", "Russia’s consulate"],
    ["double quotes", 'a "frank" exchange', "a “frank” exchange"],
    ["single quotes", "the 'normal' missions", "the ‘normal’ missions"],
    ["quotes nested", `"the 'six' properties"`, "“the ‘six’ properties”"],
    ["dashes and an ellipsis", "talks -- and more --- later...", "talks – and more — later…"],
    ["a code span, left as typed", "run `npm run build` then 'push'", "run `npm run build` then ‘push’"],
    ["quotes inside a code span", "the `'quoted'` field", "the `'quoted'` field"],
    [
      "a web address, left as typed",
      "see https://example.com/it's-here for 'more'",
      "see https://example.com/it's-here for ‘more’",
    ],
    ["an address ending a quotation", "'https://example.com/a'", "‘https://example.com/a’"],
    ["typographic text, unchanged", "Russia’s “frank” talks – …", "Russia’s “frank” talks – …"],
    ["plain text, unchanged", "US and Russian delegations meet", "US and Russian delegations meet"],
    ["an unclosed quote, left straight", '"Open', '"Open'],
  ])("%s", (_what, text, expected) => {
    expect(typeset(text)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = typeset(`The "six" properties... Russia's 'view' -- and https://example.com/'x'`);
    expect(typeset(once)).toBe(once);
  });
});
