/**
 * What a writer types reaches subscribers as text, never as an email service's template code.
 * RSS-to-email services fill in templates when they send: Buttondown reads Django's `{{ }}`,
 * `{% %}` and `{# #}`, Kit reads Liquid's `{{ }}` and `{% %}`, Mailchimp its `*|TAG|*` merge
 * tags. A headline "{{ subscriber.email }}" or a body with `*|EMAIL|*` would be filled in (or
 * break the send). So every delimiter pair in the writer's text is broken: in text by a word
 * joiner (U+2060, invisible, joins no words), in HTML by a character reference, which the
 * service passes through and the mail client shows as the character. Only the footer's own
 * tags (services.ts), which the site's setting chooses, stay live.
 */

/** The first character of every pair the services read as a delimiter. */
const OPENS_A_PAIR = /\{(?=[{%#])|[}%#](?=\})|\*(?=\|)|\|(?=\*)/g;
const WORD_JOINER = "\u2060";

/** Character references for the characters that open a pair, in HTML. */
const REFERENCE: Record<string, string> = {
  "{": "&#123;",
  "}": "&#125;",
  "%": "&#37;",
  "#": "&#35;",
  "*": "&#42;",
  "|": "&#124;",
};

/**
 * Plain text with every delimiter pair broken by a word joiner.
 * @example inertText("Hi {{ subscriber.email }}") // "Hi {\u2060{ subscriber.email }\u2060}"
 */
export function inertText(text: string): string {
  return text.replace(OPENS_A_PAIR, `$&${WORD_JOINER}`);
}

/**
 * HTML with each pair's first character written as a character reference: the same text to a
 * reader, no delimiter to a template engine. References are valid in text and attribute values.
 * @example inertHtml("<p>*|EMAIL|*</p>") // "<p>&#42;|EMAIL&#124;*</p>"
 */
export function inertHtml(html: string): string {
  return html.replace(OPENS_A_PAIR, (character) => REFERENCE[character] ?? character);
}

/** Whether text holds a pair a service would read as a template delimiter. */
function hasMergeTagSyntax(text: string): boolean {
  return new RegExp(OPENS_A_PAIR.source).test(text);
}

/** The one-line fields a writer may have meant as a merge tag: each gets a warning. */
const ONE_LINE_FIELDS = ["title", "dek", "kicker"] as const;

/**
 * A warning for each one-line field that looks like a merge tag: it goes out as text (the
 * writer may have meant the tag itself).
 * @example findMergeTagLookalikes({ title: "Hello {{ name }}" }) // [{ field: "title", message: "looks like …" }]
 */
export function findMergeTagLookalikes(data: Record<string, unknown>): { field: string; message: string }[] {
  return ONE_LINE_FIELDS.filter((field) => {
    const value = data[field];
    return typeof value === "string" && hasMergeTagSyntax(value);
  }).map((field) => ({
    field,
    message:
      "looks like an email service's merge tag ({{ }}, {% %} or *| |*): subscribers and feeds get it as text, never filled in — reword it if that is not what you meant",
  }));
}

/**
 * A copy of plain view data with every string made inert: HTML under a key in `htmlKeys`,
 * text elsewhere; keys in `liveKeys` (the footer's own tags) are kept as they are.
 */
export function inertView<T>(
  value: T,
  htmlKeys: ReadonlySet<string>,
  liveKeys: ReadonlySet<string> = new Set(),
): T {
  const walk = (item: unknown, html: boolean): unknown => {
    if (typeof item === "string") return html ? inertHtml(item) : inertText(item);
    if (Array.isArray(item)) return item.map((element) => walk(element, html));
    if (item !== null && typeof item === "object")
      return Object.fromEntries(
        Object.entries(item).map(([key, field]) => [
          key,
          liveKeys.has(key) ? field : walk(field, html || htmlKeys.has(key)),
        ]),
      );
    return item;
  };
  return walk(value, false) as T;
}
