/** Text clean-up shared by the content checks, the schemas and the Markdown set-up. */

/**
 * Strips control characters (other than tab and newlines) from text: XML forbids them,
 * HTML treats them as errors, and no writer means them. A "\x07" in a YAML string stays out.
 * @example removeControlCharacters("Bell\u0007 rings") // "Bell rings"
 */
export function removeControlCharacters<T>(value: T): T {
  if (typeof value === "string") return value.replace(CONTROL_CHARACTERS, "") as T;
  if (Array.isArray(value)) return value.map(removeControlCharacters) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, removeControlCharacters(inner)]),
    ) as T;
  }
  return value;
}

// C0 controls except tab, LF and CR; DEL and C1 controls; U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * Escapes text for HTML (or XML) content and quoted attributes with numeric references,
 * so one function serves picture markup, feed figures and the XMP written into photos.
 * @example escapeHtml(`<a href="x">&</a>`) // "&#60;a href=&#34;x&#34;&#62;&#38;&#60;/a&#62;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Letters that Unicode does not decompose into a base letter plus accent. */
const transliterations: Readonly<Record<string, string>> = {
  ı: "i",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  æ: "ae",
  œ: "oe",
  þ: "th",
};

/**
 * ASCII, lowercase, hyphenated: what an issue's or a photo's file name is made of. An apostrophe
 * inside a word is dropped, so the word stays one (`Russia's` → `russias`, not `russia-s`).
 * Empty when the text has no Latin letters or digits (Cyrillic, Arabic, only dots).
 * @example slugify("Kılıçdaroğlu in Ankara") // "kilicdaroglu-in-ankara"
 * @example slugify("Russia’s red line") // "russias-red-line"
 */
export function slugify(text: string): string {
  return slugifyWords(text.replace(/(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu, ""));
}

/**
 * The slug of `text` with every apostrophe a break, as heading ids have always been made:
 * links into published issues (`#russia-s-red-line`) keep working.
 */
export function slugifyWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ıßøłđæœþ]/g, (char) => transliterations[char] ?? char)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Code-point order: the same on every machine, unlike locale collation. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
