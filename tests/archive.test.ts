/**
 * The archive as a reader gets it from a real build: `/archive/` lists years and months with
 * counts, each year page lists its issues by month (newest first) with a fragment per month,
 * years link to each other, and every page is valid HTML with one h1.
 */
import { type CheerioAPI, load } from "cheerio";
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";

/** 2026-01-02T00:00:00Z: after every issue below. */
const EPOCH = 1767312000;

const issue = (title: string, date: string, topics: string[] = ["diplomacy"]) =>
  issueFile({ title, dek: `${title}, for the archive test.`, date, authors: ["ayse-demir"], topics });

const issues: Record<string, string> = {
  "2024/december-talks.md": issue("December talks", "2024-12-05T10:00:00+03:00"),
  "2025/january-one.md": issue("January one", "2025-01-08T10:00:00+03:00"),
  "2025/january-two.md": issue("January two", "2025-01-20T10:00:00+03:00"),
  "2025/april-one.md": issue("April one", "2025-04-02T10:00:00+03:00", ["russia", "diplomacy"]),
  "2025/april-two.md": issue("April two", "2025-04-30T18:00:00+03:00", ["russia"]),
  "2025/april-three.md": issue("April three", "2025-04-15T12:00:00+03:00", ["turkey"]),
  // 23:30 UTC on 31 December is 02:30 on 1 January in Istanbul: an issue of 2026.
  "2025/new-year.md": issue("New year in Istanbul", "2025-12-31T23:30:00Z"),
};

let site: FixtureSite;
beforeAll(() => {
  site = buildFixtureSite({ issues, epoch: EPOCH });
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});
afterAll(() => site?.remove());

const page = (file: string): CheerioAPI => load(site.read(file));
const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => $(element).text().replace(/\s+/g, " ").trim())
    .get();
const hrefs = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => $(element).attr("href"))
    .get();

describe("/archive/", () => {
  it("lists the years, newest first, each linked to its page with its count", () => {
    const $ = page("archive/index.html");
    expect(texts($, "h1")).toEqual(["Archive"]);
    expect(texts($, ".archive-year h2")).toEqual(["2026", "2025", "2024"]);
    expect(hrefs($, ".archive-year h2 a")).toEqual(["/archive/2026/", "/archive/2025/", "/archive/2024/"]);
    expect(texts($, ".archive-year > .archive-count")).toEqual(["1 issue", "5 issues", "1 issue"]);
  });

  it("lists each year's months with counts, linked to the month's fragment on the year page", () => {
    const $ = page("archive/index.html");
    const months = $(".archive-year")
      .map((_, year) =>
        $(year)
          .find(".archive-months li")
          .map((__, li) => `${$(li).find("a").attr("href")} ${$(li).text().replace(/\s+/g, " ").trim()}`)
          .get()
          .join(" | "),
      )
      .get();
    expect(months).toEqual([
      "/archive/2026/#january January 1",
      "/archive/2025/#april April 3 | /archive/2025/#january January 2",
      "/archive/2024/#december December 1",
    ]);
  });
});

describe("/archive/<yyyy>/", () => {
  it("lists the year's issues by month, newest first, with their local day", () => {
    const $ = page("archive/2025/index.html");
    expect(texts($, "h1")).toEqual(["Archive 2025"]);
    expect(texts($, "main h2")).toEqual(["April 2025", "January 2025"]);
    expect(
      $(".archive-issues")
        .map((_, list) =>
          $(list)
            .find("li")
            .map((__, li) => `${$(li).find("time").attr("datetime")} ${$(li).text().trim()}`)
            .get()
            .join(" | "),
        )
        .get(),
    ).toEqual([
      "2025-04-30 30 April April two | 2025-04-15 15 April April three | 2025-04-02 2 April April one",
      "2025-01-20 20 January January two | 2025-01-08 8 January January one",
    ]);
    expect(hrefs($, ".archive-issues a")).toEqual([
      "/2025/04/april-two/",
      "/2025/04/april-three/",
      "/2025/04/april-one/",
      "/2025/01/january-two/",
      "/2025/01/january-one/",
    ]);
  });

  it("has the fragment every month link on /archive/ points to", () => {
    const links = hrefs(page("archive/index.html"), ".archive-months a");
    const missing = links.filter((href) => {
      const [pathname, fragment] = href.split("#");
      return page(`${pathname?.slice(1)}index.html`)(`[id="${fragment}"]`).length !== 1;
    });
    expect(links).toHaveLength(4);
    expect(missing).toEqual([]);
  });

  it("files an issue of 23:30 UTC on 31 December under the next year in the site's zone", () => {
    const $ = page("archive/2026/index.html");
    expect(texts($, ".archive-issues li")).toEqual(["1 January New year in Istanbul"]);
    expect(hrefs($, ".archive-issues a")).toEqual(["/2026/01/new-year/"]);
  });

  it.each([
    [
      "2026",
      [
        ["All years", "/archive/"],
        ["2025", "/archive/2025/"],
      ],
      "All years Older: 2025",
    ],
    [
      "2025",
      [
        ["2026", "/archive/2026/"],
        ["All years", "/archive/"],
        ["2024", "/archive/2024/"],
      ],
      "Newer: 2026 All years Older: 2024",
    ],
    [
      "2024",
      [
        ["2025", "/archive/2025/"],
        ["All years", "/archive/"],
      ],
      "Newer: 2025 All years",
    ],
  ])("links %s to the newer and older years in a labelled navigation", (year, links, text) => {
    const $ = page(`archive/${year}/index.html`);
    const nav = $('nav[aria-label="Years"]');
    expect(nav).toHaveLength(1);
    expect(
      nav
        .find("a")
        .map((_, a) => [[$(a).text(), $(a).attr("href")]])
        .get(),
    ).toEqual(links);
    expect(nav.text().replace(/\s+/g, " ").trim()).toBe(text);
  });

  it("publishes one page per year and none for a year without issues", () => {
    expect(() => site.read("archive/2023/index.html")).toThrow(/ENOENT/);
    expect(() => site.read("archive/2025/page/1/index.html")).toThrow(/ENOENT/);
  });
});

describe("the archive pages", () => {
  const files = [
    "archive/index.html",
    "archive/2026/index.html",
    "archive/2025/index.html",
    "archive/2024/index.html",
  ];

  it.each(files)("%s has exactly one h1", (file) => {
    expect(page(file)("h1")).toHaveLength(1);
  });

  it("pass html-validate with the site's configuration", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const reports = await Promise.all(files.map((file) => validator.validateString(site.read(file), file)));
    const failed = reports.filter((report) => !report.valid).flatMap((report) => report.results);
    expect(failed.length ? formatterFactory("text")(failed) : "").toBe("");
  });
});
