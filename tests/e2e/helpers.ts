/**
 * Browser tests' shared set-up: a site built in a throw-away project (the build indexes it for
 * search) and served on 127.0.0.1 with the headers Netlify would send (netlify.toml, parsed
 * with Netlify's parser; the server is shared with scripts/lighthouse.ts) — so the
 * Content-Security-Policy the browser enforces is the production one. Chromium is Debian's,
 * driven by playwright-core.
 *
 * The sample site is built once per run by global-setup.ts and served read-only by each file
 * that needs it ({@link sampleSite}); a file that needs another site builds it ({@link startSite}).
 * Its issues come from tests/e2e/sample-site/ (see sample-site.ts), never from src/issues/,
 * which is the writer's.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page, type Request } from "playwright-core";
import { describe, inject } from "vitest";
import { CHROMIUM_FLAGS, netlifyHeaderRules, serveSite } from "../../scripts/lighthouse.ts";
import { buildSite } from "./build.ts";
import { CHROMIUM_PATH, hasChromium } from "./chromium.ts";
import type { BuiltSite } from "./sample-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample site global-setup.ts built for every file of the run; read it, never write. */
    e2eSampleSite: BuiltSite;
  }
}

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * Where a README screenshot goes: `docs/` under `npm run screenshots`, else the git-ignored
 * `tests/artifacts/`, so `npm test` never rewrites a tracked file.
 */
export function readmeScreenshot(name: string): string {
  const dir = process.env.DATELINE_README_SCREENSHOTS === "1" ? "docs" : "tests/artifacts";
  mkdirSync(path.join(root, dir), { recursive: true });
  return path.join(root, dir, name);
}

/** `describe`, or `describe.skip` when there is no Chromium (global-setup.ts says so, once). */
export const describeE2E: typeof describe = hasChromium
  ? describe
  : (describe.skip as unknown as typeof describe);

export { publishedIssues, SAMPLE_EPOCH, sampleIssues } from "./sample-site.ts";

export interface SampleSite {
  output: string;
  /** Reads a built file as text, e.g. `read("feed.json")`. */
  read: (file: string) => string;
  origin: string;
  /** An absolute URL on the test server, e.g. `url("/search/?q=x")`. */
  url: (urlPath: string) => string;
  /** Pages in the search index, as Pagefind's own entry file counts them. */
  indexedPages: number;
  close: () => Promise<void>;
}

