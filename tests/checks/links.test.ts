/**
 * The link check on one page's markup: what it collects (every URL attribute, srcset candidate and
 * share-image URL; every id and `<a name>`), and which references it reports, against a small site.
 */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { linkFacts, linkProblems } from "../../lib/checks/links.ts";
import { makeSite } from "../../lib/checks/site.ts";

const ORIGIN = "https://dateline.example";
const ALPHA = "2025/04/alpha/index.html";
const BRAVO = "2025/04/bravo/index.html";
const site = makeSite("/nowhere", [ALPHA, BRAVO, "index.html", "assets/a.jpg", "feed.xml"], ORIGIN);
const ANCHORS: Readonly<Record<string, readonly string[]>> = {
  [ALPHA]: ["notes", "fn1", "über"],
  [BRAVO]: ["record-heading"],
  "index.html": [],
};
const anchors = (file: string): ReadonlySet<string> | undefined => {
  const ids = ANCHORS[file];
  return ids === undefined ? undefined : new Set(ids);
};

/** The problems the check reports for this markup in alpha's `<body>`. */
function problemsOf(body: string, head = ""): string[] {
  const facts = linkFacts(load(`<html><head>${head}</head><body>${body}</body></html>`));
  return linkProblems(site, ALPHA, facts, anchors);
}

describe("linkFacts", () => {
  it("collects every URL a page references, labelled as the page writes it, and every anchor", () => {
    const $ = load(
      [
        '<html><head><base href="/2025/"><link rel="stylesheet" href="/assets/site.css">',
        '<meta property="og:image" content="https://dateline.example/og.jpg">',
        '<meta name="twitter:image" content="https://dateline.example/tw.jpg"></head>',
        '<body><a href=" /archive/ " id="top-link">Archive</a><a href="">Empty</a><a name="old-anchor"></a>',
        '<img src="/a.jpg" srcset="/a-480.jpg 480w, /a-800.jpg 800w" alt="">',
        '<picture><source srcset="/a.avif 1x, /a@2x.avif 2x"></picture><video poster="/p.jpg"></video>',
        '<script src="/s.js"></script><p id="notes">Notes</p></body></html>',
      ].join(""),
    );
    expect(linkFacts($)).toEqual({
      base: "/2025/",
      references: [
        { value: "/assets/site.css", label: '<link href="/assets/site.css">' },
        { value: "/archive/", label: '<a href="/archive/">' },
        { value: "/a.jpg", label: '<img src="/a.jpg">' },
        { value: "/s.js", label: '<script src="/s.js">' },
        { value: "/p.jpg", label: '<video poster="/p.jpg">' },
        { value: "/a-480.jpg", label: '<img srcset> candidate "/a-480.jpg"' },
        { value: "/a-800.jpg", label: '<img srcset> candidate "/a-800.jpg"' },
        { value: "/a.avif", label: '<source srcset> candidate "/a.avif"' },
        { value: "/a@2x.avif", label: '<source srcset> candidate "/a@2x.avif"' },
        {
          value: "https://dateline.example/og.jpg",
          label: '<meta property="og:image" content="https://dateline.example/og.jpg">',
        },
        {
          value: "https://dateline.example/tw.jpg",
          label: '<meta name="twitter:image" content="https://dateline.example/tw.jpg">',
        },
      ],
      anchors: ["top-link", "notes", "old-anchor"],
    });
  });
});

describe("linkProblems", () => {
  it.each([
    ["a link to a page that exists", '<a href="/2025/04/bravo/">B</a>', []],
    ["a relative link to a page that exists", '<a href="../bravo/">B</a>', []],
    [
      "a link to a page that does not exist",
      '<a href="/2025/04/gone/">Gone</a>',
      ['broken link <a href="/2025/04/gone/">: no file 2025/04/gone/index.html'],
    ],
    [
      "an absolute link on the site's origin to a missing file",
      `<img src="${ORIGIN}/assets/b.jpg" alt="">`,
      [`broken link <img src="${ORIGIN}/assets/b.jpg">: no file assets/b.jpg`],
    ],
    ["a fragment that exists on this page", '<a href="#notes">N</a>', []],
    ["a percent-encoded fragment that exists", '<a href="#%C3%BCber">Ü</a>', []],
    [
      "a fragment missing on this page",
      '<a href="#nowhere">N</a>',
      ['missing fragment <a href="#nowhere">: no id="nowhere" on this page'],
    ],
    [
      "a fragment missing on another page",
      '<a href="/2025/04/bravo/#notes">N</a>',
      [`missing fragment <a href="/2025/04/bravo/#notes">: no id="notes" in ${BRAVO}`],
    ],
    [
      "#top and an empty fragment, which scroll to the top of any page",
      '<a href="#top">T</a><a href="/#">H</a>',
      [],
    ],
    ["a fragment on a file that is not a page", '<a href="/feed.xml#x">F</a>', []],
    [
      "other origins and schemes",
      '<a href="https://example.org/x">X</a><a href="mailto:a@b.example">M</a><a href="tel:+1">T</a>',
      [],
    ],
    ["an unparsable URL", '<a href="https://[bad/">X</a>', ['invalid URL <a href="https://[bad/">']],
    [
      "the same broken link twice, reported once",
      '<a href="/gone/">1</a><a href="/gone/">2</a>',
      ['broken link <a href="/gone/">: no file gone/index.html'],
    ],
  ])("%s", (_name, body, expected) => {
    expect(problemsOf(body)).toEqual(expected);
  });

  it("resolves relative links against the page's <base>", () => {
    const link = '<a href="04/bravo/">B</a>';
    expect(problemsOf(link, '<base href="/2025/">')).toEqual([]);
    expect(problemsOf(link)).toEqual([
      'broken link <a href="04/bravo/">: no file 2025/04/alpha/04/bravo/index.html',
    ]);
  });
});
