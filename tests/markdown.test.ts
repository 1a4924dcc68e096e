/**
 * The writers' Markdown dialect: exact HTML for footnotes, heading anchors, typography
 * and body figures.
 */
import { describe, expect, it } from "vitest";
import {
  createMarkdown,
  findBodyProblems,
  isSourceLink,
  photoUrl,
  slugifyHeading,
  sourceLinkCandidates,
  TOO_DEEPLY_NESTED,
  UNCLOSED_COMMENT,
} from "../lib/pipeline/content/markdown.ts";

const md = createMarkdown();

describe("createMarkdown", () => {
  it("renders a footnote reference and the footnote list", () => {
    expect(md.render("Talks began.[^1]\n\n[^1]: According to the ministry.\n")).toBe(
      '<p>Talks began.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>\n' +
        '<hr class="footnotes-sep">\n' +
        '<section class="footnotes">\n<ol class="footnotes-list">\n' +
        '<li id="fn1" class="footnote-item"><p>According to the ministry. <a href="#fnref1" class="footnote-backref">↩︎</a></p>\n' +
        "</li>\n</ol>\n</section>\n",
    );
  });

  it("gives a second-level heading an ASCII id and a link to itself", () => {
    expect(md.render("## Erdoğan — Ankara\n")).toBe(
      '<h2 id="erdogan-ankara"><a class="header-anchor" href="#erdogan-ankara"><span>Erdoğan — Ankara</span></a></h2>\n',
    );
  });

  it("anchors levels 2 to 4 only", () => {
    expect(md.render("# Top\n\n#### Fourth\n\n##### Fifth\n")).toBe(
      "<h1>Top</h1>\n" +
        '<h4 id="fourth"><a class="header-anchor" href="#fourth"><span>Fourth</span></a></h4>\n' +
        "<h5>Fifth</h5>\n",
    );
  });

  it("keeps repeated heading ids unique", () => {
    expect(md.render("## Talks\n\n## Talks\n")).toBe(
      '<h2 id="talks"><a class="header-anchor" href="#talks"><span>Talks</span></a></h2>\n' +
        '<h2 id="talks-1"><a class="header-anchor" href="#talks-1"><span>Talks</span></a></h2>\n',
    );
  });

  it.each([
    ['"Peace," she said.', "<p>“Peace,” she said.</p>\n"],
    ["The 'red line' held.", "<p>The ‘red line’ held.</p>\n"],
    ["Pages 10--12.", "<p>Pages 10–12.</p>\n"],
    ["A pause---then talks.", "<p>A pause—then talks.</p>\n"],
  ])("makes the punctuation in %s typographic", (source, html) => {
    expect(md.render(source)).toBe(html);
  });

  it("leaves template syntax as literal text", () => {
    expect(md.render("Hello {{ x }} and {% raw %}.\n")).toBe("<p>Hello {{ x }} and {% raw %}.</p>\n");
  });

  it("turns a paragraph holding only an image into a figure with its caption", () => {
    expect(md.render('![Police outside the consulate](2025/a.jpg "The consulate on Monday")\n')).toBe(
      '<figure class="body-figure"><img src="/photos/2025/a.jpg" alt="Police outside the consulate" loading="lazy" decoding="async"><figcaption>The consulate on Monday</figcaption></figure>\n',
    );
  });

  it("leaves out the figcaption when the image has no title", () => {
    expect(md.render("![Police outside](2025/a.jpg)\n")).toBe(
      '<figure class="body-figure"><img src="/photos/2025/a.jpg" alt="Police outside" loading="lazy" decoding="async"></figure>\n',
    );
  });

  it("keeps a figure between paragraphs in place", () => {
    expect(md.render("Before.\n\n![A](2025/a.jpg)\n\nAfter.\n")).toBe(
      "<p>Before.</p>\n" +
        '<figure class="body-figure"><img src="/photos/2025/a.jpg" alt="A" loading="lazy" decoding="async"></figure>\n' +
        "<p>After.</p>\n",
    );
  });

  it("keeps an image inside a sentence as an inline img", () => {
    expect(md.render("Before ![icon](/assets/icon.png) after.\n")).toBe(
      '<p>Before <img src="/assets/icon.png" alt="icon"> after.</p>\n',
    );
  });

  it("uses the plain text of emphasised alt text", () => {
    expect(md.render("![*Talks* resume](2025/a.jpg)\n")).toBe(
      '<figure class="body-figure"><img src="/photos/2025/a.jpg" alt="Talks resume" loading="lazy" decoding="async"></figure>\n',
    );
  });

  it("escapes markup and ampersands in alt text and caption", () => {
    expect(
      md.render('![<script>alert(1)</script> & co](2025/a.jpg "Cap <script>x</script> & \\"q\\"")\n'),
    ).toBe(
      '<figure class="body-figure"><img src="/photos/2025/a.jpg" alt="&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" loading="lazy" decoding="async"><figcaption>Cap &lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</figcaption></figure>\n',
    );
  });

  it.each([
    ["https://cdn.example/map.png", "https://cdn.example/map.png"],
    ["/assets/logo.png", "/assets/logo.png"],
  ])("keeps the absolute image URL %s", (src, published) => {
    expect(md.render(`![Map](${src} "Map")\n`)).toBe(
      `<figure class="body-figure"><img src="${published}" alt="Map" loading="lazy" decoding="async"><figcaption>Map</figcaption></figure>\n`,
    );
  });

  it("uses a custom renderFigure for stand-alone images only", () => {
    const custom = createMarkdown({
      renderFigure: (image, escapeHtml) =>
        `<x-figure src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" caption="${escapeHtml(image.caption ?? "")}"></x-figure>\n`,
    });
    expect(custom.render('Intro.\n\n![A & B](2025/a.jpg "C")\n\nInline ![y](/assets/y.png) here.\n')).toBe(
      "<p>Intro.</p>\n" +
        '<x-figure src="2025/a.jpg" alt="A &amp; B" caption="C"></x-figure>\n' +
        '<p>Inline <img src="/assets/y.png" alt="y"> here.</p>\n',
    );
  });

  it("passes no caption to renderFigure when the image has no title", () => {
    const seen: unknown[] = [];
    const custom = createMarkdown({
      renderFigure: (image) => {
        seen.push(image);
        return "";
      },
    });
    custom.render("![Police](2025/a.jpg)\n");
    expect(seen).toEqual([{ src: "2025/a.jpg", alt: "Police" }]);
  });

  it("links bare URLs", () => {
    expect(md.render("See https://example.com today.\n")).toBe(
      '<p>See <a href="https://example.com">https://example.com</a> today.</p>\n',
    );
  });
});

