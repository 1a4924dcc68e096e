/**
 * Where a photo came from, on every output of the sample site: its placeholder photo's XMP says it
 * is a composite with synthetic elements, so the page, the email edition (both parts), the feeds
 * and the JSON-LD each label it, and the renditions keep the type for anyone who saves them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractFromXml } from "@extractus/feed-extractor";
import { load } from "cheerio";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { hasExiftool, readTags } from "./helpers/exiftool.ts";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { sharedSite } from "./helpers/shared-fixtures.ts";

const ISSUE = "2025/04/istanbul-embassy-talks";
const LABEL = "Composite image with synthetic elements.";

let site: FixtureSite;
beforeAll(() => {
  site = sharedSite("sample");
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
}, 180_000);

describe("a composite photo's label", () => {
  it("opens the lead photo's caption on the issue page, before the caption and credit", () => {
    const $ = load(site.read(`${ISSUE}/index.html`));
    const caption = $(".lead-figure figcaption");
    expect(caption.children().first().is("strong.photo-source")).toBe(true);
    expect(caption.text().trim()).toMatch(
      /^Composite image with synthetic elements\. Journalists outside the entrance/,
    );
  });

  it("is in the email edition's HTML and text parts", async () => {
    const mail = await simpleParser(readFileSync(path.join(site.output, ISSUE, "email.eml")));
    const $ = load(String(mail.html));
    expect($("p.caption").first().text()).toMatch(/^Composite image with synthetic elements\. Journalists/);
    expect(mail.text?.replace(/\s+/g, " ")).toContain(`[Photo: Labelled placeholder image`);
    expect(mail.text?.replace(/\s+/g, " ")).toMatch(
      /Russian consulate in Istanbul\.\] Composite image with synthetic elements\. Journalists/,
    );
  });

  it("is in the feeds' content and media description, as a feed reader gets them", () => {
    const rss = readFileSync(path.join(site.output, "rss.xml"), "utf8");
    const feed = extractFromXml(rss, {
      getExtraEntryFields: (item) => ({
        content: String((item as Record<string, unknown>)["content:encoded"]),
      }),
    });
    const entry = feed.entries?.find((item) => item.link?.endsWith(`/${ISSUE}/`));
    // RSS carries the email edition's markup, for RSS-to-email services.
    const lead = load(String((entry as { content?: string } | undefined)?.content))("div.figure p.caption");
    expect(lead.text()).toMatch(/^Composite image with synthetic elements\. Journalists/);
    expect(rss).toContain(`<media:description type="plain">${LABEL} Journalists outside`);
    const json = JSON.parse(site.read("feed.json")) as { items: { url: string; content_html: string }[] };
    const item = json.items.find((candidate) => candidate.url.endsWith(`/${ISSUE}/`));
    expect(load(item?.content_html ?? "")("figcaption").text()).toMatch(
      /^Composite image with synthetic elements\./,
    );
  });

  it("gives each ImageObject its digital source type and credit set in JSON-LD", () => {
    const $ = load(site.read(`${ISSUE}/index.html`));
    const article = $('script[type="application/ld+json"]')
      .toArray()
      .map((script) => JSON.parse($(script).text()) as Record<string, unknown>)
      .find((node) => node["@type"] === "NewsArticle");
    const images = article?.image as Record<string, unknown>[];
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image).toMatchObject({
        "@type": "ImageObject",
        digitalSourceType: "https://schema.org/CompositeSyntheticDigitalSource",
        creditText: "Placeholder image — Dateline",
        creator: { "@type": "Person", name: "Dateline" },
        copyrightNotice: "© Dateline",
      });
    }
  });

  it("is in the alt text of the shared card, which shows no caption", () => {
    const $ = load(site.read(`${ISSUE}/index.html`));
    for (const property of ['meta[property="og:image:alt"]', 'meta[name="twitter:image:alt"]']) {
      expect($(property).attr("content"), property).toMatch(
        /^Composite image with synthetic elements: Labelled placeholder/,
      );
    }
  });

  it("is on no image that does not call for it: an issue without a photo shares the site's card, unlabelled", () => {
    const page = site.read("2025/04/who-led-the-delegations/index.html");
    const $ = load(page);
    // Its JSON-LD image is the site's card, so the check below reads a real ImageObject.
    expect(page).toContain('"@type":"ImageObject"');
    expect(page).toContain("dateline-card");
    expect($(".photo-source")).toHaveLength(0);
    expect(page).not.toContain("digitalSourceType");
    expect($('meta[property="og:image:alt"]').attr("content")).not.toContain("Composite");
  });
});

describe.skipIf(!hasExiftool)("the renditions of a composite photo", () => {
  it("keep its digital source type, as exiftool reads it", () => {
    const folder = path.join(site.output, "photos/2025");
    const files = readdirSync(folder).filter((name) => name.startsWith("istanbul-consulate-placeholder"));
    expect(files.length).toBeGreaterThan(6);
    for (const name of files) {
      expect(readTags(path.join(folder, name))["XMP-iptcExt:DigitalSourceType"], name).toBe(
        "http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic",
      );
    }
  });
});
