/**
 * Templates read their view and the site's shell, nothing else: no front matter (`.data.`), and
 * no site path written out that lib/contract/urls.ts owns (they take it from `paths`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_PATHS } from "../lib/contract/urls.ts";

const root = path.resolve(import.meta.dirname, "..");

const templates = ["src", "_includes"].flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".njk"))
    .map((file) => path.posix.join(dir, file.split(path.sep).join("/"))),
);

/** The template without its comments (Nunjucks `{# … #}`, YAML `# …`), lines kept in place. */
function withoutComments(text: string): string {
  return text
    .replace(/\{#[\s\S]*?#\}/g, (comment) => comment.replace(/[^\n]/g, ""))
    .replace(/^[ \t]*#.*$/gm, "");
}

/** Lines of a template, comments left out, that match, as `file:line: text`. */
function offending(file: string, test: (line: string) => boolean): string[] {
  return withoutComments(readFileSync(path.join(root, file), "utf8"))
    .split("\n")
    .flatMap((line, index) => (test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe("templates", () => {
  it("finds the templates", () => {
    expect(templates).toContain("_includes/layouts/issue.njk");
    expect(templates.length).toBeGreaterThan(15);
  });

  it("never read front matter: an issue's fields come from its view", () => {
    expect(templates.flatMap((file) => offending(file, (line) => /\.data\./.test(line)))).toEqual([]);
  });

  it("never write out a site path that urls.ts owns", () => {
    const paths = Object.values(PAGE_PATHS).filter((value) => value !== "/");
    const written = (line: string) =>
      paths.some((value) => line.includes(value)) ||
      /(?:href|action|src)="\/"|==\s*"\/"|:\s*\/\s*$/.test(line);
    expect(templates.flatMap((file) => offending(file, written))).toEqual([]);
  });

  it("never read the data files' records: what a page shows of a topic or an author is in its view", () => {
    const records =
      /\b(?:in|of)\s+(?:topics|authors|people|places|organisations|threads)\b|\b(?:topics|authors|people|places|organisations|threads)\[|feeds\.(?:topicFeed|entityFeed)\(/;
    expect(templates.flatMap((file) => offending(file, (line) => records.test(line)))).toEqual([]);
  });

  it("can fail: the rules catch what they are for", () => {
    expect(withoutComments('{#- /archive/ -#}\n# /archive/\n<a href="/archive/">')).toBe(
      '\n\n<a href="/archive/">',
    );
    expect(/\.data\./.test("{{ issue.data.title }}")).toBe(true);
    expect(Object.values(PAGE_PATHS).some((value) => '<a href="/archive/">'.includes(value))).toBe(true);
  });
});
