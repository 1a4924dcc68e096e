/** The dev server's banner: problems and warnings first in the body, as text, and nothing when there are none. */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { insertDevBanner } from "../../lib/eleventy/dev-banner.ts";

const PAGE =
  '<!doctype html><html lang="en"><head><title>T</title></head><body class="x"><main><p>Story</p></main></body></html>';
const PROBLEM = "src/issues/2025/a.md: title: required — write the headline";
const WARNING =
  "src/issues/2025/a.md: body: names Ayşe Demir, who is not in _data/people.ts — add her, or ignore";

describe("insertDevBanner", () => {
  it.each([
    { name: "no problems and no warnings", problems: [], warnings: [], boxes: [] },
    {
      name: "a problem",
      problems: [PROBLEM],
      warnings: [],
      boxes: ["Build failed: 1 problem in the content"],
    },
    {
      name: "two warnings",
      problems: [],
      warnings: [WARNING, WARNING],
      boxes: ["2 warnings in the content"],
    },
    {
      name: "a problem and a warning",
      problems: [PROBLEM],
      warnings: [WARNING],
      boxes: ["Build failed: 1 problem in the content", "1 warning in the content"],
    },
  ])("$name", ({ problems, warnings, boxes }) => {
    const html = insertDevBanner(PAGE, problems, warnings);
    if (boxes.length === 0) {
      expect(html).toBe(PAGE);
      return;
    }
    const $ = load(html);
    // First in the body, before the page's own content.
    expect($("body").children().first().is("section.notice")).toBe(true);
    expect(
      $("body > section.notice h2")
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(boxes);
    expect(
      $("section.content-problems li")
        .map((_, item) => $(item).text())
        .get(),
    ).toEqual(problems);
    expect(
      $("section.content-warnings li")
        .map((_, item) => $(item).text())
        .get(),
    ).toEqual(warnings);
    // A failed build interrupts (role="alert"); warnings do not, and look quieter.
    expect($("section.content-problems").attr("role")).toBe(problems.length > 0 ? "alert" : undefined);
    expect($("section.content-warnings").attr("role")).toBeUndefined();
    expect($("section.content-warnings").hasClass("notice--quiet")).toBe(warnings.length > 0);
    expect($("main p").text()).toBe("Story");
  });

  it("shows a line with markup in it as text", () => {
    const line = 'src/issues/2025/a.md: dek: "<script>alert(1)</script>" is over 200 characters';
    const $ = load(insertDevBanner(PAGE, [], [line]));
    expect($("section.content-warnings li code").text()).toBe(line);
    expect($("script").length).toBe(0);
  });
});
