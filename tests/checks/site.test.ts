/**
 * The built site as the checks see it: how a problem is printed, how a page's file becomes its URL
 * path and back (the way a static host serves it), and how a URL found in a page resolves.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CheckProblem,
  count,
  formatKb,
  formatProblem,
  listFiles,
  makeSite,
  normaliseOrigin,
  pagePath,
  resolveFile,
} from "../../lib/checks/site.ts";

const FILES = ["index.html", "2025/04/alpha/index.html", "assets/site.css", "archive/index.html", "404.html"];
const has = (file: string): boolean => FILES.includes(file);
const ORIGIN = "https://dateline.example";

describe("formatProblem", () => {
  it.each<[CheckProblem, string]>([
    [{ file: "a/index.html", message: "broken link" }, "a/index.html: broken link"],
    [
      { file: "a/index.html", source: "src/issues/2025/a.md", message: "too big" },
      "a/index.html (from src/issues/2025/a.md): too big",
    ],
    [
      { file: "a/index.html", source: "src/issues/2025/a.md", field: "photo", message: "too big" },
      "a/index.html (from src/issues/2025/a.md): photo: too big",
    ],
  ])("prints %j as %s", (problem, line) => {
    expect(formatProblem(problem)).toBe(line);
  });
});

describe("pagePath", () => {
  it.each([
    ["index.html", "/"],
    ["2025/04/alpha/index.html", "/2025/04/alpha/"],
    ["404.html", "/404.html"],
    ["about/email.html", "/about/email.html"],
    ["notindex.html", "/notindex.html"],
  ])("serves %s at %s", (file, urlPath) => {
    expect(pagePath(file)).toBe(urlPath);
  });
});

describe("resolveFile", () => {
  it.each([
    ["/", "index.html", true],
    ["/2025/04/alpha/", "2025/04/alpha/index.html", true],
    ["/2025/04/alpha", "2025/04/alpha/index.html", true],
    ["/assets/site.css", "assets/site.css", true],
    ["//assets/site.css", "assets/site.css", true],
    ["/2025/04/gone/", "2025/04/gone/index.html", false],
    ["/assets/gone.css", "assets/gone.css", false],
    ["/archive%2Findex.html", "archive/index.html", true],
    ["/bad%E0%A4%A", "bad%E0%A4%A", false],
  ])("maps %s to %s (exists: %s)", (urlPath, file, exists) => {
    expect(resolveFile({ has }, urlPath)).toEqual({ file, exists });
  });
});

describe("a site's resolve", () => {
  const site = makeSite("/nowhere", FILES, ORIGIN);
  const onAlpha = `${ORIGIN}/2025/04/alpha/`;

  it.each([
    ["a root-relative page", "/archive/", { file: "archive/index.html", exists: true, hash: "" }],
    ["a relative page with a fragment", "../../../#top", { file: "index.html", exists: true, hash: "#top" }],
    ["a same-page fragment", "#notes", { file: "2025/04/alpha/index.html", exists: true, hash: "#notes" }],
    [
      "an absolute URL on the site's origin",
      `${ORIGIN}/2025/04/gone/`,
      { file: "2025/04/gone/index.html", exists: false, hash: "" },
    ],
    ["another origin", "https://example.org/archive/", "external"],
    ["a protocol-relative URL to another host", "//example.org/archive/", "external"],
    ["mailto:", "mailto:desk@dateline.example", "external"],
    ["data:", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "external"],
    ["an unparsable URL", "https://[bad/", "invalid"],
  ])("resolves %s", (_name, value, expected) => {
    expect(site.resolve(value, onAlpha)).toEqual(expected);
  });

  it("resolves a relative URL against each page's own base, not the first page's", () => {
    expect(site.resolve("../alpha/", `${ORIGIN}/2025/04/bravo/`)).toMatchObject({
      file: "2025/04/alpha/index.html",
    });
    expect(site.resolve("../alpha/", `${ORIGIN}/2025/`)).toMatchObject({
      file: "alpha/index.html",
      exists: false,
    });
  });

  it("counts relative URLs as internal when the origin is unknown", () => {
    const unknown = makeSite("/nowhere", FILES, undefined);
    expect(unknown.resolve("/archive/", "https://site.invalid/")).toMatchObject({ exists: true });
    expect(unknown.resolve(`${ORIGIN}/archive/`, "https://site.invalid/")).toBe("external");
  });
});

describe("normaliseOrigin", () => {
  it.each([
    [undefined, undefined],
    ["https://dateline.example", ORIGIN],
    ["https://dateline.example/", ORIGIN],
    ["https://Dateline.Example/any/path?q=1", ORIGIN],
    ["http://localhost:8080/", "http://localhost:8080"],
  ])("turns %s into %s", (origin, expected) => {
    expect(normaliseOrigin(origin)).toBe(expected);
  });
});

describe("formatKb and count", () => {
  it.each([
    [0, "0 KB"],
    [1024, "1 KB"],
    [1536, "1.5 KB"],
    [132921, "129.8 KB"],
    [40 * 1024 + 1, "40 KB"],
  ])("formatKb(%i) is %s", (bytes, text) => {
    expect(formatKb(bytes)).toBe(text);
  });

  it.each([
    [0, "page", "0 pages"],
    [1, "problem", "1 problem"],
    [2, "problem", "2 problems"],
    [1370, "page", "1,370 pages"],
  ])("count(%i, %s) is %s", (n, noun, text) => {
    expect(count(n, noun)).toBe(text);
  });
});

describe("listFiles", () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it("lists every file, site-relative with / separators and sorted, and no folder", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dateline-list-files-"));
    roots.push(root);
    for (const file of ["b.html", "a/z.css", "a/b/index.html", "A.txt"]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "");
    }
    mkdirSync(path.join(root, "empty"));
    expect(listFiles(root)).toEqual(["A.txt", "a/b/index.html", "a/z.css", "b.html"]);
  });
});
