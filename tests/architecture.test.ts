/**
 * The house rules a newcomer relies on, read from the import statements themselves:
 * data flows one way, and the content contract stays light.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** The module specifiers a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1]);
  const dynamic = [...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
  return [...found, ...dynamic].filter((specifier): specifier is string => specifier !== undefined);
}

/** Every module reachable from `file` through relative imports, and the packages they load. */
function closure(file: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (current: string) => {
    if (files.has(current)) return;
    files.add(current);
    for (const specifier of importsOf(current)) {
      if (specifier.startsWith(".")) visit(path.join(path.dirname(current), specifier));
      else
        packages.add(
          specifier.startsWith("@")
            ? specifier.split("/").slice(0, 2).join("/")
            : (specifier.split("/")[0] ?? ""),
        );
    }
  };
  visit(file);
  return { files, packages };
}

const libFiles = readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts"))
  .map((file) => path.join("lib", file));

describe("the house rules", () => {
  it("lib/ never imports the Eleventy glue in lib/plugins/", () => {
    const offenders = libFiles
      .filter((file) => !file.startsWith(path.join("lib", "plugins")))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => specifier.startsWith("."))
          .map((specifier) => path.join(path.dirname(file), specifier))
          .filter((target) => target.startsWith(path.join("lib", "plugins")))
          .map((target) => `${file} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the content schema loads neither sharp nor Eleventy", () => {
    const { files, packages } = closure("lib/schema.ts");
    expect([...packages].sort()).toEqual(["luxon", "zod"]);
    expect([...files].filter((file) => file.includes("plugins"))).toEqual([]);
  });
});
