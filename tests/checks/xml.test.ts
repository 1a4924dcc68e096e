/**
 * The checks' XML reader: namespaces resolved as a feed reader resolves them, text and CDATA
 * joined, and the first well-formedness error returned (never thrown) with its position.
 */
import { describe, expect, it } from "vitest";
import {
  ATOM_NS,
  childNamed,
  childrenNamed,
  descendants,
  parseXml,
  SITEMAP_NS,
  type XmlNode,
} from "../../lib/checks/xml.ts";

const MEDIA_NS = "http://search.yahoo.com/mrss/";

function rootOf(xml: string): XmlNode {
  const parsed = parseXml(xml);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.root;
}

describe("parseXml", () => {
  it.each([
    ["an Atom feed", `<feed xmlns="${ATOM_NS}"/>`, ATOM_NS, "feed"],
    ["a sitemap", `<urlset xmlns="${SITEMAP_NS}"></urlset>`, SITEMAP_NS, "urlset"],
    ["a prefixed root", `<a:feed xmlns:a="${ATOM_NS}"/>`, ATOM_NS, "feed"],
    ["RSS, in no namespace", '<?xml version="1.0"?><rss version="2.0"/>', "", "rss"],
  ])("names the root of %s by namespace and local name", (_name, xml, uri, local) => {
    expect(rootOf(xml)).toMatchObject({ uri, local });
  });

  it("keeps attributes by {uri}local when prefixed, local when not, and each element's own text", () => {
    const root = rootOf(
      `<rss xmlns:media="${MEDIA_NS}" version="2.0"><item>Tom &amp; <![CDATA[<Jerry>]]><media:content url="/a.jpg" media:medium="image"/></item></rss>`,
    );
    expect(root.attributes.get("version")).toBe("2.0");
    const item = root.children[0];
    expect(item?.text).toBe("Tom & <Jerry>");
    expect(item?.children[0]).toEqual({
      uri: MEDIA_NS,
      local: "content",
      attributes: new Map([
        ["url", "/a.jpg"],
        [`{${MEDIA_NS}}medium`, "image"],
      ]),
      children: [],
      text: "",
    });
  });

  it.each([
    [
      "an unbound prefix",
      '<rss><media:content url="/a.jpg"/></rss>',
      /^1:\d+: unbound namespace prefix: "media"/,
    ],
    // saxes reads on past the stray `&` and stops at the end, with the title still open.
    ["a stray ampersand", "<rss><title>Tom & Jerry</title></rss>", /^1:37: unclosed tag: title$/],
    ["an unclosed element", "<rss><channel></rss>", /^1:20: unexpected close tag\.$/],
    ["text only", "just text", /^1:9: text data outside of root node\.$/],
    ["nothing", "", /^1:0: document must contain a root element\.$/],
  ])("returns the first error for %s", (_name, xml, error) => {
    const parsed = parseXml(xml);
    expect(parsed).toEqual({ error: expect.stringMatching(error) });
  });
});

describe("childrenNamed, childNamed and descendants", () => {
  const root = rootOf(
    `<feed xmlns="${ATOM_NS}" xmlns:media="${MEDIA_NS}"><entry><id>1</id></entry><media:entry/><entry><id>2</id></entry></feed>`,
  );

  it("match namespace and local name both", () => {
    expect(
      childrenNamed(root, ATOM_NS, "entry").map((entry) => childNamed(entry, ATOM_NS, "id")?.text),
    ).toEqual(["1", "2"]);
    expect(childrenNamed(root, MEDIA_NS, "entry")).toHaveLength(1);
    expect(childNamed(root, "", "entry")).toBeUndefined();
  });

  it("walks every element in document order, the root first", () => {
    expect(descendants(root).map((node) => `${node.local}${node.text}`)).toEqual([
      "feed",
      "entry",
      "id1",
      "entry",
      "entry",
      "id2",
    ]);
  });
});
