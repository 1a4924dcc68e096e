/**
 * `npm run lighthouse [siteDir]` (default `_site`): Lighthouse on the home page, the newest
 * issue, the corrections ledger and the thread index of an already built site, as a reader on a phone sees it (Lighthouse's default mobile
 * emulation and simulated throttling). The site is served on 127.0.0.1 with the headers
 * netlify.toml gives it, so the Content-Security-Policy and caching are the production ones.
 * Prints the scores and, for any below {@link MIN_SCORE}, the audits that cost points; exits 1 then.
 *
 * Chromium: CHROME_PATH, or /usr/bin/chromium (`apt-get install chromium`).
 * The serving helpers are exported for the browser tests (tests/e2e/helpers.ts).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Header, parseAllHeaders } from "@netlify/headers-parser";
import sirv from "sirv";

const root = path.resolve(import.meta.dirname, "..");

/** Every category must score at least this (×100). */
export const MIN_SCORE = 98;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** Flags for Chromium in a container without a display (shared with the browser tests). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** netlify.toml's header rules, parsed by Netlify's own parser. */
export async function netlifyHeaderRules(
  netlifyConfigPath = path.join(root, "netlify.toml"),
): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath,
    configHeaders: undefined,
    minimal: false,
  });
  if (errors.length > 0) throw new Error(`netlify.toml headers: ${errors.map(String).join("; ")}`);
  return headers as Header[];
}

/** The headers Netlify sends for a path: every matching rule, a later rule winning per header. */
export function headersFor(rules: readonly Header[], urlPath: string): Record<string, string> {
  return Object.assign(
    {},
    ...rules.filter((rule) => rule.forRegExp.test(urlPath)).map((rule) => rule.values),
  );
}

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site like Netlify: netlify.toml's headers on every response (they override
 * sirv's own Content-Type and Cache-Control), and /404.html with status 404 for unknown paths.
 */
export async function serveSite(dir: string, rules: readonly Header[]): Promise<Served> {
  const files = sirv(dir, { dev: true, etag: true });
  const notFound = path.join(dir, "404.html");
  const server = http.createServer((request, response) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.statusCode = 400;
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rules, urlPath))) response.setHeader(name, value);
    files(request, response, () => {
      response.statusCode = 404;
      if (!existsSync(notFound)) {
        response.end();
        return;
      }
      for (const [name, value] of Object.entries(headersFor(rules, "/404.html")))
        response.setHeader(name, value);
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(readFileSync(notFound));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The path of the newest issue, from the built JSON Feed (the path of its absolute URL). */
export function newestIssuePath(siteDir: string): string {
  const feed = JSON.parse(readFileSync(path.join(siteDir, "feed.json"), "utf8")) as {
    items: { url: string; date_published: string }[];
  };
  const newest = [...feed.items].sort(
    (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published),
  )[0];
  if (!newest) throw new Error(`${path.join(siteDir, "feed.json")}: no issues — nothing to audit`);
  return new URL(newest.url).pathname;
}

interface PageScores {
  path: string;
  scores: Record<string, number>;
  /** Audits that cost points in a category under the minimum: `category: id (title): value`. */
  losses: string[];
}

async function audit(siteDir: string): Promise<PageScores[]> {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([
    import("lighthouse"),
    import("chrome-launcher"),
  ]);
  // The ledger and the thread index exist on every site, with or without notes or threads.
  const paths = ["/", newestIssuePath(siteDir), "/corrections/", "/threads/"];
  const served = await serveSite(siteDir, await netlifyHeaderRules());
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROMIUM_FLAGS,
  });
  try {
    const pages: PageScores[] = [];
    for (const urlPath of paths) {
      // Default settings: mobile form factor and screen, simulated slow 4G and CPU slowdown.
      const result = await lighthouse(`${served.origin}${urlPath}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
      const { lhr } = result;
      if (lhr.runtimeError)
        throw new Error(`${urlPath}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const scores: Record<string, number> = {};
      const losses: string[] = [];
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        const score = Math.round((category?.score ?? 0) * 100);
        scores[id] = score;
        if (score >= MIN_SCORE || !category) continue;
        for (const ref of category.auditRefs) {
          const result = lhr.audits[ref.id];
          if (ref.weight === 0 || !result || result.score === null || result.score >= 1) continue;
          const value = result.displayValue ? `: ${result.displayValue}` : "";
          losses.push(`${id}: ${ref.id} (${result.title}) scored ${Math.round(result.score * 100)}${value}`);
        }
      }
      pages.push({ path: urlPath, scores, losses });
    }
    return pages;
  } finally {
    await chrome.kill();
    await served.close();
  }
}

function table(pages: readonly PageScores[]): string {
  const width = Math.max(4, ...pages.map((page) => page.path.length));
  const header = ["page".padEnd(width), ...CATEGORIES.map((id) => id.padStart(id.length))].join("  ");
  const rows = pages.map((page) =>
    [page.path.padEnd(width), ...CATEGORIES.map((id) => String(page.scores[id]).padStart(id.length))].join(
      "  ",
    ),
  );
  return [header, ...rows].join("\n");
}

async function main(): Promise<number> {
  const dir = process.argv[2] ?? "_site";
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${dir}: no such folder — run npm run build first`);
    return 1;
  }
  const started = performance.now();
  const pages = await audit(path.resolve(dir));
  console.log(table(pages));
  const losses = pages.flatMap((page) => page.losses.map((loss) => `${page.path}: ${loss}`));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (pages.some((page) => Object.values(page.scores).some((score) => score < MIN_SCORE))) {
    console.log(
      `\nBelow ${MIN_SCORE}:${losses.length ? `\n${losses.join("\n")}` : " (no single audit to blame)"}`,
    );
    console.log(`Lighthouse (mobile) in ${seconds} s: FAILED`);
    return 1;
  }
  console.log(`\nLighthouse (mobile) in ${seconds} s: every score is ${MIN_SCORE} or more.`);
  return 0;
}

const invokedAsScript =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedAsScript) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}
