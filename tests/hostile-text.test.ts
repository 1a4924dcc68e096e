/**
 * Hostile text stays text: headlines, deks, captions, credits, sources and author names with markup,
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

const origin = "https://dateline.example";

/**
 * Each case is its own issue (`hostile-1`, `hostile-2`, …) by its own author, all on one site: an
 * hour apart on 12 April 2025, so every page, feed and sitemap holds every case at once.
 */
const cases = hostile.map(([name], index) => ({
  name,
  slug: `hostile-${index + 1}`,
  author: `author-${index + 1}`,
  date: `2025-04-12T${String(index + 1).padStart(2, "0")}:00:00+03:00`,
}));

function caseOf(name: string): (typeof cases)[number] {
  const found = cases.find((each) => each.name === name);
  if (!found) throw new Error(`no case named ${name}`);
  return found;
}

/** The issue as a writer would type it; JSON strings are valid YAML double-quoted scalars. */
function hostileIssue(written: string, { author, date }: { author: string; date: string }): string {
  const quoted = JSON.stringify(written);
  return [
    "---",
    `title: ${quoted}`,
    `dek: ${quoted}`,
    `date: ${date}`,
    `authors: [${author}]`,
    "topics: [russia]",
    "photo:",
    "  src: 2025/istanbul-consulate-placeholder.jpg",
    "  alt: A placeholder",
    `  caption: ${quoted}`,
    `  credit: ${quoted}`,
    "sources:",
    `  - title: ${quoted}`,
    "    url: https://example.org/source",
    `    publisher: ${quoted}`,
    "    archived: https://example.org/archive/source",
    "---",
    "The body of the issue.",
    "",
  ].join("\n");
}

let site: FixtureSite | undefined;

beforeAll(() => {
  // One fixture site holding every case, with the text in every field a writer controls.
  const authors = Object.fromEntries(
    hostile.map(([name, written]) => [caseOf(name).author, { name: `Ayşe ${written}`, bio: "Sample." }]),
  );
  const issues = Object.fromEntries(
    hostile.map(([name, written]) => [`2025/${caseOf(name).slug}.md`, hostileIssue(written, caseOf(name))]),
  );
  site = buildFixtureSite({
    issues,
    epoch: FIXTURE_EPOCH,
    files: {
      "_data/authors.ts": `import { authorsSchema } from "../lib/contract/schema.ts";
export default authorsSchema.parse(${JSON.stringify(authors)});
`,
    },
  });
}, 180_000);
afterAll(() => site?.remove());

function built(): FixtureSite {
  if (site?.status !== 0) throw new Error(`build failed: ${site?.stderr}`);
  return site;
}

it("builds the site holding every case", () => {
  expect(built().status).toBe(0);
});

it.each(["feed.xml", "rss.xml", "topics/russia/feed.xml", "sitemap.xml", "news-sitemap.xml"])(
  "leaves %s, which holds every case, namespace-well-formed",
  (file) => {
    const text = built().read(file);
    for (const { slug } of cases) expect(text).toContain(`${origin}/2025/04/${slug}/`);
    expect(() => readExpandedNames(text)).not.toThrow();
  },
);

