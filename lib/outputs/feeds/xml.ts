/**
 * XML for the feeds: escaping, the removal of characters XML 1.0 cannot carry, and a tiny element
 * builder that always prints the same two-space-indented layout, so one channel gives byte-identical feeds.
 * No CDATA anywhere: escaping `>` already makes `]]>` harmless.
 */
import { captionText } from "../../contract/caption.ts";
import { escapeXml } from "../../shared/xml.ts";
import type { FeedImage } from "./model.ts";

/** Namespace of Media RSS, shared by the Atom and RSS feeds for the lead photo. */
export const MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/";

export { cleanText, escapeXml } from "../../shared/xml.ts";

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
  // A synthetic or composite image is labelled wherever its description is read.
  const description = captionText({ sourceLabel: image.sourceLabel, caption: image.caption ?? image.alt });
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