/** Serves a built site; `remove` runs after the server is closed. */
async function serve(output: string, remove: () => void): Promise<SampleSite> {
  try {
    const served = await serveSite(output, await netlifyHeaderRules());
    return {
      output,
      read: (file) => readFileSync(path.join(output, file), "utf8"),
      origin: served.origin,
      url: (urlPath) => new URL(urlPath, served.origin).href,
      indexedPages: pagefindPageCount(output),
      close: async () => {
        await served.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** How many pages the built search index holds: every bundle's pagefind-entry.json, every language. */
function pagefindPageCount(output: string): number {
  const { bundles } = JSON.parse(readFileSync(path.join(output, "pagefind/bundles.json"), "utf8")) as {
    bundles: string[];
  };
  return bundles.reduce((total, bundle) => {
    const entry = JSON.parse(readFileSync(path.join(output, bundle, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    return total + Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  }, 0);
}

/** Builds a site from issues (in a throw-away project) and serves it: for a file's own site. */
export async function startSite(issues: Record<string, string>, epoch: number): Promise<SampleSite> {
  const site = buildSite(issues, epoch);
  return serve(site.output, site.remove);
}

/** The run's sample site (global-setup.ts), built once as of {@link SAMPLE_EPOCH}. */
function builtSample(): BuiltSite {
  const built = inject("e2eSampleSite");
  if (!built) throw new Error("no sample site: run the browser tests with -c vitest.e2e.config.ts");
  return built;
}

/** The sample site's build output (`_site`), for a file that reads it without serving it. */
export function sampleOutput(): string {
  return builtSample().output;
}

/** The sample site, served for this file; closing stops the server and leaves the build to the run. */
export function sampleSite(): Promise<SampleSite> {
  return serve(builtSample().output, () => {});
}

/**
 * A project of the sample site's making (its config, templates, data, node_modules link and
 * warm photo cache) with other issues in src/issues/, not built: for a file that runs the
 * dev server, which builds on start. Remove it with `rmSync(dir, { recursive: true })`.
 */
export function sampleProjectWith(issues: Record<string, string>): string {
  const from = builtSample().dir;
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-fixture-"));
  // Not the sample's output (_site and a build's _site.* folders), issues or stores: only the
  // photo cache, which holds the repository's photos.
  const skipped = [
    "src/issues",
    ".cache/checks",
    ".cache/editions",
    ".cache/outputs",
    ".cache/search",
    ".cache/views",
    ".cache/content",
  ];
  cpSync(from, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const relative = path.relative(from, source);
      if (relative.startsWith("_site")) return false;
      return !skipped.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`));
    },
  });
  for (const [file, text] of Object.entries(issues)) {
    const target = path.join(dir, "src/issues", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** A fresh context whose waits give up after 10 s (not Playwright's 30 s), so failures come quickly. */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  return context;
}

/** A path with no page: the server answers with 404.html and status 404. */
export const MISSING_PATH = "/no-such-page/";

export interface PageProblems {
  consoleErrors: string[];
  /** Console warnings too: Pagefind reports a failed worker or index only as a warning. */
  consoleWarnings: string[];
  cspViolations: string[];
  pageErrors: string[];
  failedRequests: string[];
}

/**
 * Listens for what must not happen on a page: console errors, uncaught exceptions, failed
 * requests and Content-Security-Policy violations. Violations are recorded by a listener the
 * driver installs before any page script runs (not an inline script, so CSP does not apply).
 */
export async function watchProblems(context: BrowserContext, page: Page): Promise<PageProblems> {
  const problems: PageProblems = {
    consoleErrors: [],
    consoleWarnings: [],
    cspViolations: [],
    pageErrors: [],
    failedRequests: [],
  };
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => {
    problems.cspViolations.push(text);
  });
  await context.addInitScript(`
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportCspViolation(
        event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " on " + event.documentURI
      );
    });
  `);
  page.on("console", (message) => {
    const where = message.worker() ? `worker ${message.worker()?.url()}` : page.url();
    // The browser logs the 404 page's own status as an error; that one is expected.
    if (message.location().url.includes(MISSING_PATH) && message.text().includes("404")) return;
    if (message.type() === "error") problems.consoleErrors.push(`${where}: ${message.text()}`);
    if (message.type() === "warning") problems.consoleWarnings.push(`${where}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.pageErrors.push(`${page.url()}: ${error.message}`));
  // A request the browser dropped because the reader left its page (a link clicked while the
  // icon was still loading) is not a broken reference. Each is told apart by the page it was made
  // on, whether the browser reports the drop just before or just after the next page commits.
  let documents = 0;
  const madeOn = new WeakMap<Request, number>();
  const dropped = new Map<string, number>();
  page.on("request", (request) => madeOn.set(request, documents));
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    documents += 1;
    problems.failedRequests = problems.failedRequests.filter(
      (line) => (dropped.get(line) ?? documents) >= documents,
    );
  });
  page.on("requestfailed", (request) => {
    const line = `${request.url()}: ${request.failure()?.errorText ?? "failed"}`;
    const made = madeOn.get(request) ?? documents;
    if (request.failure()?.errorText === "net::ERR_ABORTED") {
      if (made < documents) return;
      dropped.set(line, made);
    }
    problems.failedRequests.push(line);
  });
  page.on("response", (response) => {
    // The 404 page is meant to be a 404; anything else missing is a broken reference.
    if (response.status() >= 400 && !response.url().includes(MISSING_PATH)) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}

/** Every problem as one line (empty when there were none), for `expect(...).toEqual([])`. */
export function problemLines(problems: PageProblems): string[] {
  return Object.entries(problems).flatMap(([kind, lines]: [string, string[]]) =>
    lines.map((line) => `${kind}: ${line}`),
  );
}
