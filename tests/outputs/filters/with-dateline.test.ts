import { describe, expect, it } from "vitest";
import { withDateline } from "../../../lib/outputs/filters/with-dateline.ts";

describe("withDateline", () => {
  it.each<[string, string, string | undefined, string]>([
    [
      "leads the first paragraph",
      "<p>Talks began.</p>",
      "ISTANBUL",
      '<p><span class="dateline">ISTANBUL</span> — Talks began.</p>',
    ],
    [
      "touches only the first paragraph",
      "<p>Talks began.</p>\n<p>They ended.</p>",
      "ANKARA, Turkey",
      '<p><span class="dateline">ANKARA, Turkey</span> — Talks began.</p>\n<p>They ended.</p>',
    ],
    [
      "stands in its own paragraph before a heading that opens the body",
      "<h2>Background</h2>\n<p>Talks began.</p>",
      "ISTANBUL",
      '<p><span class="dateline">ISTANBUL</span> — </p><h2>Background</h2>\n<p>Talks began.</p>',
    ],
    [
      "leads the body in its own paragraph when there is no paragraph",
      '<figure class="body-figure"></figure>',
      "ISTANBUL",
      '<p><span class="dateline">ISTANBUL</span> — </p><figure class="body-figure"></figure>',
    ],
    [
      "escapes markup and ampersands in the dateline",
      "<p>Talks began.</p>",
      '<b>R&D</b> "Lab"',
      '<p><span class="dateline">&lt;b&gt;R&amp;D&lt;/b&gt; "Lab"</span> — Talks began.</p>',
    ],
    ["leaves the body alone without a dateline", "<p>Talks began.</p>", undefined, "<p>Talks began.</p>"],
    ["leaves the body alone with an empty dateline", "<p>Talks began.</p>", "", "<p>Talks began.</p>"],
  ])("%s", (_name, html, dateline, expected) => {
    expect(withDateline(html, dateline)).toBe(expected);
  });
});

describe("withDateline when the body opens with a quote", () => {
  it("puts the dateline in its own paragraph before the quote", () => {
    expect(withDateline("<blockquote><p>Quoted.</p></blockquote><p>Text.</p>", "ISTANBUL")).toBe(
      '<p><span class="dateline">ISTANBUL</span> — </p><blockquote><p>Quoted.</p></blockquote><p>Text.</p>',
    );
  });
});
