/**
 * caniemail's verdict on an email equals its verdict on the email's signature, for a real
 * edition and for each kind of markup caniemail reads (link targets, image formats, inline and
 * block styles, form fields, comments, the root's attributes), so checking each distinct
 * signature once loses nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { caniemailSignature, caniemailVerdict } from "../../lib/checks/email.ts";

/** A real email edition of the sample issue, as `npm run build` wrote it (with its lead photo). */
const EDITION = readFileSync(path.join(import.meta.dirname, "../fixtures/email/edition.html"), "utf8");

const inBody = (html: string) => EDITION.replace("</body>", `${html}</body>`);

const variants: [name: string, html: string, feature: string | undefined][] = [
  ["the edition as built", EDITION, undefined],
  ["a mailto: link", inBody('<p><a href="mailto:desk@example.org">Write</a></p>'), undefined],
  ["a local anchor", inBody('<p><a href="#notes">Notes</a></p>'), "Local anchors"],
  [
    "a WebP image",
    inBody('<img src="https://dateline.example/a.webp?v=2" alt="" width="10" height="10">'),
    "webP image format",
  ],
  ["a data: SVG image", inBody('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">'), "SVG image format"],
  [
    "srcset candidates",
    inBody('<img src="/a.jpg" srcset="/a.avif 1x, /b.avif 2x" alt="">'),
    "srcset and sizes attributes",
  ],
  [
    "a flex layout in a style attribute",
    inBody('<div style="display: flex; gap: 4px">x</div>'),
    "display:flex",
  ],
  [
    "a style block in the head",
    EDITION.replace(
      "</head>",
      "<style>@media (prefers-color-scheme: dark) { p { color: #eee } }</style></head>",
    ),
    undefined,
  ],
  ["a style block outside every element", `<style>.x { position: fixed }</style>${EDITION}`, undefined],
  [
    "a submit button",
    inBody('<form><input type="submit" value="Go"></form>'),
    '<input type="submit"> element',
  ],
  ["no comments", EDITION.replaceAll(/<!--[\s\S]*?-->/g, ""), undefined],
  ["an AMP root", EDITION.replace("<html ", "<html ⚡4email "), undefined],
  [
    "a color-scheme meta tag",
    EDITION.replace("<head>", '<head><meta name="color-scheme" content="light dark">'),
    undefined,
  ],
];

describe("caniemailSignature", () => {
  it.each(variants)("gives caniemail's verdict on %s", (_name, html, feature) => {
    const verdict = caniemailVerdict(html);
    expect(caniemailVerdict(caniemailSignature(html))).toEqual(verdict);
    if (feature) expect(verdict.some((line) => line.startsWith(`caniemail: ${feature} `))).toBe(true);
  });

  it("is the same for editions that differ only in text, links and image URLs", () => {
    const other = EDITION.replaceAll("Istanbul", "Ankara")
      .replaceAll(/href="https:\/\/dateline\.example\/[^"]*"/g, 'href="https://dateline.example/elsewhere/"')
      .replaceAll(/src="([^"]*)\.jpg"/g, 'src="$1-other.jpg"');
    expect(other).not.toBe(EDITION);
    expect(caniemailSignature(other)).toBe(caniemailSignature(EDITION));
  });

  it("differs when the markup caniemail reads differs", () => {
    expect(caniemailSignature(inBody('<p><a href="mailto:x@example.org">x</a></p>'))).not.toBe(
      caniemailSignature(inBody('<p><a href="https://example.org/">x</a></p>')),
    );
  });
});
