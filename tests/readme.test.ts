/**
 * The README is the newcomer's map. Each dependency gets a line saying why it is there, and the
 * document stays a document (a bad scripted edit once inflated it to 14 MB and landed).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The `| package | why |` rows of the dependency table. */
const dependencyRows = readme.split("\n").filter((line) => /^\| `[^`]+`/.test(line));

const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
  (name) => !name.startsWith("@types/"),
);

describe("README", () => {
  it.each(packages)("says why %s is a dependency", (name) => {
    const row = dependencyRows.find((line) => line.split("|")[1]?.includes(`\`${name}\``));
    expect(row, `${name} has no row in the README's dependency table`).toBeDefined();
    expect(row?.split("|")[2]?.trim().length ?? 0).toBeGreaterThan(10);
  });

  it("is a document a person can read: under 60 KB, no line repeated", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(60_000);
    const paragraphs = readme.split(/\n{2,}/).filter((paragraph) => paragraph.length > 80);
    expect(paragraphs.length).toBe(new Set(paragraphs).size);
  });

  it("maps the tree: every lib/ folder has a row, and every lib/ path it names exists", () => {
    const map = readme.slice(readme.indexOf("## Where things live"), readme.indexOf("## Pages and feeds"));
    const named = [...map.matchAll(/`(lib\/[\w./-]+)`/g)].map((match) => match[1] ?? "");
    expect(named.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
    const folders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `lib/${entry.name}/`);
    expect(folders.filter((folder) => !map.includes(`\`${folder}`))).toEqual([]);
  });
});
