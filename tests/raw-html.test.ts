import { describe, expect, it } from "vitest";
import { findUnclosedComment, findUnsafeHtml, sanitizeIssueHtml } from "../lib/pipeline/content/raw-html.ts";

describe("sanitizeIssueHtml", () => {
  it.each([
    [
      "keeps a Markdown page's own h1 beside raw HTML",
      '<h1>About</h1>\n<p><abbr title="x">X</abbr></p>',
      '<h1>About</h1>\n<p><abbr title="x">X</abbr></p>',
    ],
    [
      "keeps h2–h6 and the void elements without a slash",
      "<h2>A</h2><hr><p>a<br>b</p>",
      "<h2>A</h2><hr><p>a<br>b</p>",
    ],
    ["drops a script with its content", "<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>"],
    [
      "drops an event handler and a javascript: link",
      '<a href="javascript:x()" onclick="y()">go</a>',
      "<a>go</a>",
    ],
  ])("%s", (_name, html, kept) => {
    expect(sanitizeIssueHtml(html)).toBe(kept);
  });
});

describe("findUnsafeHtml", () => {
  it.each([
    ["<script>alert(1)</script>", ["a <script> element"]],
    ["<STYLE>p{}</STYLE>", ["a <style> element"]],
    ['<iframe src="x"></iframe>', ["an embedded frame, object or form"]],
    ['<img src="x" onerror="alert(1)">', ["an inline event handler (on…=)"]],
    ['<p style="color:red">x</p>', ["an inline style attribute"]],
    ['<a href="javascript:alert(1)">x</a>', ["a javascript: URL"]],
    ["Plain prose about <b>bold</b> claims and onward = progress.", []],
    ["A [link](https://example.org) in Markdown.", []],
  ])("finds what the policy removes in %s", (source, found) => {
    expect(findUnsafeHtml(source)).toEqual(found);
  });
});

describe("findUnclosedComment", () => {
  it.each<[string, string, number | undefined]>([
    ["a comment with no end", "<p>Hi</p> <!-- check the quote\n\n<p>More</p>", 10],
    ["a comment ended with --!>", "<!-- note --!> <p>More</p>", 0],
    ["a second comment with no end", "<!-- a --> text <!-- b", 16],
    ["a closed comment", "<!-- editor: fine --> text", undefined],
    ["the empty comments <!--> and <!--->", "<!--> a <!---> b", undefined],
    ["a comment with dashes inside", "<!-- a -- b --> c", undefined],
    ["no comment at all", "<p>Plain</p>", undefined],
  ])("finds %s", (_name, html, offset) => {
    expect(findUnclosedComment(html)).toBe(offset);
  });
});
