import { describe, expect, it } from "vitest";
import { findUnsafeHtml } from "../lib/raw-html.ts";

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
