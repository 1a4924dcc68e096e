import { describe, expect, it } from "vitest";
import {
  cleanText,
  escapeXml,
  makeElement,
  makeTextElement,
  renderXmlDocument,
} from "../../lib/outputs/feeds/xml.ts";
import { readExpandedNames } from "./fixture-channel.ts";

const FORBIDDEN_CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter(
  (character) => !["\t", "\n", "\r"].includes(character),
);

describe("escapeXml", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
  });

  it("escapes an ampersand that already starts an entity, so text round-trips", () => {
    expect(escapeXml("&amp; &#39;")).toBe("&amp;amp; &amp;#39;");
  });

  it("makes a CDATA terminator harmless", () => {
    expect(escapeXml("a ]]> b")).toBe("a ]]&gt; b");
  });

  it("removes every C0 control character except tab, line feed and carriage return", () => {
    expect(FORBIDDEN_CONTROLS).toHaveLength(29);
    expect(escapeXml(`a${FORBIDDEN_CONTROLS.join("")}b`)).toBe("ab");
    expect(escapeXml("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });

  it("removes the noncharacters U+FFFE and U+FFFF", () => {
    expect(escapeXml("a\uFFFEb\uFFFFc")).toBe("abc");
  });

  it("removes lone surrogates but keeps surrogate pairs", () => {
    expect(escapeXml("high \uD83C alone, low \uDDFA alone")).toBe("high  alone, low  alone");
    expect(escapeXml("Kyiv 🇺🇦 🙂")).toBe("Kyiv 🇺🇦 🙂");
  });

  it("keeps right-to-left text and its direction marks intact", () => {
    const mixed = "مرحبا \u200Fשלום\u200E Kyiv";
    expect(escapeXml(mixed)).toBe(mixed);
  });

  it("leaves C1 controls and other characters XML 1.0 allows alone", () => {
    expect(escapeXml("\u0085 \u00A0 \uFFFD \u{10FFFD}")).toBe("\u0085 \u00A0 \uFFFD \u{10FFFD}");
  });
});

describe("cleanText", () => {
  it("removes forbidden characters without escaping anything", () => {
    expect(cleanText('<b>"A" & B</b>\u0000\u0007\u001B\uFFFF\uD800')).toBe('<b>"A" & B</b>');
  });

  it("returns clean text unchanged", () => {
    const text = 'Sanctions & "secondary" 🇺🇦 مرحبا שלום\n\tend';
    expect(cleanText(text)).toBe(text);
  });
});

describe("renderXmlDocument", () => {
  const document = renderXmlDocument(
    makeElement("root", { lang: "en", skipped: undefined, count: 3 }, [
      makeTextElement("title", `A & "B" <c>\u0007`, { note: `'x' <y>` }),
      makeElement("empty", { href: "https://example.org/?a=1&b=2" }),
      false,
      undefined,
      makeElement("parent", {}, [makeTextElement("child", "")]),
    ]),
  );

  it("prints the declaration, two-space indentation and a final newline", () => {
    expect(document).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<root lang="en" count="3">',
        '  <title note="&apos;x&apos; &lt;y&gt;">A &amp; &quot;B&quot; &lt;c&gt;</title>',
        '  <empty href="https://example.org/?a=1&amp;b=2"/>',
        "  <parent>",
        "    <child></child>",
        "  </parent>",
        "</root>",
        "",
      ].join("\n"),
    );
  });

  it("gives a well-formed document", () => {
    expect(readExpandedNames(document)).toEqual(["{}root", "{}title", "{}empty", "{}parent", "{}child"]);
  });
});