describe("slugifyHeading", () => {
  it.each([
    ["Erdoğan — Ankara", "erdogan-ankara"],
    ["  Hello, World!  ", "hello-world"],
    ["Çanakkale İstanbul", "canakkale-istanbul"],
    ["G20 summit: day 2", "g20-summit-day-2"],
    ["Zürich, Genève", "zurich-geneve"],
  ])("turns %s into %s", (text, slug) => {
    expect(slugifyHeading(text)).toBe(slug);
  });
});

describe("photoUrl", () => {
  it.each([
    ["2025/a.jpg", "/photos/2025/a.jpg"],
    ["/assets/logo.png", "/assets/logo.png"],
    ["https://cdn.example/a.jpg", "https://cdn.example/a.jpg"],
    ["data:image/png;base64,AAAA", "data:image/png;base64,AAAA"],
  ])("publishes %s at %s", (src, url) => {
    expect(photoUrl(src)).toBe(url);
  });
});

describe("review fixes", () => {
  const md = createMarkdown();

  it("points an inline body image into /photos/ like a figure", () => {
    expect(md.render("Before ![icon](2025/a.jpg) after.\n")).toBe(
      '<p>Before <img src="/photos/2025/a.jpg" alt="icon"> after.</p>\n',
    );
  });

  it.each([
    ["Kılıçdaroğlu in Ankara", "kilicdaroglu-in-ankara"],
    ["Straße und Łódź", "strasse-und-lodz"],
    ["Ёлка", "section"],
  ])("slugifies %s as %s", (heading, slug) => {
    expect(slugifyHeading(heading)).toBe(slug);
  });
});

describe("raw HTML in a body", () => {
  const md = createMarkdown();

  it.each([
    ["drops a script with its content", "Text.\n\n<script>alert(1)</script>\n", "<p>Text.</p>\n\n"],
    ["drops a style element", "<style>p{color:red}</style>\n\nText.\n", "\n<p>Text.</p>\n"],
    [
      "removes event handlers and inline styles but keeps the text",
      'Hello <span onclick="x()" style="color:red">there</span>.\n',
      "<p>Hello <span>there</span>.</p>\n",
    ],
    ["removes a javascript: URL", '<a href="javascript:alert(1)">x</a>\n', "<p><a>x</a></p>\n"],
    ["drops an iframe", '<iframe src="https://example.org"></iframe>\n\nText.\n', "\n<p>Text.</p>\n"],
    [
      "keeps what a writer may use, such as abbr and tables",
      '<abbr title="North Atlantic Treaty Organization">NATO</abbr> met.\n',
      '<p><abbr title="North Atlantic Treaty Organization">NATO</abbr> met.</p>\n',
    ],
    ["writes void elements without a slash", "<b>x</b>\n\n---\n", "<p><b>x</b></p>\n<hr>\n"],
  ])("%s", (_case, source, html) => {
    expect(md.render(source)).toBe(html);
  });
});

