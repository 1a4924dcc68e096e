/**
 * The body's typography for one-line prose that is not Markdown: headlines, deks, captions,
 * notes and descriptions. markdown-it's own `smartquotes` and `replacements` rules run over the
 * text, so a headline reads `Russia’s` as the body does; code spans and web addresses are left
 * as typed, as the body leaves its code and links.
 */
import markdownIt from "markdown-it";

/** What the body's Markdown uses too (lib/pipeline/content/markdown.ts). */
export const TYPOGRAPHY = { typographer: true, quotes: "“”‘’" } as const;

const typographer = markdownIt("zero", TYPOGRAPHY);
typographer.core.ruler.enableOnly(["replacements", "smartquotes"]);

/** `code`, and addresses a reader may copy: typography would break both. */
const LEFT_AS_TYPED = /`[^`\n]*`|\b(?:https?:\/\/|www\.)[^\s<>"“”‘’]*[^\s<>"“”‘’'.,;:!?)]/g;
/** Characters the two rules change: text without them is returned as it is. */
const TOUCHED = /["']|\.\.|--|\+-|\([ctpr]\)|!!|\?\?|,,/i;

/**
 * `typeset("Russia's \"frank\" talks -- and `a'b`")` → `Russia’s “frank” talks – and `a'b``.
 * Idempotent: typeset text comes back unchanged.
 */
export function typeset(text: string): string {
  if (!TOUCHED.test(text)) return text;
  const state = new typographer.core.State(text, typographer, {});
  const inline = new state.Token("inline", "", 0);
  inline.content = text;
  inline.children = [];
  let at = 0;
  const add = (type: "text" | "code_inline", content: string) => {
    if (content === "") return;
    const token = new state.Token(type, "", 0);
    token.content = content;
    inline.children?.push(token);
  };
  for (const match of text.matchAll(LEFT_AS_TYPED)) {
    add("text", text.slice(at, match.index));
    add("code_inline", match[0]);
    at = match.index + match[0].length;
  }
  add("text", text.slice(at));
  state.tokens = [inline];
  typographer.core.process(state);
  return inline.children.map((token) => token.content).join("");
}
