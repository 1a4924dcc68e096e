/**
 * The email edition as a build publishes it: a fixture issue with a footnote, a lead and a
 * body photo, a correction, raw HTML and a hostile headline, built by the real build script.
 * Its `.eml` is read back with a real mail parser, and both parts are checked.
 */
import path from "node:path";
import * as cheerio from "cheerio";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type FixtureSite, issueFile } from "../helpers/fixture-site.ts";

const WRITTEN = 'Envoys & "delegates" <script>alert(1)</script> meet ]]> -- in Istanbul 🇹🇷';
/** As subscribers read it: text, never markup, set as the body is (typographic quotes, an en dash). */
const HEADLINE = "Envoys & “delegates” <script>alert(1)</script> meet ]]> – in Istanbul 🇹🇷";
const EPOCH = 1744502400; // 2025-04-13T00:00:00Z
const WEB = "https://dateline.example/2025/04/envoys-meet/";

const issues = {
  "2025/envoys-meet.md": issueFile(
    {
      title: WRITTEN,
      dek: "A fixture issue for the email edition.",
      date: "2025-04-10T16:30:00+03:00",
      dateline: "ISTANBUL",
      kicker: "Briefing",
      authors: ["daniel-hart", "ayse-demir"],
      topics: ["russia", "diplomacy"],
      photo: {
        src: "2025/istanbul-consulate-placeholder.jpg",
        alt: "A striped placeholder panel",
        caption: "A placeholder standing in for a photo",
        credit: "Placeholder image — Dateline",
      },
      corrections: [{ date: "2025-04-11T12:00:00+03:00", text: "An earlier version misspelt a name." }],
    },
    [
      "The talks began.[^1] See [the archive](/archive/).",
      "",
      '![A second placeholder view](2025/istanbul-consulate-placeholder.jpg "The body photo caption")',
      "",
      '<p>The <abbr title="North Atlantic Treaty Organization">NATO</abbr> question was not raised.</p>',
      "",
      "[^1]: A footnote with [a source](https://example.org/source).",
    ].join("\n"),
  ),
  "2025/unpublished-draft.md": issueFile({
    title: "A draft",
    dek: "Not published.",
    date: "2025-04-09T10:00:00+03:00",
    draft: true,
    authors: ["ayse-demir"],
    topics: ["turkey"],
  }),
};

let site: FixtureSite;
let mail: ParsedMail;

beforeAll(async () => {
  site = buildFixtureSite({ issues, epoch: EPOCH });
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
  mail = await simpleParser(site.read("2025/04/envoys-meet/email.eml"));
}, 180_000);

afterAll(() => site?.remove());

describe("the email edition of a published issue", () => {
  it("is published as email.html, email.txt and email.eml beside the page; drafts have none", () => {
    expect(site.read("2025/04/envoys-meet/email.html")).toMatch(/^<!DOCTYPE html>/);
    expect(() => site.read("2025/04/unpublished-draft/email.html")).toThrow(/ENOENT/);
    expect(site.stdout).toMatch(/0 problems/);
  });

  it("ends every line of the .eml with CRLF, headers and body alike (RFC 5322)", () => {
    const eml = site.read("2025/04/envoys-meet/email.eml");
    expect(eml.match(/(?<!\r)\n/g)).toBeNull();
    expect(eml.split("\r\n").length).toBeGreaterThan(20);
  });

  it("is one multipart/alternative message whose parts are email.txt and email.html", () => {
    const eml = site.read("2025/04/envoys-meet/email.eml");
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.subject).toBe(HEADLINE);
    expect(mail.from?.value).toEqual([{ name: "Dateline", address: "newsletter@dateline.example" }]);
    expect(mail.date?.toISOString()).toBe("2025-04-10T13:30:00.000Z");
    expect(mail.text).toBe(site.read("2025/04/envoys-meet/email.txt"));
    expect(mail.html).toBe(site.read("2025/04/envoys-meet/email.html"));
  });

  it("HTML part: the hostile headline as text, the photos as absolute 2× JPEGs, the footnote as an endnote", () => {
    const $ = cheerio.load(mail.html || "");
    expect($("h1").text()).toBe(HEADLINE);
    expect($("title").text()).toBe(HEADLINE);
    expect($("script").length).toBe(0);
    const images = $("img")
      .map((_i, img) => ({
        src: $(img).attr("src") ?? "",
        width: $(img).attr("width"),
        alt: $(img).attr("alt"),
      }))
      .get();
    expect(images.map((image) => image.alt)).toEqual([
      "A striped placeholder panel",
      "A second placeholder view",
    ]);
    for (const image of images) {
      expect(image.src).toMatch(
        /^https:\/\/dateline\.example\/photos\/2025\/istanbul-consulate-placeholder-1200\.[0-9a-f]{8}\.jpg$/,
      );
      expect(image.width).toBe("600");
    }
    // The placeholder's XMP calls it a composite with synthetic elements: lead and body photo say so.
    expect($("td.lead p.caption").text()).toBe(
      "Composite image with synthetic elements. A placeholder standing in for a photo Placeholder image — Dateline",
    );
    expect($("td.content p.caption").text()).toContain(
      "Composite image with synthetic elements. The body photo caption",
    );
    expect($("sup a").attr("href")).toBe(`${WEB}#fn1`);
    expect($("td.section ol li").text()).toBe("A footnote with a source.");
    expect($("td.content").text()).toContain("The NATO question was not raised.");
    expect($("abbr, picture, source, style").length).toBe(0);
  });

  it("HTML part: corrections, topics with page and feed, the footer that says how to follow by feed", () => {
    const $ = cheerio.load(mail.html || "");
    expect($("td.section").text()).toContain(
      "11 April 2025, 12:00 GMT+3: An earlier version misspelt a name.",
    );
    expect($('a[href="https://dateline.example/topics/diplomacy/feed.xml"]').text()).toBe("feed");
    expect($("td.footer").text()).toContain("follow the feed https://dateline.example/rss.xml");
  });

  it("text part: headline, byline, date, web address, photo credit and numbered links", () => {
    const text = mail.text ?? "";
    expect(text).toContain(HEADLINE);
    expect(text).toContain("By Daniel Hart and Ayşe Demir");
    expect(text).toContain("ISTANBUL · 10 April 2025, 16:30 GMT+3");
    expect(text).toContain(`Read on the web: ${WEB}`);
    expect(text.replace(/\s+/g, " ")).toContain(
      "Composite image with synthetic elements. A placeholder standing in for a photo Photo: Placeholder image — Dateline",
    );
    expect(text).toContain("See the archive [1].");
    expect(text).toContain("[1] https://dateline.example/archive/");
    expect(text).toContain("[2] https://example.org/source");
  });

  it("is the same bytes in a second build", () => {
    const first = site.read("2025/04/envoys-meet/email.eml");
    // Rendered afresh, not taken from the first build's stores (the output store alone would
    // link the first build's file back in).
    const again = site.rebuild({
      DATELINE_OUTPUT_CACHE: "off",
      DATELINE_VIEW_CACHE: "off",
      DATELINE_CONTENT_CACHE: "off",
      DATELINE_EMAIL_CACHE: path.join(site.dir, ".cache/editions-second-build"),
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/, 0 from the output store/);
    expect(again.read("2025/04/envoys-meet/email.eml")).toBe(first);
  });
});
