/** Which rendition a browser picks: srcset parsing, `sizes` at a viewport, candidate choice. */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import {
  evaluateSizes,
  matchesMedia,
  parseSrcset,
  pickCandidate,
  pickImageUrl,
} from "../../lib/checks/images.ts";
import { pagePath, resolveFile } from "../../lib/checks/site.ts";

describe("parseSrcset", () => {
  it.each([
    [
      "/a-400.jpg 400w, /a-800.jpg 800w",
      [
        { url: "/a-400.jpg", width: 400 },
        { url: "/a-800.jpg", width: 800 },
      ],
    ],
    [
      "/a.jpg, /a@2x.jpg 2x",
      [
        { url: "/a.jpg", density: 1 },
        { url: "/a@2x.jpg", density: 2 },
      ],
    ],
    [
      "  /a,b.jpg 1x ,/c.jpg 1.5x",
      [
        { url: "/a,b.jpg", density: 1 },
        { url: "/c.jpg", density: 1.5 },
      ],
    ],
    // Without whitespace after the comma it is part of the URL, as browsers read it too.
    ["/a.jpg,/b.jpg 2x", [{ url: "/a.jpg,/b.jpg", density: 2 }]],
    [
      "/a.jpg, /b.jpg 2x",
      [
        { url: "/a.jpg", density: 1 },
        { url: "/b.jpg", density: 2 },
      ],
    ],
    ["", []],
  ])("%j", (srcset, expected) => {
    expect(parseSrcset(srcset)).toEqual(expected);
  });
});

describe("evaluateSizes at a 400px viewport", () => {
  it.each([
    [undefined, 400],
    ["100vw", 400],
    ["(min-width: 760px) 680px, 100vw", 400],
    ["(max-width: 600px) 90vw, 680px", 360],
    ["(min-width: 20em) 300px, 100vw", 300],
    ["(min-width: 300px) and (max-width: 500px) 250px, 100vw", 250],
    ["calc(100vw - 2rem)", 400],
    ["(orientation: portrait) 50vw, 80vw", 320],
  ])("%j → %ipx", (sizes, expected) => {
    expect(evaluateSizes(sizes, 400)).toBe(expected);
  });

  it("reads media conditions in px and em", () => {
    expect(matchesMedia("(min-width: 400px)", 400)).toBe(true);
    expect(matchesMedia("(max-width: 24em)", 400)).toBe(false);
  });
});

describe("pickCandidate", () => {
  const widths = [400, 800, 1600].map((width) => ({ url: `w${width}`, width }));
  it.each([
    [400, 2, "w800"],
    [400, 1, "w400"],
    [680, 2, "w1600"],
    [1000, 2, "w1600"],
  ])("a %ipx slot at DPR %i takes %s", (slot, dpr, expected) => {
    expect(pickCandidate(widths, slot, dpr)?.url).toBe(expected);
  });
});

describe("pickImageUrl", () => {
  const viewport = { width: 400, dpr: 2 };
  it.each([
    ['<img src="/o.jpg" alt="">', "/o.jpg"],
    ['<img src="/o.jpg" srcset="/a-400.jpg 400w, /a-800.jpg 800w" sizes="50vw" alt="">', "/a-400.jpg"],
    ['<img src="/o.jpg" srcset="/hi.jpg 2x" alt="">', "/hi.jpg"],
    [
      '<picture><source type="image/jxl" srcset="/a.jxl 800w"><source type="image/avif" srcset="/a.avif 800w"><img src="/o.jpg" alt=""></picture>',
      "/a.avif",
    ],
    [
      '<picture><source media="(min-width: 800px)" srcset="/wide.webp 1600w"><img src="/o.jpg" srcset="/n.jpg 800w" alt=""></picture>',
      "/n.jpg",
    ],
  ])("%s → %s", (markup, expected) => {
    const $ = load(markup);
    expect(pickImageUrl($, $("picture, img").first(), viewport)).toBe(expected);
  });
});

describe("site paths", () => {
  const files = new Set(["index.html", "about/index.html", "assets/site.css", "404.html"]);
  const site = { has: (file: string) => files.has(file) };
  it.each([
    ["/", "index.html", true],
    ["/about/", "about/index.html", true],
    ["/about", "about/index.html", true],
    ["/assets/site.css", "assets/site.css", true],
    ["/gone/", "gone/index.html", false],
    ["/caf%C3%A9/", "café/index.html", false],
  ])("%s → %s", (urlPath, file, exists) => {
    expect(resolveFile(site, urlPath)).toEqual({ file, exists });
  });

  it("serves index.html as its folder", () => {
    expect(pagePath("2025/04/alpha/index.html")).toBe("/2025/04/alpha/");
    expect(pagePath("index.html")).toBe("/");
    expect(pagePath("404.html")).toBe("/404.html");
  });
});
