/**
 * Browser tests' shared set-up: the sample site built in a throw-away project, indexed for
 * search, and served on 127.0.0.1 with the headers Netlify would send (netlify.toml, parsed
 * with Netlify's parser; the server is shared with scripts/lighthouse.ts) — so the
 * Content-Security-Policy the browser enforces is the production one. Chromium is Debian's,
 * driven by playwright-core.
 *
 * The sample site's issues come from tests/e2e/sample-site/ (see sample-site.ts), never from
 * src/issues/, which is the writer's.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { describe } from "vitest";
import { indexSite } from "../../lib/search/index-site.ts";
import { CHROMIUM_FLAGS, netlifyHeaderRules, serveSite } from "../../scripts/lighthouse.ts";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { CHROMIUM_PATH, hasChromium } from "./chromium.ts";
import { SAMPLE_EPOCH, sampleIssues } from "./sample-site.ts";

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
  site: FixtureSite;
  output: string;
  origin: string;
  /** An absolute URL on the test server, e.g. `url("/search/?q=x")`. */
  url: (urlPath: string) => string;
  /** Issues in the search index. */
  indexedPages: number;
  close: () => Promise<void>;
}

/** Builds a site from issues (in a throw-away project), indexes it for search and serves it. */
export async function startSite(issues: Record<string, string>, epoch: number): Promise<SampleSite> {
  const site = buildFixtureSite({ issues, epoch });
  if (site.status !== 0) {
    site.remove();
    throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
  }
  try {
    const { pages } = await indexSite(site.output);
    const served = await serveSite(site.output, await netlifyHeaderRules());
    return {
      site,
      output: site.output,
      origin: served.origin,
      url: (urlPath) => new URL(urlPath, served.origin).href,
      indexedPages: pages,
      close: async () => {
        await served.close();
        site.remove();
      },
    };
  } catch (error) {
    site.remove();
    throw error;
  }
}

/** The sample site (tests/e2e/sample-site/), built as of {@link SAMPLE_EPOCH}. */
export function startSampleSite(): Promise<SampleSite> {
  return startSite(sampleIssues(), SAMPLE_EPOCH);
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
  page.on("requestfailed", (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`),
  );
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
