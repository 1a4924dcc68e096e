/**
 * The email body alone, as RSS `content:encoded` carries it: the edition's content cell (lead
 * photo, body, endnotes) with absolute links and inline styles, for services that paste it as is.
 */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { EmailPhoto } from "../../../lib/outputs/email/body.ts";
import { emailPhotoOf, renderEmailFragment } from "../../../lib/outputs/email/fragment.ts";

const PAGE = "https://dateline.example/2025/04/alpha/";
/** A body as the site renders it: a relative link, a footnote reference and markdown-it-footnote's list. */
const BODY = [
  '<p>Talks <a href="/archive/">began</a>.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>',
  '<hr class="footnotes-sep">',
  '<section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>A note. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>',
].join("\n");
const LEAD: EmailPhoto = {
  src: "https://dateline.example/photos/a-1200.jpg",
  width: 600,
  height: 338,
  alt: "A striped panel",
  caption: "A placeholder",
  credit: "Dateline",
};

describe("emailPhotoOf", () => {
  it.each<[string, Parameters<typeof emailPhotoOf>[0], EmailPhoto]>([
    [
      "a 1200 px rendition, shown at half its width in the 600 px column",
      {
        url: LEAD.src,
        width: 1200,
        height: 675,
        alt: "A striped panel",
        caption: "A placeholder",
        credit: "Dateline",
      },
      LEAD,
    ],
    [
      "a wider image, capped at the column",
      { url: "https://x.example/a.jpg", width: 2400, height: 1200, alt: "Wide" },
      { src: "https://x.example/a.jpg", width: 600, height: 300, alt: "Wide" },
    ],
    [
      "a small image, without an empty caption or credit",
      { url: "https://x.example/b.jpg", width: 300, height: 200, alt: "", caption: "", credit: "" },
      { src: "https://x.example/b.jpg", width: 150, height: 100, alt: "" },
    ],
  ])("shows %s", (_name, image, expected) => {
    expect(emailPhotoOf(image)).toEqual(expected);
  });
});

describe("renderEmailFragment", () => {
  const $ = load(renderEmailFragment(BODY, PAGE, LEAD), null, false);

  it("opens with the lead photo: one JPEG at its display size, then caption and credit", () => {
    const img = $("div.figure img.photo");
    expect([img.attr("src"), img.attr("width"), img.attr("height"), img.attr("alt")]).toEqual([
      LEAD.src,
      "600",
      "338",
      "A striped panel",
    ]);
    expect($("div.figure .caption").text()).toBe("A placeholder Dateline");
    expect($.root().children().first().is("div.figure")).toBe(true);
  });

  it("makes every link absolute, footnote references pointing at the web page", () => {
    expect(
      $("a")
        .map((_, link) => $(link).attr("href"))
        .get(),
    ).toEqual(["https://dateline.example/archive/", `${PAGE}#fn1`]);
  });

  it("turns the footnotes into a Notes list, without the page's back links", () => {
    expect($("section, hr")).toHaveLength(0);
    expect($("h2").text()).toBe("Notes");
    expect(
      $("ol li")
        .map((_, item) => $(item).text())
        .get(),
    ).toEqual(["A note."]);
  });

  it("inlines the email styles on every element, with no <style> left", () => {
    expect($("style")).toHaveLength(0);
    const unstyled = $("*")
      .toArray()
      .filter((element) => !$(element).attr("style"))
      .map((element) => $(element).prop("tagName"));
    expect(unstyled).toEqual([]);
  });

  it.each([
    ["without a lead photo or notes: the body alone", "<p>Plain.</p>", ["p"]],
    ["a heading and a quote", "<h2>Background</h2><blockquote><p>Q.</p></blockquote>", ["h2", "blockquote"]],
  ])("renders %s", (_name, body, topLevel) => {
    const only = load(renderEmailFragment(body, PAGE), null, false);
    expect(
      only
        .root()
        .children()
        .toArray()
        .map((element) => element.tagName),
    ).toEqual(topLevel);
    expect(only("img, h2:contains('Notes')")).toHaveLength(0);
  });
});
