/**
 * Which pages carry `data-pagefind-body`, read as the HTML tokenizer Pagefind uses reads markup:
 * an element's attribute counts, the words of an `alt`, a comment or a script do not.
 */

/** The attribute that marks the part of a page Pagefind may index. */
export const BODY_ATTRIBUTE = "data-pagefind-body";

/**
 * The tokenizer's view of markup, ASCII only (HTML's whitespace is tab, LF, FF, CR and space),
 * so a page reads the same decoded as UTF-8 or as Latin-1.
 */
const WS = "\\t\\n\\f\\r ";
/** A start tag: its name, then its attributes (quoted values may hold `>`). */
const START_TAG = new RegExp(`<([a-zA-Z][^${WS}/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>`, "y");
/** One attribute: its name, and its value skipped whole, so words inside a value are not names. */
const ATTRIBUTE = new RegExp(
  `([^${WS}"'>/=]+)(?:[${WS}]*=[${WS}]*(?:"[^"]*"|'[^']*'|[^${WS}"'=<>\`]+))?`,
  "g",
);
/** The attribute's name anywhere in the text, any case: pages without it need no parsing. */
const MENTION = new RegExp(BODY_ATTRIBUTE, "i");
/** Elements whose content is text, never tags (as the HTML tokenizer Pagefind uses reads them), and their end tags. */
const RAW_TEXT = new Map(
  ["script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes"].map((name) => [
    name,
    new RegExp(`</${name}`, "gi"),
  ]),
);

/**
 * Whether an element of the page carries the attribute, as an HTML parser sees it: not the
 * words of an `alt` or a comment that mention it (a regex on the source once counted those).
 */
export function carriesBodyAttribute(html: string): boolean {
  if (!MENTION.test(html)) return false;
  let at = html.indexOf("<");
  while (at !== -1) {
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      if (end === -1) return false;
      at = html.indexOf("<", end + 3);
      continue;
    }
    START_TAG.lastIndex = at;
    const tag = START_TAG.exec(html);
    if (!tag) {
      at = html.indexOf("<", at + 1);
      continue;
    }
    for (const [, name] of (tag[2] ?? "").matchAll(ATTRIBUTE)) {
      if (name?.toLowerCase() === BODY_ATTRIBUTE) return true;
    }
    const element = (tag[1] ?? "").toLowerCase();
    let next = START_TAG.lastIndex;
    const endTag = RAW_TEXT.get(element);
    if (endTag) {
      endTag.lastIndex = next;
      const close = endTag.exec(html);
      if (!close) return false;
      next = close.index;
    }
    at = html.indexOf("<", next);
  }
  return false;
}
