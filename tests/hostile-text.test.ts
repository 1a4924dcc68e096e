/**
 * Hostile text stays text: headlines, deks, captions, credits and author names with markup,
 * quotes, CDATA ends, comment dashes, emoji, right-to-left scripts and control characters
 * render as exactly that text in every output, and every output stays valid. Prose (headline,
 * dek, caption) is set as the body is, quotes and dashes typographic; names and credits never are.
 */
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { load } from "cheerio";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExpandedNames } from "./feeds/fixture-channel.ts";
import { FIXTURE_EPOCH } from "./fixtures/sample-issues.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";

/** [name, text as written, prose as a reader must see it, a name or credit as a reader must see it (default: the same)] */
const hostile: [string, string, string, string?][] = [
  ["a script element", "<script>alert(1)</script> talks", "<script>alert(1)</script> talks"],
  [
    "a closing script tag",
    "Talks </script><script>alert(2)</script> end",
    "Talks </script><script>alert(2)</script> end",
  ],
  [
    "an image with an event handler",
    "Talks <img src=https://x.example/a.png onerror=alert(1)> end",
    "Talks <img src=https://x.example/a.png onerror=alert(1)> end",
  ],
  [
    "ampersands and quotes",
    `Sanctions & "secondary" 'tariffs'`,
    "Sanctions & “secondary” ‘tariffs’",
    `Sanctions & "secondary" 'tariffs'`,
  ],
  [
    "a CDATA end and comment dashes",
    "Talks ]]> end -- and <!-- this",
    "Talks ]]> end – and <!-- this",
    "Talks ]]> end -- and <!-- this",
  ],
  ["emoji and flags", "Talks 🇺🇦 🇷🇺 🤝", "Talks 🇺🇦 🇷🇺 🤝"],
  ["Arabic and Hebrew", "محادثات في إسطنبول and שיחות באיסטנבול", "محادثات في إسطنبول and שיחות באיסטנבול"],
  ["control characters", "Bell\u0007 and escape\u001b gone\u0000", "Bell and escape gone"],
];

/** Room for every case's build on a loaded machine (a build takes 15–40 s). */
const BUILDS_TIMEOUT = hostile.length * 90_000;

const sites: FixtureSite[] = [];
const built = new Map<string, FixtureSite>();
const origin = "https://dateline.example";

/** The issue as a writer would type it; JSON strings are valid YAML double-quoted scalars. */
function hostileIssue(written: string): string {
  const quoted = JSON.stringify(written);
  return [
    "---",
    `title: ${quoted}`,
    `dek: ${quoted}`,
    "date: 2025-04-12T10:00:00+03:00",
    "authors: [ayse-demir]",
    "topics: [russia]",
    "photo:",
    "  src: 2025/istanbul-consulate-placeholder.jpg",
    "  alt: A placeholder",
    `  caption: ${quoted}`,
    `  credit: ${quoted}`,
    "---",
    "The body of the issue.",
    "",
  ].join("\n");
}

beforeAll(() => {
  // One fixture site per case, with the text in every field a writer controls.
  for (const [name, written] of hostile) {
    const authors = `import { authorsSchema } from "../lib/contract/schema.ts";
export default authorsSchema.parse({ "ayse-demir": { name: ${JSON.stringify(`Ayşe ${written}`)}, bio: "Sample." } });
`;
    const site = buildFixtureSite({
      issues: { "2025/hostile.md": hostileIssue(written) },
      epoch: FIXTURE_EPOCH,
      files: { "_data/authors.ts": authors },
    });
    sites.push(site);
    built.set(name, site);
  }
  // One full build per case: the default hook timeout is sized for a single build.
}, BUILDS_TIMEOUT);
afterAll(() => {
  for (const site of sites) site.remove();
});

describe.each(hostile)("text with %s", (name, _written, expected, asTyped = expected) => {
  const site = () => {
    const found = built.get(name);
    if (found?.status !== 0) throw new Error(`build failed: ${found?.stderr}`);
    return found;
  };

  it("is the exact headline, dek, caption and credit of the issue page", () => {
    const $ = load(site().read("2025/04/hostile/index.html"));
    expect($("h1").text()).toBe(expected);
    expect($(".issue__dek").text()).toBe(expected);
    expect($(".lead-figure .caption").text()).toBe(expected);
    expect($(".lead-figure .credit").text()).toBe(asTyped);
    expect($(".byline a").text()).toBe(`Ayşe ${asTyped}`);
    expect($("script:not([type])").length).toBe(0);
  });

  it("is the exact text of the title, description and social meta tags", () => {
    const $ = load(site().read("2025/04/hostile/index.html"));
    expect($("title").text()).toBe(`${expected} · Dateline`);
    expect($('meta[name="description"]').attr("content")).toBe(expected);
    expect($('meta[property="og:title"]').attr("content")).toBe(expected);
  });

  it("survives JSON-LD without breaking out of its script element", () => {
    const html = site().read("2025/04/hostile/index.html");
    const $ = load(html);
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const article = JSON.parse(scripts.text());
    expect(article.headline).toBe(expected);
    expect(article.author[0].name).toBe(`Ayşe ${asTyped}`);
    expect(article.image[0].creditText).toBe(asTyped);
  });

  it("leaves the page valid HTML", async () => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateFile(
      `${site().output}/2025/04/hostile/index.html`,
    );
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });

  it.each(["feed.xml", "rss.xml", "topics/russia/feed.xml", "sitemap.xml", "news-sitemap.xml"])(
    "leaves %s namespace-well-formed",
    (file) => {
      expect(() => readExpandedNames(site().read(file))).not.toThrow();
    },
  );

  it("reaches a feed client as the exact title in Atom, RSS and JSON Feed", () => {
    for (const file of ["feed.xml", "rss.xml"]) {
      const feed = extractFromXml(site().read(file), { descriptionMaxLen: 0 });
      expect(feed.entries?.[0]?.title).toBe(expected);
    }
    const json = JSON.parse(site().read("feed.json"));
    expect(json.items[0].title).toBe(expected);
    expect(json.items[0].authors[0].name).toBe(`Ayşe ${asTyped}`);
    expect(extractFromJson(json).entries?.[0]?.title).toBe(expected);
  });

  it("reaches a feed reader as the exact dek in RSS description, Atom summary and JSON Feed summary, never as markup", () => {
    // RSS description is HTML to readers: the HTML the client hands over must parse to the dek as text.
    const rss = extractFromXml(site().read("rss.xml"), {
      descriptionMaxLen: 0,
      getExtraEntryFields: (item: Record<string, unknown>) => ({ descriptionHtml: String(item.description) }),
    });
    const descriptionHtml =
      (rss.entries?.[0] as { descriptionHtml?: string } | undefined)?.descriptionHtml ?? "";
    const $ = load(descriptionHtml, null, false);
    expect($.root().text()).toBe(expected);
    expect($("*").length).toBe(0);
    const atom = load(site().read("feed.xml"), { xml: true });
    expect(atom("entry > summary").attr("type")).toBe("text");
    expect(atom("entry > summary").first().text()).toBe(expected);
    expect(JSON.parse(site().read("feed.json")).items[0].summary).toBe(expected);
  });

  it("is the exact news-sitemap title", () => {
    const $ = load(site().read("news-sitemap.xml"), { xml: true });
    expect($("news\\:title").text()).toBe(expected);
    expect($("loc").first().text()).toBe(`${origin}/2025/04/hostile/`);
  });
});
