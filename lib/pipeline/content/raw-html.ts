/**
 * The raw-HTML policy for issue bodies. Writers are trusted to use HTML for what Markdown
 * cannot say (a table, <abbr>, <q lang>), but a paste from a word processor or a web page
 * is not: scripts, styles, event handlers, embeds and `javascript:` URLs are removed, and
 * the build warns, naming the file.
 */
import type sanitizeHtml from "sanitize-html";
import { lazyPackage } from "../../shared/lazy-package.ts";

/** Loaded when an issue has raw HTML and its content is not already stored. */
const loadSanitizeHtml = lazyPackage<typeof sanitizeHtml>("sanitize-html");

const allowedTags = [
  // What markdown-it and its plugins produce.
  // h1 too: a page's `# Title` must not lose its heading because the page also holds raw HTML.
  ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "s"],
  ...["ul", "ol", "li", "a", "img", "figure", "figcaption", "section", "sup", "span"],
  ...["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"],
  // What writers may add by hand.
  ...["abbr", "b", "i", "u", "q", "cite", "dfn", "del", "ins", "kbd", "mark", "small", "sub", "time"],
  ...["dl", "dt", "dd", "details", "summary", "aside", "div", "bdi", "bdo", "wbr"],
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    "*": ["id", "class", "lang", "dir", "title"],
    a: ["href", "rel", "hreflang"],
    img: ["src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"],
    ol: ["start", "reversed", "type"],
    td: ["colspan", "rowspan", "headers"],
    th: ["colspan", "rowspan", "headers", "scope", "abbr"],
    q: ["cite"],
    blockquote: ["cite"],
    del: ["cite", "datetime"],
    ins: ["cite", "datetime"],
    time: ["datetime"],
    abbr: ["title"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // Dropped with their content: what they hold is code or style, never prose.
  nonTextTags: ["script", "style", "textarea", "noscript", "template", "iframe", "object", "embed"],
};

/** Removes what the policy does not allow from rendered issue HTML. */
export function sanitizeIssueHtml(html: string): string {
  // sanitize-html writes void elements XHTML-style (<hr />); the site's HTML style omits the slash.
  return loadSanitizeHtml()(html, sanitizeOptions).replace(/<(br|hr|img|wbr|col)\b([^>]*?)\s*\/>/g, "<$1$2>");
}

const unsafePatterns: [RegExp, string][] = [
  [/<script\b/i, "a <script> element"],
  [/<style\b/i, "a <style> element"],
  [/<(?:iframe|object|embed|form)\b/i, "an embedded frame, object or form"],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, "an inline event handler (on…=)"],
  [/<[a-z][^>]*\sstyle\s*=/i, "an inline style attribute"],
  [/<[a-z][^>]*=\s*["']?\s*javascript:/i, "a javascript: URL"],
];

/**
 * What the policy will remove from a Markdown body, for the build's warning.
 * @example findUnsafeHtml('<p onclick="x()">Hi</p>') // ["an inline event handler (on…=)"]
 */
export function findUnsafeHtml(markdown: string): string[] {
  return unsafePatterns.filter(([pattern]) => pattern.test(markdown)).map(([, what]) => what);
}

/**
 * Where the first HTML comment that never properly ends starts, or undefined. A comment runs
 * to `-->`; one with no `-->`, or ended by `--!>` (which browsers accept but Markdown and the
 * sanitiser do not), hides everything after it.
 * @example findUnclosedComment("<p>Hi</p> <!-- check the quote") // 10
 */
export function findUnclosedComment(html: string): number | undefined {
  let from = 0;
  for (;;) {
    const open = html.indexOf("<!--", from);
    if (open === -1) return undefined;
    // From open + 2, so that the empty comments `<!-->` and `<!--->` count as closed.
    const close = html.indexOf("-->", open + 2);
    const bangClose = html.indexOf("--!>", open + 2);
    if (close === -1 || (bangClose !== -1 && bangClose < close)) return open;
    from = close + 3;
  }
}
