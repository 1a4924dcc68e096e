/**
 * XML for the feeds: escaping, the removal of characters XML 1.0 cannot carry, and a tiny element
 * builder that always prints the same two-space-indented layout, so one channel gives byte-identical feeds.
 * No CDATA anywhere: escaping `>` already makes `]]>` harmless.
 */
import type { FeedImage } from "./model.ts";

/** Namespace of Media RSS, shared by the Atom and RSS feeds for the lead photo. */
export const MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/";

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

/** Attribute values in print order; `undefined` leaves the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

/** An element with either text or child elements; no mixed content, which feeds never need. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly content: string | readonly XmlElement[];
}

/** A child slot that may be empty, so optional elements can be written inline with `&&` or `?:`. */
export type XmlChild = XmlElement | false | undefined;

/**
 * An element holding child elements; empty slots are dropped, and no children prints `<name/>`.
 * @example makeElement("link", { rel: "self", href: "https://example.org/feed.xml" })
 */
export function makeElement(
  name: string,
  attributes: XmlAttributes = {},
  children: readonly XmlChild[] = [],
): XmlElement {
  return { name, attributes, content: children.filter((child): child is XmlElement => Boolean(child)) };
}

/**
 * An element holding text, which is escaped when printed.
 * @example makeTextElement("title", "Sanctions & tariffs", { type: "text" })
 */
export function makeTextElement(name: string, text: string, attributes: XmlAttributes = {}): XmlElement {
  return { name, attributes, content: text };
}

/**
 * Prints a whole document: the UTF-8 declaration, the tree with two-space indentation, a final newline.
 * @example renderXmlDocument(makeTextElement("a", "1 < 2")) // '<?xml version="1.0" encoding="utf-8"?>\n<a>1 &lt; 2</a>\n'
 */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderElement(root, 0)}\n`;
}

function renderElement(element: XmlElement, depth: number): string {
  const indent = "  ".repeat(depth);
  const openTag = `${element.name}${renderAttributes(element.attributes)}`;
  if (typeof element.content === "string") {
    return `${indent}<${openTag}>${escapeXml(element.content)}</${element.name}>`;
  }
  if (element.content.length === 0) return `${indent}<${openTag}/>`;
  const children = element.content.map((child) => renderElement(child, depth + 1)).join("\n");
  return `${indent}<${openTag}>\n${children}\n${indent}</${element.name}>`;
}

function renderAttributes(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/**
 * The lead photo as Media RSS `media:content`, the same in Atom and RSS: description is the caption
 * (the alt text when there is none), credit is the photographer.
 */
export function makeMediaContent(image: FeedImage): XmlElement {
  const description = image.caption ?? image.alt;
  const attributes = {
    url: image.url,
    medium: "image",
    type: image.type,
    width: image.width,
    height: image.height,
  };
  return makeElement("media:content", attributes, [
    description !== "" && makeTextElement("media:description", description, { type: "plain" }),
    image.credit !== undefined &&
      image.credit !== "" &&
      makeTextElement("media:credit", image.credit, { role: "photographer" }),
  ]);
}
