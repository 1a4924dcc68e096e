/**
 * `checkSite` on the fixture site: zero problems as built (the build refuses to publish otherwise),
 * then one broken copy per check, each giving exactly the expected lines.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CheckOptions,
  checkSite,
  DEFAULT_BUDGETS,
  formatProblem,
  formatReport,
} from "../../lib/checks/index.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";
import {
  copySite,
  editJsonLd,
  hashedFile,
  ISSUE_PAGES,
  insertAfter,
  LEAD_PHOTO,
  lineAndColumn,
  photoFile,
  removeCopies,
  renditionWidths,
  replaceLeadImage,
  SITE_CARD,
  type SiteCopy,
} from "./site-copy.ts";

let fixture: FixtureSite;
/** One cache for the file: every broken copy is checked warm, so each test also proves a warm cache hides nothing. */
const cacheDir = mkdtempSync(path.join(tmpdir(), "dateline-check-cache-"));

beforeAll(() => {
  fixture = sharedSite("standard");
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.stderr}`);
});
afterAll(() => {
  removeCopies();
  fixture?.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** The problem lines `checkSite` prints for a directory. */
async function problemLines(dir: string, options: CheckOptions = {}): Promise<string[]> {
  return (await checkSite(dir, { cacheDir, ...options })).problems.map(formatProblem);
}

/** A copy of the fixture site with one defect made by `breakIt`. */
function broken(breakIt: (site: SiteCopy) => void): SiteCopy {
  const site = copySite(fixture.output);
  breakIt(site);
  return site;
}

/** `N bytes (N KB)` as budget messages print sizes. */
function bytesAndKb(bytes: number): string {
  return `${bytes} bytes (${Number((bytes / 1024).toFixed(1))} KB)`;
}

const ALPHA = "2025/04/alpha/index.html";
const BRAVO = "2025/04/bravo/index.html";
const CHARLIE = "2025/04/charlie/index.html";
const BODY = '<main id="main" class="issue-page">';
const ORIGIN = "https://dateline.example";

describe("the fixture site", () => {
  it("as built has zero problems, and says what it checked", async () => {
    const report = await checkSite(fixture.output, { cacheDir: false });
    // 35 pages: 21, the 8 people, places and organisations of _data/ and their 3 indexes, the
    // corrections ledger, the thread index and the one thread's page; 18 feeds: 8, each
    // entity's Atom feed, the corrections feed and the thread's feed.
    expect(formatReport(report)).toEqual(["checked 35 pages, 18 feeds, 2 sitemaps: 0 problems"]);
  });
});

describe("HTML", () => {
  it("reports an invalid element with its line, column and rule", async () => {
    const site = broken((copy) => copy.edit(ALPHA, (html) => insertAfter(html, BODY, "<blink>Old</blink>")));
    const html = site.read(ALPHA);
    // html-validate points at the tag name, just after the `<`.
    const at = lineAndColumn(html, html.indexOf("<blink>") + 1);
    expect(await problemLines(site.dir)).toEqual([`${ALPHA}: ${at} deprecated: <blink> is deprecated`]);
  });
});

describe("links", () => {
  it("reports an internal link to a page that does not exist", async () => {
    const site = broken((copy) =>
      copy.edit(ALPHA, (html) => insertAfter(html, BODY, '<p><a href="/2025/04/gone/">Gone</a></p>')),
    );
    expect(await problemLines(site.dir)).toEqual([
      `${ALPHA}: broken link <a href="/2025/04/gone/">: no file 2025/04/gone/index.html`,
    ]);
  });

  it("reports a missing fragment on the same page and on another page", async () => {
    const links = '<p><a href="#nowhere">Here</a> <a href="/2025/04/bravo/#nowhere">There</a></p>';
    const site = broken((copy) => copy.edit(ALPHA, (html) => insertAfter(html, BODY, links)));
    expect(await problemLines(site.dir)).toEqual([
      `${ALPHA}: missing fragment <a href="#nowhere">: no id="nowhere" on this page`,
      `${ALPHA}: missing fragment <a href="/2025/04/bravo/#nowhere">: no id="nowhere" in ${BRAVO}`,
    ]);
  });

  it("treats absolute URLs on the site's origin as internal, and ignores mailto:, tel:, data: and other origins", async () => {
    const links = [
      '<p><a href="https://dateline.example/2025/04/gone/">Gone</a>',
      '<a href="mailto:desk@dateline.example">Mail</a> <a href="tel:+441234">Call</a>',
      '<a href="https://example.org/nope/">Elsewhere</a></p>',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" width="1" height="1">',
    ].join("");
    const site = broken((copy) => copy.edit(ALPHA, (html) => insertAfter(html, BODY, links)));
    expect(await problemLines(site.dir)).toEqual([
      `${ALPHA}: broken link <a href="https://dateline.example/2025/04/gone/">: no file 2025/04/gone/index.html`,
    ]);
  });
});

describe("feeds", () => {
  const alphaEntry = "entry 3 (https://dateline.example/2025/04/alpha/)";

  it("reports a relative link in entry content", async () => {
    const site = broken((copy) =>
      copy.edit("feed.xml", (xml) =>
        xml.replace("href=&quot;https://dateline.example/archive/&quot;", "href=&quot;/archive/&quot;"),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([
      `feed.xml: ${alphaEntry}: relative URL in content: <a href="/archive/">`,
    ]);
  });

  it("reports an entry without <updated>", async () => {
    const site = broken((copy) =>
      copy.edit("feed.xml", (xml) => xml.replace(/\n\s*<updated>2025-04-10T16:30:00\+03:00<\/updated>/, "")),
    );
    expect(await problemLines(site.dir)).toEqual([`feed.xml: ${alphaEntry}: missing <updated>`]);
  });

  it("reports two entries with the same id", async () => {
    const site = broken((copy) =>
      copy.edit("feed.xml", (xml) =>
        xml.replace(
          "<id>https://dateline.example/2025/04/bravo/</id>",
          "<id>https://dateline.example/2025/04/charlie/</id>",
        ),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([
      "feed.xml: entry 2 (https://dateline.example/2025/04/charlie/): same id as entry 1",
    ]);
  });

  it("reports a self link that is not the feed's own URL", async () => {
    const site = broken((copy) =>
      copy.edit("rss.xml", (xml) =>
        xml.replace(
          '<atom:link href="https://dateline.example/rss.xml" rel="self"',
          '<atom:link href="https://dateline.example/feed.rss" rel="self"',
        ),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([
      "rss.xml: self link https://dateline.example/feed.rss is not this feed's URL https://dateline.example/rss.xml",
    ]);
  });

  it("reports an unbound namespace prefix, and a JSON Feed item a client cannot link", async () => {
    const site = broken((copy) => {
      copy.edit("topics/russia/feed.xml", (xml) =>
        xml.replace(' xmlns:media="http://search.yahoo.com/mrss/"', ""),
      );
      copy.edit("feed.json", (json) =>
        json.replace('"url": "https://dateline.example/2025/04/charlie/"', '"url": "/2025/04/charlie/"'),
      );
    });
    const lines = await problemLines(site.dir);
    expect(lines).toEqual([
      'feed.json: item 1 (https://dateline.example/2025/04/charlie/): "url" "/2025/04/charlie/" is not an absolute URL',
      'feed.json: a feed client reads entry 1 with link "", not an absolute URL',
      expect.stringMatching(
        /^topics\/russia\/feed\.xml: not well-formed XML: \d+:\d+: unbound namespace prefix: "media"/,
      ),
    ]);
  });
});

describe("structured data and sitemaps", () => {
  it("reports a JSON-LD block that does not parse", async () => {
    const site = broken((copy) =>
      copy.edit(CHARLIE, (html) =>
        html.replace('"@type":"OpinionNewsArticle",', '"@type":"OpinionNewsArticle",,'),
      ),
    );
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(site.read(CHARLIE))?.[1] ?? "";
    const error = (() => {
      try {
        JSON.parse(json);
        return "";
      } catch (parseError) {
        return (parseError as Error).message;
      }
    })();
    expect(error).not.toBe("");
    expect(await problemLines(site.dir)).toEqual([`${CHARLIE}: JSON-LD block 1 does not parse: ${error}`]);
  });

  it("reports a NewsArticle without an author", async () => {
    const site = broken((copy) =>
      copy.edit(ALPHA, (html) =>
        editJsonLd(html, (article) => {
          delete article.author;
        }),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([`${ALPHA}: NewsArticle: author: missing`]);
  });

  it("reports a NewsArticle without an image", async () => {
    const site = broken((copy) =>
      copy.edit(ALPHA, (html) =>
        editJsonLd(html, (article) => {
          delete article.image;
        }),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([`${ALPHA}: NewsArticle: image: missing`]);
  });

  it("reports a NewsArticle modified before it was published, with a date without an offset", async () => {
    const site = broken((copy) =>
      copy.edit(ALPHA, (html) =>
        editJsonLd(html, (article) => {
          article.dateModified = "2025-04-09T10:00:00+03:00";
          article.datePublished = "2025-04-10T16:30:00";
        }),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([
      `${ALPHA}: NewsArticle: datePublished: "2025-04-10T16:30:00" is not an ISO 8601 date-time with an offset`,
      `${ALPHA}: NewsArticle: dateModified 2025-04-09T10:00:00+03:00 is before datePublished 2025-04-10T16:30:00`,
    ]);
  });

  it("reports a sitemap URL with no page", async () => {
    const site = broken((copy) =>
      copy.edit("sitemap.xml", (xml) =>
        insertAfter(
          xml,
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
          "\n  <url><loc>https://dateline.example/2025/04/gone/</loc></url>",
        ),
      ),
    );
    expect(await problemLines(site.dir)).toEqual([
      "sitemap.xml: <loc>https://dateline.example/2025/04/gone/</loc> has no page (no file 2025/04/gone/index.html)",
    ]);
  });
});

describe("files that pages and metadata promise", () => {
  it("reports a lead photo missing from the output everywhere its page references it", async () => {
    const file = (variant: string, ext: string): string =>
      photoFile(fixture.output, LEAD_PHOTO, variant, ext);
    const candidates = (tag: string, ext: string): string[] =>
      renditionWidths(fixture.output, LEAD_PHOTO, ext).map((width) => {
        const rendition = file(String(width), ext);
        return `${BRAVO}: broken link <${tag} srcset> candidate "/${rendition}": no file ${rendition}`;
      });
    const fallback = file("1200", "jpg");
    const share = file("og", "jpg");
    const site = broken((copy) => {
      const folder = path.dirname(path.join(copy.dir, LEAD_PHOTO));
      const name = `${path.basename(LEAD_PHOTO)}-`;
      for (const entry of readdirSync(folder).filter((entry) => entry.startsWith(name))) {
        rmSync(path.join(folder, entry));
      }
    });
    expect(await problemLines(site.dir)).toEqual([
      // The email edition shows the same JPEG, by its absolute URL (lib/checks/email.ts).
      `${BRAVO.replace("index.html", "email.html")}: broken link <img src="${ORIGIN}/${fallback}">: no file ${fallback}`,
      `${BRAVO}: broken link <img src="/${fallback}">: no file ${fallback}`,
      ...candidates("source", "avif"),
      ...candidates("source", "webp"),
      ...candidates("img", "jpg"),
      `${BRAVO}: broken link <meta property="og:image" content="${ORIGIN}/${share}">: no file ${share}`,
      `${BRAVO}: broken link <meta name="twitter:image" content="${ORIGIN}/${share}">: no file ${share}`,
      ...["16x9", "4x3", "1x1"].map((crop) => {
        const cropFile = file(crop, "jpg");
        return `${BRAVO}: NewsArticle: image ${ORIGIN}/${cropFile} has no file (${cropFile})`;
      }),
    ]);
  });

  it("reports a missing site card on every issue that falls back to it", async () => {
    const card = photoFile(fixture.output, SITE_CARD, "16x9", "jpg");
    const site = broken((copy) => rmSync(path.join(copy.dir, card)));
    expect(await problemLines(site.dir)).toEqual(
      [ALPHA, CHARLIE, "2025/04/old-news/index.html"].map(
        (page) => `${page}: NewsArticle: image ${ORIGIN}/${card} has no file (${card})`,
      ),
    );
  });

  it("reports a sitemap robots.txt announces but the site lacks", async () => {
    const site = broken((copy) => rmSync(path.join(copy.dir, "news-sitemap.xml")));
    const report = await checkSite(site.dir, { cacheDir: false });
    expect(formatReport(report)).toEqual([
      "robots.txt: Sitemap: https://dateline.example/news-sitemap.xml is missing (no file news-sitemap.xml)",
      "checked 35 pages, 18 feeds, 1 sitemap: 1 problem",
    ]);
  });
});

describe("budgets", () => {
  it("reports each issue page and stylesheet over a (small) budget", async () => {
    const css = fixture.read("index.html").match(/href="\/(assets\/css\/[^"]+\.css)"/)?.[1] ?? "";
    const size = (file: string): number => statSync(path.join(fixture.output, file)).size;
    const lines = await problemLines(fixture.output, { budgets: { issuePageBytes: 1024, cssBytes: 2048 } });
    expect(lines).toEqual([
      ...ISSUE_PAGES.map((page) => `${page}: issue page is ${bytesAndKb(size(page))}, over the 1 KB budget`),
      `${css}: stylesheet is ${bytesAndKb(size(css))}, over the 2 KB budget`,
    ]);
  });

  it("reports a script on a reading page unless the page is allowed one", async () => {
    const site = broken((copy) => {
      // With the integrity html-validate asks for (require-sri), so only the budget complains.
      const script = "console.log('hello');\n";
      const integrity = `sha384-${createHash("sha384").update(script).digest("base64")}`;
      copy.write("assets/app.js", script);
      copy.edit("about/index.html", (html) =>
        html.replace(
          "</head>",
          `<script src="/assets/app.js" integrity="${integrity}" defer></script>\n</head>`,
        ),
      );
    });
    const aboutScript = 'about/index.html: JavaScript on a reading page: <script src="/assets/app.js">';
    expect(await problemLines(site.dir)).toEqual([aboutScript]);
    const scriptPages = [...DEFAULT_BUDGETS.scriptPages, "/about/"];
    expect(await problemLines(site.dir, { budgets: { scriptPages } })).toEqual([]);
    // Search's own script passes only because search is allowed one by default.
    const search = hashedFile(fixture.output, "assets/js/search", "js", 10);
    expect(await problemLines(site.dir, { budgets: { scriptPages: [] } })).toEqual([
      aboutScript,
      `search/index.html: JavaScript on a reading page: <script src="/${search}">`,
    ]);
  });

  describe("the lead photo", () => {
    const kb = 1024;
    /** Bravo as built, with some of its lead photo's files resized: `{ "800.avif": 130 * kb }`. */
    function leadWithSizes(sizes: Record<string, number>): SiteCopy {
      return broken((copy) => {
        for (const [name, bytes] of Object.entries(sizes)) {
          const [variant = "", ext = ""] = name.split(".");
          copy.write(photoFile(copy.dir, LEAD_PHOTO, variant, ext), Buffer.alloc(bytes));
        }
      });
    }

    it("weighs the AVIF rendition a 400px, DPR 2 screen picks (800w), not the others", async () => {
      const site = leadWithSizes({
        "800.avif": 130 * kb,
        "1600.avif": 300 * kb,
        "800.webp": 200 * kb,
        "800.jpg": 200 * kb,
        "1200.jpg": 200 * kb,
      });
      const picked = photoFile(site.dir, LEAD_PHOTO, "800", "avif");
      expect(await problemLines(site.dir)).toEqual([
        `${BRAVO}: lead image /${picked} (picked at a 400px viewport, DPR 2) is ${bytesAndKb(130 * kb)}, over the 120 KB budget`,
      ]);
    });

    it("passes when that rendition is within budget, however big the fallbacks are", async () => {
      const site = leadWithSizes({
        "800.avif": 120 * kb,
        "1600.jpg": 500 * kb,
        "800.webp": 200 * kb,
        "1200.jpg": 200 * kb,
      });
      expect(await problemLines(site.dir)).toEqual([]);
    });

    it("weighs the src when the lead <img> has no srcset", async () => {
      const fallback = photoFile(fixture.output, LEAD_PHOTO, "1200", "jpg");
      const site = broken((copy) => {
        copy.write(fallback, Buffer.alloc(121 * kb));
        const img = `<img src="/${fallback}" alt="A striped placeholder panel" width="1200" height="675">`;
        copy.edit(BRAVO, (html) => replaceLeadImage(html, img));
      });
      expect(await problemLines(site.dir)).toEqual([
        `${BRAVO}: lead image /${fallback} (picked at a 400px viewport, DPR 2) is ${bytesAndKb(121 * kb)}, over the 120 KB budget`,
      ]);
    });
  });
});