describe("findBodyProblems", () => {
  it("spells out its messages", () => {
    expect(UNCLOSED_COMMENT).toBe('an HTML comment is never closed — end it with "-->" or remove it');
    expect(TOO_DEEPLY_NESTED).toBe(
      'quotes or lists are nested too deeply, so Markdown would drop the text inside — use at most a few levels of ">" or list indents',
    );
  });

  it.each<[string, string, { line: number; message: string }[]]>([
    [
      "an unclosed comment block",
      "One.\n\n<!-- editor: check the quote\n\nTwo.\n",
      [{ line: 3, message: UNCLOSED_COMMENT }],
    ],
    [
      "a comment ended with --!>",
      "One.\n\n<!-- check --!>\n\nTwo.\n",
      [{ line: 3, message: UNCLOSED_COMMENT }],
    ],
    ["an unclosed comment in a paragraph", "One\nand <!-- two\n", [{ line: 2, message: UNCLOSED_COMMENT }]],
    [
      "an unclosed comment inside a div",
      "<div>\n<!-- note\n</div>\n\nText.\n",
      [{ line: 2, message: UNCLOSED_COMMENT }],
    ],
    [
      "an unclosed comment in a quote",
      "> Quote.\n>\n> <!-- check\n",
      [{ line: 3, message: UNCLOSED_COMMENT }],
    ],
    ["5,000 nested quotes", `One.\n\n${">".repeat(5000)} deep\n`, [{ line: 3, message: TOO_DEEPLY_NESTED }]],
    [
      "a list nested 60 deep",
      Array.from({ length: 60 }, (_, depth) => `${"  ".repeat(depth)}- item`).join("\n"),
      [{ line: 50, message: TOO_DEEPLY_NESTED }],
    ],
    ["closed and empty comments", "One <!-- a --> two <!----> <!-->\n\n<!--\nblock\n-->\n", []],
    [
      "comment markers in code",
      "Write `<!--` to start.\n\n    <!-- indented code\n\n```\n<!-- fenced\n```\n",
      [],
    ],
    ["quotes nested 20 deep", `${"> ".repeat(20)}deep\n`, []],
  ])("reports %s", (_name, body, expected) => {
    expect(findBodyProblems(body)).toEqual(expected);
  });

  it("reports what the renderer would otherwise drop: the deep quote's text is missing from the HTML", () => {
    expect(md.render(`${">".repeat(5000)} The quote.\n`)).not.toContain("The quote.");
  });
});

describe("links to issues' source files", () => {
  const issueUrls = new Map([
    ["src/issues/2025/istanbul-embassy-talks.md", "/2025/04/istanbul-embassy-talks/"],
  ]);
  const render = (body: string) =>
    md.render(body, { sourceFile: "src/issues/2026/second-round.md", issueUrls, issuesDir: "src/issues" });

  it.each<[string, string, string]>([
    ["relative", "../2025/istanbul-embassy-talks.md", "/2025/04/istanbul-embassy-talks/"],
    ["from src/issues/", "src/issues/2025/istanbul-embassy-talks.md", "/2025/04/istanbul-embassy-talks/"],
    ["from the issues folder", "2025/istanbul-embassy-talks.md", "/2025/04/istanbul-embassy-talks/"],
    [
      "with a heading fragment",
      "../2025/istanbul-embassy-talks.md#the-talks",
      "/2025/04/istanbul-embassy-talks/#the-talks",
    ],
  ])("rewrites a link %s to the issue's URL", (_name, href, url) => {
    expect(render(`See [the first round](${href}).`)).toBe(
      `<p>See <a href="${url}">the first round</a>.</p>\n`,
    );
  });

  it("leaves a web link ending in .md as it is", () => {
    expect(render("See [notes](https://example.org/notes.md).")).toBe(
      '<p>See <a href="https://example.org/notes.md">notes</a>.</p>\n',
    );
  });

  it("tells source links from others", () => {
    expect(
      ["../a.md", "a.md#x", "/src/issues/a.md", "https://x.org/a.md", "#a.md", "a.mdx"].map(isSourceLink),
    ).toEqual([true, true, true, false, false, false]);
  });

  it("resolves a link relative to the file, then from the issues folder", () => {
    expect(sourceLinkCandidates("src/issues/2026/a.md", "../2025/b.md#talks", "src/issues")).toEqual({
      files: ["src/issues/2025/b.md"],
      fragment: "#talks",
      path: "../2025/b.md",
    });
    expect(sourceLinkCandidates("src/issues/2026/a.md", "2025/b.md", "src/issues").files).toEqual([
      "src/issues/2026/2025/b.md",
      "src/issues/2025/b.md",
    ]);
  });
});