describe.each(hostile)("text with %s", (name, _written, expected, asTyped = expected) => {
  const { slug } = caseOf(name);
  const page = `2025/04/${slug}/index.html`;
  const url = `${origin}/2025/04/${slug}/`;

  it("is the exact headline, dek, caption and credit of the issue page", () => {
    const $ = load(built().read(page));
    expect($("h1").text()).toBe(expected);
    expect($(".issue__dek").text()).toBe(expected);
    expect($(".lead-figure .caption").text()).toBe(expected);
    expect($(".lead-figure .credit").text()).toBe(asTyped);
    expect($(".byline a").text()).toBe(`Ayşe ${asTyped}`);
    expect($("script:not([type])").length).toBe(0);
  });

  it("is the exact source title and publisher on the page, in JSON-LD and in the email's text part", () => {
    const $ = load(built().read(page));
    const source = $(".sources li");
    expect(source.find("a").first().text()).toBe(expected);
    expect(source.text().replace(/\s+/g, " ")).toBe(
      `${expected}, ${asTyped} (archived copy)`.replace(/\s+/g, " "),
    );
    const article = JSON.parse($('script[type="application/ld+json"]').text());
    expect(article.citation[0]).toMatchObject({ name: expected, publisher: { name: asTyped } });
    expect(built().read(`2025/04/${slug}/email.txt`)).toContain("https://example.org/archive/source");
    const email = load(built().read(`2025/04/${slug}/email.html`));
    const sources = email("h2")
      .filter((_, heading) => email(heading).text() === "Sources")
      .parent();
    expect(sources.find("li a").first().text()).toBe(expected);
    expect(email("script").length).toBe(0);
  });

  it("is the exact text of the title, description and social meta tags", () => {
    const $ = load(built().read(page));
    expect($("title").text()).toBe(`${expected} · Dateline`);
    expect($('meta[name="description"]').attr("content")).toBe(expected);
    expect($('meta[property="og:title"]').attr("content")).toBe(expected);
  });

  it("survives JSON-LD without breaking out of its script element", () => {
    const $ = load(built().read(page));
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const article = JSON.parse(scripts.text());
    expect(article.headline).toBe(expected);
    expect(article.author[0].name).toBe(`Ayşe ${asTyped}`);
    expect(article.image[0].creditText).toBe(asTyped);
  });

  it("leaves the page valid HTML", async () => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateFile(
      `${built().output}/${page}`,
    );
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });

  it("reaches a feed client as the exact title in Atom, RSS and JSON Feed", () => {
    for (const file of ["feed.xml", "rss.xml"]) {
      const feed = extractFromXml(built().read(file), { descriptionMaxLen: 0 });
      const entries = feed.entries?.filter((entry) => entry.link === url) ?? [];
      expect(entries.map((entry) => entry.title)).toEqual([expected]);
    }
    const json = JSON.parse(built().read("feed.json"));
    const item = jsonItem(json, url);
    expect(item.title).toBe(expected);
    expect(item.authors.map((author) => author.name)).toEqual([`Ayşe ${asTyped}`]);
    const entries = extractFromJson(json).entries?.filter((entry) => entry.link === url) ?? [];
    expect(entries.map((entry) => entry.title)).toEqual([expected]);
  });

  it("reaches a feed reader as the exact dek in RSS description, Atom summary and JSON Feed summary, never as markup", () => {
    // RSS description is HTML to readers: the HTML the client hands over must parse to the dek as text.
    const rss = extractFromXml(built().read("rss.xml"), {
      descriptionMaxLen: 0,
      getExtraEntryFields: (item: Record<string, unknown>) => ({ descriptionHtml: String(item.description) }),
    });
    const entries = (rss.entries ?? []).filter((entry) => entry.link === url);
    expect(entries).toHaveLength(1);
    const descriptionHtml = (entries[0] as { descriptionHtml?: string } | undefined)?.descriptionHtml ?? "";
    const $ = load(descriptionHtml, null, false);
    expect($.root().text()).toBe(expected);
    expect($("*").length).toBe(0);
    const atom = load(built().read("feed.xml"), { xml: true });
    const entry = atom("entry").filter((_, element) => atom(element).children("id").text() === url);
    expect(entry.length).toBe(1);
    expect(entry.children("summary").attr("type")).toBe("text");
    expect(entry.children("summary").text()).toBe(expected);
    expect(jsonItem(JSON.parse(built().read("feed.json")), url).summary).toBe(expected);
  });

  it("is the exact news-sitemap title", () => {
    const $ = load(built().read("news-sitemap.xml"), { xml: true });
    const entry = $("url").filter((_, element) => $(element).children("loc").text() === url);
    expect(entry.length).toBe(1);
    expect(entry.find("news\\:title").text()).toBe(expected);
  });
});

interface JsonFeedItem {
  url: string;
  title: string;
  summary: string;
  authors: { name: string }[];
}

/** The one JSON Feed item of `url`. */
function jsonItem(json: { items: JsonFeedItem[] }, url: string): JsonFeedItem {
  const items = json.items.filter((item) => item.url === url);
  expect(items).toHaveLength(1);
  return items[0] as JsonFeedItem;
}
