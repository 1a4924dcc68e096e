/**
 * The house rules a newcomer relies on, read from the import statements themselves (type-only
 * imports included): data flows one way through the layers of lib/, nothing imports in a
 * circle, and only the Eleventy glue knows Eleventy.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** lib/'s layers, lowest first: a module imports only from its own layer or a lower one. */
const LAYERS = [
  "lib/shared/",
  "lib/contract/",
  "lib/pipeline/photos/",
  "lib/pipeline/content/",
  "lib/pipeline/views/",
  "lib/pipeline/",
  "lib/outputs/",
  "lib/build/",
  "lib/search/",
  "lib/checks/",
  "lib/eleventy/",
] as const;

/** The layer a lib/ file belongs to: the longest matching prefix. */
function layerOf(file: string): number {
  let found = -1;
  LAYERS.forEach((prefix, index) => {
    if (file.startsWith(prefix) && (found === -1 || prefix.length > (LAYERS[found]?.length ?? 0)))
      found = index;
  });
  return found;
}

/** The module specifiers a file imports or re-exports: static, type-only and dynamic. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1]);
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+"([^"]+)"/g)].map((m) => m[1]);
  const dynamic = [...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
  return [...found, ...bare, ...dynamic].filter((specifier): specifier is string => specifier !== undefined);
}

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => pattern.test(file))
    .map((file) => path.posix.join(dir, file.split(path.sep).join("/")))
    .sort();
}

const libFiles = listFiles("lib", /\.(ts|mjs)$/);
const codeFiles = [
  ...libFiles,
  ...listFiles("scripts", /\.ts$/),
  ...listFiles("src", /\.11ty\.ts$/),
  ...listFiles("_data", /\.ts$/),
  ...listFiles("netlify/functions", /\.ts$/),
  "eleventy.config.ts",
];

/** Each file's relative imports, resolved to repository paths, and its package imports. */
const graph = new Map(
  codeFiles.map((file) => {
    const specifiers = importsOf(readFileSync(path.join(root, file), "utf8"));
    const local = specifiers
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
    const packages = specifiers.filter(
      (specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:"),
    );
    return [file, { local, packages }] as const;
  }),
);

/** Every strongly connected set of more than one module (or a module importing itself): the circles. */
function circles(nodes: readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.local ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const selfLoop = graph.get(node)?.local.includes(node) ?? false;
      if (group.length > 1 || selfLoop) found.push(group.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

describe("the house rules", () => {
  it("every lib/ file belongs to a layer", () => {
    expect(libFiles.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it("nothing imports in a circle, type-only imports included", () => {
    expect(circles(codeFiles)).toEqual([]);
  });

  it("no layer of lib/ imports a later one (shared → contract → photos → content → views → outputs → build → search → checks → eleventy)", () => {
    const backward = libFiles.flatMap((file) =>
      (graph.get(file)?.local ?? [])
        .filter((target) => target.startsWith("lib/") && layerOf(target) > layerOf(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(backward).toEqual([]);
  });

  it("outputs read views, never the content or photo stages", () => {
    const reaching = libFiles
      .filter((file) => file.startsWith("lib/outputs/"))
      .flatMap((file) =>
        (graph.get(file)?.local ?? [])
          .filter(
            (target) =>
              target.startsWith("lib/pipeline/content/") || target.startsWith("lib/pipeline/photos/"),
          )
          .map((target) => `${file} → ${target}`),
      );
    expect(reaching).toEqual([]);
  });

  it("only the glue (lib/eleventy/, eleventy.config.ts) imports Eleventy", () => {
    const importers = codeFiles.filter((file) =>
      (graph.get(file)?.packages ?? []).some(
        (name) => name === "@11ty/eleventy" || name.startsWith("@11ty/eleventy/"),
      ),
    );
    expect(
      importers.filter((file) => !file.startsWith("lib/eleventy/") && file !== "eleventy.config.ts"),
    ).toEqual([]);
  });

  it("no module is over 400 lines: a longer one has more than one job", () => {
    const long = codeFiles
      .map((file) => [file, readFileSync(path.join(root, file), "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 400)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it("the content schema loads neither sharp nor Eleventy", () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const name of graph.get(file)?.packages ?? []) packages.add(name);
      for (const next of graph.get(file)?.local ?? []) visit(next);
    };
    visit("lib/contract/schema.ts");
    // markdown-it: the typographer that sets prose fields as the body is (lib/shared/typography.ts);
    // fastest-levenshtein: the did-you-mean of an unknown type of work (lib/contract/work-types.ts).
    expect([...packages].sort()).toEqual(["fastest-levenshtein", "luxon", "markdown-it", "zod"]);
  });
});
