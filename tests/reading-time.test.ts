import { describe, expect, it } from "vitest";
import { countWords, readingMinutes, WORDS_PER_MINUTE } from "../lib/pipeline/views/issue.ts";

describe("countWords", () => {
  it.each<[string, string, number]>([
    ["words in paragraphs, tags not counted", "<p>Talks <em>resumed</em> in Istanbul.</p>", 4],
    [
      "a hyphen or apostrophe inside a word keeps it one word",
      "<p>US-Russian talks: Kılıçdaroğlu’s view</p>",
      4,
    ],
    ["entities and dashes are not words", "<p>Talks&nbsp;&amp; more — 2025</p>", 3],
    ["attribute text is not read", '<p><a href="/2025/04/long-url-words/">here</a></p>', 1],
  ])("%s", (_name, html, words) => {
    expect(countWords(html)).toBe(words);
  });
});

describe("readingMinutes", () => {
  it(`rounds to whole minutes at ${WORDS_PER_MINUTE} words a minute, never below 1`, () => {
    expect([0, 114, 345, 346, 1380].map(readingMinutes)).toEqual([1, 1, 2, 2, 6]);
  });
});
