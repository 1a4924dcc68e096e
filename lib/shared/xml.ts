/**
 * XML text: escaping, and the removal of characters XML 1.0 cannot carry. Shared by the
 * feeds and the sitemaps, so every XML document the site writes escapes the same way.
 */

/**
 * Everything outside XML 1.0's `Char` production: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF.
 * With the `u` flag a lone surrogate is a code point of its own (U+D800–U+DFFF), so it matches too,
 * while a well-formed pair (emoji) is one astral code point and is kept.
 */
const FORBIDDEN_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Removes the characters XML 1.0 forbids, and nothing else. JSON could carry them, but a feed reader
 * would show them as boxes, and the three formats should say the same thing.
 * @example cleanText("Bell\u0007 rings 🇺🇦") // "Bell rings 🇺🇦"
 */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN_XML_CHARACTERS, "");
}

/**
 * Makes any string safe as XML element text or as a double- or single-quoted attribute value.
 * @example escapeXml(`<b>"A" & 'B'</b>`) // "&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;"
 */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}
