/**
 * Text is escaped once, wherever a page prints it: a name with "&" or a description with an
 * apostrophe reads as written in titles, meta descriptions and headings of every page. And it
 * is set as the body is: the sample's straight quotes reach readers as typographic ones.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { sharedSite } from "./helpers/shared-fixtures.ts";

let site: FixtureSite;
beforeAll(() => {
  // The sample site, its authors' name and bio needing escaping (tests/fixtures/escaping-authors.ts), read-only.
  site = sharedSite("sample");
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
}, 180_000);
afterAll(() => site?.remove());

function filesEndingWith(extension: string): string[] {
  return readdirSync(site.output, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(extension),
  );
}
const htmlPages = () => filesEndingWith(".html");

/** Stretches of `text` around a straight quote, each with the file it is in. */
function straightQuotes(file: string, text: string): string[] {
  return [...text.matchAll(/.{0,25}['"].{0,25}/g)].map((match) => `${file}: ${match[0].trim()}`);
}

describe("escaping", () => {
  it("escapes nothing twice on any page of the sample site", () => {
    const twice = htmlPages().flatMap((file) =>
      [...readFileSync(path.join(site.output, file), "utf8").matchAll(/&amp;(?:#\d+|quot|amp|lt|gt);/g)].map(
        (match) => `${file}: ${match[0]}`,
      ),
    );
    expect(htmlPages().length).toBeGreaterThan(20);
    expect(twice).toEqual([]);
  });

  it("prints an author's name and bio as written, escaped once", () => {
    const page = site.read("authors/ayse-demir/index.html");
    expect(page).toContain("<title>Ayşe &amp; Demir · Dateline</title>");
    expect(page).toContain(
      '<meta name="description" content="A sample author’s “bio” &lt;b&gt;with&lt;/b&gt; markup.">',
    );
  });
});

describe("typography", () => {
  it("reaches readers with no straight quote in any page's title, description or text", () => {
    const found = htmlPages().flatMap((file) => {
      const $ = load(site.read(file));
      // Code is left as typed, as the body's is; scripts and styles are not text.
      $("script, style, code, pre").remove();
      const shown = [
        $("title").text(),
        ...$(
          'meta[name="description"], meta[property^="og:"][property$="title"], meta[property="og:description"]',
        )
          .map((_, meta) => $(meta).attr("content") ?? "")
          .get(),
        $("body").text(),
      ];
      return shown.flatMap((text) => straightQuotes(file, text));
    });
    expect(site.read("2025/04/istanbul-embassy-talks/index.html")).toContain("Russia’s consulate");
    expect(found).toEqual([]);
  });

  it("sets the feeds' titles and summaries, and the emails' subjects, as the pages", async () => {
    const feeds = filesEndingWith(".xml").flatMap((file) => {
      const $ = load(site.read(file), { xml: true });
      return $("title, summary, description, subtitle")
        .map((_, element) => $(element).text())
        .get()
        .flatMap((text) => straightQuotes(file, load(text).text()));
    });
    expect(feeds).toEqual([]);
    const emails = filesEndingWith(".eml");
    expect(emails.length).toBeGreaterThan(0);
    const subjects = await Promise.all(
      emails.map(
        async (file) => (await simpleParser(readFileSync(path.join(site.output, file)))).subject ?? "",
      ),
    );
    expect(subjects.flatMap((subject, index) => straightQuotes(emails[index] as string, subject))).toEqual(
      [],
    );
    const rss = site.read("rss.xml");
    expect(rss).toContain("Russia’s consulate");
  });
});
