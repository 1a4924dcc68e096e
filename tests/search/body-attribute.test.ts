/**
 * Which pages carry data-pagefind-body, read as the HTML tokenizer reads markup. (The cases of
 * values, comments and raw text are in tests/build/errors.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { carriesBodyAttribute } from "../../lib/search/body-attribute.ts";

describe("which pages carry data-pagefind-body", () => {
  it("reads markup as the HTML tokenizer does: ASCII whitespace only, the same in Latin-1 and UTF-8", () => {
    const cases: [string, boolean][] = [
      ["<main title=voilà data-pagefind-body><p>x</p></main>", true],
      // A no-break space is not whitespace to HTML: the unquoted value goes on.
      ["<main title=a\u00a0data-pagefind-body><p>x</p></main>", false],
      ['<p title="İstanbul">x</p><script>"<div data-pagefind-body>"</script><p>y</p>', false],
      ["<p>İİİİ</p><SCRIPT>x</Script><main data-pagefind-body>z</main>", true],
    ];
    for (const [html, expected] of cases) {
      expect(carriesBodyAttribute(html)).toBe(expected);
      expect(carriesBodyAttribute(Buffer.from(html, "utf8").toString("latin1"))).toBe(expected);
    }
  });
});
