/**
 * Searching a written Pagefind bundle in Node with Pagefind's own engine: the bundle's
 * `pagefind.js` and its WebAssembly, as the search page runs them, reading the bundle's files
 * from disk through a `fetch` that answers `file:` URLs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const networkFetch = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.protocol !== "file:") return networkFetch(input, init);
  try {
    return new Response(await readFile(fileURLToPath(url)));
  } catch {
    return new Response(null, { status: 404 });
  }
};

interface PagefindResult {
  score: number;
  data: () => Promise<{ url: string; meta: Record<string, string>; excerpt: string }>;
}
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** One result as a reader sees it: the page, its score, its title and its excerpt. */
export interface Hit {
  url: string;
  score: number;
  title: string | undefined;
  excerpt: string;
}

export interface Engine {
  /** Every result for a term (null: every page the filters leave), in Pagefind's order. */
  search: (term: string | null, filters?: Record<string, string>) => Promise<Hit[]>;
  /** Each filter's values with their page counts. */
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const engines: string[] = [];

/**
 * Pagefind's engine over the bundle in `bundleDir`, with the bundles in `merged` merged into it
 * (Pagefind's mergeIndex, as the search page does). The script is imported from a copy named
 * `.mjs` in a folder of its own: a fresh module (so a fresh index) per bundle, and an ES module
 * wherever the bundle lies.
 */
export async function openBundle(bundleDir: string, merged: readonly string[] = []): Promise<Engine> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "dateline-pagefind-engine-"));
  engines.push(folder);
  const script = path.join(folder, "pagefind.mjs");
  writeFileSync(script, readFileSync(path.join(bundleDir, "pagefind.js")));
  const pagefind = (await import(pathToFileURL(script).href)) as PagefindModule;
  await pagefind.options({ basePath: pathToFileURL(`${bundleDir}/`).href, baseUrl: "/" });
  for (const dir of merged) await pagefind.mergeIndex(pathToFileURL(`${dir}/`).href, { baseUrl: "/" });
  return {
    search: async (term, filters) => {
      const { results } = await pagefind.search(term, filters ? { filters } : {});
      return Promise.all(
        results.map(async (result) => {
          const data = await result.data();
          return { url: data.url, score: result.score, title: data.meta.title, excerpt: data.excerpt };
        }),
      );
    },
    filters: () => pagefind.filters(),
  };
}

/**
 * Pagefind's engine over a site's whole index, `pagefindDir` (its `bundles.json` and a folder
 * per bundle), as the search page opens it: the first bundle's engine with the others merged.
 */
export async function openIndex(pagefindDir: string): Promise<Engine> {
  const { bundles } = JSON.parse(readFileSync(path.join(pagefindDir, "bundles.json"), "utf8")) as {
    bundles: string[];
  };
  const dirs = bundles.map((url) => path.join(pagefindDir, url.replace(/^\/pagefind\//, "")));
  const [first, ...others] = dirs;
  if (first === undefined) throw new Error(`${pagefindDir}: no bundle`);
  return openBundle(first, others);
}

/** Removes the engines' folders (their modules stay loaded until the test file ends). */
export function closeEngines(): void {
  for (const folder of engines.splice(0)) rmSync(folder, { recursive: true, force: true });
}
