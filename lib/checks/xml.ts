/**
 * A namespace-aware XML reader for feeds and sitemaps. saxes with `xmlns: true` rejects what a
 * strict feed reader rejects (an unbound prefix, a stray `&`), and its error handler throws, so
 * the first error is the document's. The tree is tiny: elements, attributes, text.
 */
import { SaxesParser } from "saxes";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface XmlNode {
  /** Namespace URI, `""` when none. */
  uri: string;
  local: string;
  /** Attribute values by `{uri}local`, or by `local` when unprefixed. */
  attributes: ReadonlyMap<string, string>;
  children: XmlNode[];
  /** The text directly inside the element (not its children's). */
  text: string;
}

/** The root element, or the first well-formedness error as `line:col: message`. */
export type XmlResult = { root: XmlNode } | { error: string };

/** Parses a whole document; never throws. */
export function parseXml(xml: string): XmlResult {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(
        attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local,
        attribute.value,
      );
    }
    const node: XmlNode = {
      uri: tag.uri ?? "",
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      text: "",
    };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  const addText = (text: string): void => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return root ? { root } : { error: "no root element" };
}

/** The element children with this namespace and local name. */
export function childrenNamed(node: XmlNode, uri: string, local: string): XmlNode[] {
  return node.children.filter((child) => child.uri === uri && child.local === local);
}

/** The first such child, if any. */
export function childNamed(node: XmlNode, uri: string, local: string): XmlNode | undefined {
  return node.children.find((child) => child.uri === uri && child.local === local);
}

/** Every element in the subtree, the node included, in document order. */
export function descendants(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(descendants)];
}
