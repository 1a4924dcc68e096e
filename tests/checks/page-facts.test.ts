/**
 * One page read into the facts every check runs on, from a single parse: its canonical URL,
 * whether it is an issue (it carries a NewsArticle), its links and ids, JSON-LD, lead photo and scripts.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGETS } from "../../lib/checks/budgets.ts";
import { readPageFacts } from "../../lib/checks/page-facts.ts";

const VIEWPORT = DEFAULT_BUDGETS.leadImageViewport;
const ARTICLE = JSON.stringify({
  "@type": "NewsArticle",
  headline: "Alpha",
  description: "Dek.",
  datePublished: "2025-04-10T16:30:00+03:00",
  dateModified: "2025-04-10T16:30:00+03:00",
  author: [{ "@type": "Person", name: "A", url: "https://dateline.example/authors/a/" }],
  image: "https://dateline.example/a.jpg",
  publisher: { name: "Dateline", logo: "https://dateline.example/logo.png" },
});

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe("readPageFacts", () => {
  it("reads an issue page: canonical, NewsArticle, links, ids, lead photo and body", () => {
    const html = page(
      `<link rel="canonical" href="https://dateline.example/2025/04/alpha/"><script type="application/ld+json">${ARTICLE}</script>`,
      '<figure class="lead-figure"><img src="/a-800.jpg" alt=""></figure><div class="issue__body" id="body"><a href="#body">Top</a></div>',
    );
    expect(readPageFacts(html, VIEWPORT)).toEqual({
      canonical: "https://dateline.example/2025/04/alpha/",
      // The canonical link is a reference too: it must lead to a page of the site.
      references: [
        {
          value: "https://dateline.example/2025/04/alpha/",
          label: '<link href="https://dateline.example/2025/04/alpha/">',
        },
        { value: "#body", label: '<a href="#body">' },
        { value: "/a-800.jpg", label: '<img src="/a-800.jpg">' },
      ],
      anchors: ["body"],
      jsonLd: [
        {
          articles: [
            {
              problems: [],
              linked: [
                ["image", "https://dateline.example/a.jpg"],
                ["author url", "https://dateline.example/authors/a/"],
                ["publisher logo", "https://dateline.example/logo.png"],
              ],
            },
          ],
        },
      ],
      isIssue: true,
      leadImage: "/a-800.jpg",
      bodyBytes: Buffer.byteLength('<div class="issue__body" id="body"><a href="#body">Top</a></div>'),
      scripts: [],
    });
  });

  it.each([
    ["no JSON-LD", page("", "<p>About.</p>")],
    [
      "JSON-LD without a NewsArticle",
      page('<script type="application/ld+json">{"@type":"WebSite"}</script>', ""),
    ],
    ["a JSON-LD block that does not parse", page('<script type="application/ld+json">{,}</script>', "")],
  ])("reads a page with %s as no issue", (_name, html) => {
    expect(readPageFacts(html, VIEWPORT).isIssue).toBe(false);
  });

  it("takes the first canonical link, and leaves canonical out when there is none", () => {
    const two = page(
      '<link rel="alternate canonical" href="https://a.example/"><link rel="canonical" href="https://b.example/">',
      "",
    );
    expect(readPageFacts(two, VIEWPORT).canonical).toBe("https://a.example/");
    expect(readPageFacts(page("", ""), VIEWPORT)).not.toHaveProperty("canonical");
  });
});
