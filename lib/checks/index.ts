/**
 * `npm run check`: every check over the whole built site, every problem collected (none stops
 * the others), sorted by file so one page's problems read together.
 *
 * Two passes keep memory flat and repeat only what changed:
 * 1. each page is read into compact facts (page-facts.ts) — from the cache when its bytes and
 *    the checker are unchanged, else in worker threads, one page at a time — and feeds and
 *    sitemaps likewise (documents.ts);
 * 2. the cross-page checks (links, fragments, JSON-LD files, sitemap targets, budgets) run on
 *    those facts for each page that changed, or that read a file that changed, appeared or went
 *    away; every other page keeps the last run's verdict (last-run.ts). Feeds, sitemaps and
 *    robots.txt are checked every time.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { load as loadHtml } from "cheerio";
import { codeHash, hashFile, JsonStore, type KnownHash, packageVersion, sha256 } from "../shared/store.ts";
import { type Budgets, DEFAULT_BUDGETS, pageBudgetProblems, stylesheetProblems } from "./budgets.ts";
import { cacheDirFor } from "./cache.ts";
import { type DocumentFacts, documentFactsSchema, isDocument, readDocumentFacts } from "./documents.ts";
import {
  type EmailFacts,
  emailFactsKey,
  emailFactsSchema,
  emailLinkProblems,
  isEmailFile,
  pageOfEmail,
  textPartOf,
  webAddressProblems,
} from "./email.ts";
import { type LoadedConfig, loadConfig, PROJECT_CONFIG } from "./html.ts";
import { LastRun, noDependencies, type PageHashOf, recordingSite } from "./last-run.ts";
import { type AnchorIndex, linkFacts, linkProblems } from "./links.ts";
import type { LaneJob } from "./page-analyser.ts";
import { type PageFacts, pageFactsSchema } from "./page-facts-schema.ts";
import { policyProblems } from "./policies.ts";
import { defaultThreads, readInLanes } from "./pool.ts";
import {
  type BuiltSite,
  type CheckProblem,
  count,
  formatProblem,
  listFiles,
  makeSite,
  normaliseOrigin,
  pagePath,
} from "./site.ts";
import { robotsProblems, sitemapProblems } from "./sitemaps.ts";
import { structuredDataProblems } from "./structured-data.ts";

export { DEFAULT_BUDGETS } from "./budgets.ts";

export { formatProblem } from "./site.ts";

export interface CheckOptions {
  /** The site's origin; by default the origin of the home page's `<link rel="canonical">`. */
  origin?: string;
  /** Budgets to replace the defaults (`DEFAULT_BUDGETS`), key by key. */
  budgets?: Partial<Budgets>;
  /**
   * The project file each page is built from, by site-relative page file:
   * `"2025/04/slug/index.html" → "src/issues/2025/slug.md"`. Problems about those pages name it.
   */
  sources?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /**
   * Where results are cached between runs: by default `DATELINE_CHECK_CACHE`, else
   * `node_modules/.cache/dateline-checks`; `false` checks everything cold and stores nothing.
   */
  cacheDir?: string | false;
  /** The html-validate config file; by default the repository's `.htmlvalidate.mjs`. */
  htmlValidateConfig?: string;
  /** Worker threads for the pages not in the cache; by default one per core. */
  threads?: number;
  /** Files whose sha256 the build knows (the output store placed them), by absolute path; used while unchanged. */
  known?: ReadonlyMap<string, KnownHash>;
  /** The publisher's policy paths by name (`policies` in _data/site.ts): each must resolve. */
  policies?: Readonly<Record<string, string>>;
}

export interface SiteReport {
  problems: CheckProblem[];
  pages: number;
  /** Pages whose facts came from the cache, not from a fresh read. */
  pagesFromCache: number;
  feeds: number;
  sitemaps: number;
  /** Email editions checked (lib/checks/email.ts). */
  emails: number;
  /** Pages and emails whose cross-page verdict was kept from the last run (last-run.ts). */
  verdictsKept: number;
}

/** Bump when the shape or meaning of cached facts changes without a change under lib/checks. */
const CACHE_FORMAT = 1;

/** Packages whose behaviour the facts depend on. */
const CHECKER_PACKAGES = ["html-validate", "cheerio", "saxes", "@extractus/feed-extractor", "caniemail"];

/**
 * Everything but a file's own bytes that its facts depend on: the config's file and its
 * loaded value (which carries limits it derives from the schema and site data), the code,
 * the packages and the budgets.
 */
function fingerprintOf(config: LoadedConfig, budgets: Budgets): string {
  return sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      code: codeHash(import.meta.dirname),
      packages: CHECKER_PACKAGES.map((name) => `${name}@${packageVersion(name)}`),
      configFile: config.contentHash,
      config: config.config,
      budgets,
    }),
  ).slice(0, 32);
}

/**
 * The origin of the home page's canonical link, else of the first page that has one. A page's
 * canonical comes from its cached facts, or from a quick parse when they are not cached.
 */
function findOrigin(dir: string, pages: ReadonlyMap<string, string>, cache: JsonStore): string | undefined {
  const ordered = [...(pages.has("index.html") ? ["index.html"] : []), ...pages.keys()];
  for (const file of ordered) {
    const cached = cache.read(pages.get(file) ?? "", pageFactsSchema);
    const href = cached
      ? cached.canonical
      : loadHtml(readFileSync(path.join(dir, file), "utf8"))('link[rel~="canonical"]')
          .first()
          .attr("href");
    if (href && URL.canParse(href)) return new URL(href).origin;
  }
  return undefined;
}

interface FileFacts {
  pages: Map<string, PageFacts>;
  pagesFromCache: number;
  emails: Map<string, EmailFacts>;
}

/**
 * The facts of these pages and email editions: from the cache where it has them, the rest read
 * on every core (pool.ts), pages and emails in one queue so no core waits for the other kind.
 */
async function readAllFiles(
  dir: string,
  files: { pages: ReadonlyMap<string, string>; emails: ReadonlyMap<string, string> },
  cache: JsonStore,
  config: LoadedConfig,
  configPath: string,
  budgets: Budgets,
  threads: number,
): Promise<FileFacts> {
  const pages = new Map<string, PageFacts>();
  const emails = new Map<string, EmailFacts>();
  const jobs: LaneJob[] = [];
  const keys: (string | undefined)[] = [];
  const names: string[] = [];
  for (const [file, hash] of files.pages) {
    const cached = cache.read(hash, pageFactsSchema);
    if (cached) pages.set(file, cached);
    else {
      jobs.push({ kind: "page", path: path.join(dir, file) });
      keys.push(undefined);
      names.push(file);
    }
  }
  const pagesFromCache = pages.size;
  for (const [file, key] of files.emails) {
    const cached = cache.read(key, emailFactsSchema);
    if (cached) emails.set(file, cached);
    else {
      jobs.push({ kind: "email", path: path.join(dir, file), textPath: path.join(dir, textPartOf(file)) });
      keys.push(key);
      names.push(file);
    }
  }
  await readInLanes(
    jobs,
    { configPath, configHash: config.contentHash, viewport: budgets.leadImageViewport },
    threads,
    (index, result) => {
      const file = names[index];
      if (file === undefined) return;
      if (result.kind === "page") {
        pages.set(file, result.facts);
        cache.write(result.hash, result.facts);
      } else {
        emails.set(file, result.facts);
        const key = keys[index];
        if (key !== undefined) cache.write(key, result.facts);
      }
    },
  );
  return { pages, pagesFromCache, emails };
}

/** Facts of each XML and JSON file, keyed by its bytes, its path and the site's origin. */
function readAllDocuments(site: BuiltSite, cache: JsonStore, budgets: Budgets): Map<string, DocumentFacts> {
  const documents = new Map<string, DocumentFacts>();
  for (const file of site.files.filter(isDocument)) {
    const bytes = readFileSync(path.join(site.dir, file));
    const key = sha256(JSON.stringify(["document", file, site.origin ?? null, sha256(bytes)]));
    let facts = cache.read(key, documentFactsSchema);
    if (!facts) {
      facts = readDocumentFacts(file, bytes, site.origin, budgets);
      cache.write(key, facts);
    }
    documents.set(file, facts);
  }
  return documents;
}

function sourceOf(sources: CheckOptions["sources"], file: string): string | undefined {
  if (sources === undefined) return undefined;
  if (sources instanceof Map) return sources.get(file);
  return Object.hasOwn(sources, file) ? (sources as Readonly<Record<string, string>>)[file] : undefined;
}

/** One page's problems in check order: HTML, links, structured data, budgets. */
function pageProblems(
  site: BuiltSite,
  file: string,
  facts: PageFacts,
  anchors: AnchorIndex,
  budgets: Budgets,
  source: string | undefined,
): CheckProblem[] {
  const from = source === undefined ? {} : { source };
  const plain = [
    ...facts.html,
    ...linkProblems(site, file, facts, anchors),
    ...structuredDataProblems(site, file, facts),
  ].map((message): CheckProblem => ({ file, message, ...from }));
  const budget = pageBudgetProblems(site, file, facts, budgets).map((problem): CheckProblem => {
    // The field and the fix are about the issue file: shown when the page names one.
    if (source === undefined || problem.field === undefined)
      return { file, message: problem.message, ...from };
    return { file, source, field: problem.field, message: `${problem.message}${problem.hint ?? ""}` };
  });
  return [...plain, ...budget];
}

function documentProblems(site: BuiltSite, file: string, facts: DocumentFacts): CheckProblem[] {
  return [
    ...(facts.xmlError === undefined ? [] : [`not well-formed XML: ${facts.xmlError}`]),
    ...(facts.feed?.problems ?? []),
    ...(facts.sitemap ? sitemapProblems(site, facts.sitemap) : []),
  ].map((message) => ({ file, message }));
}

/** Runs every check on the site in `dir`. */
export async function checkSite(dir: string, options: CheckOptions = {}): Promise<SiteReport> {
  const absolute = path.resolve(dir);
  const files = listFiles(absolute);
  const budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
  const configPath = path.resolve(options.htmlValidateConfig ?? PROJECT_CONFIG);
  const config = await loadConfig(configPath);
  const cache = new JsonStore(
    cacheDirFor(options.cacheDir),
    fingerprintOf(config, budgets),
    "DATELINE_CHECK_CACHE",
  );
  // Email editions are not web pages: they get the email checks instead.
  const pageHashes = new Map(
    files
      .filter((file) => file.endsWith(".html") && !isEmailFile(file))
      .map((file) => [file, hashFile(path.join(absolute, file), options.known)]),
  );
  const emailKeys = new Map(
    files.filter(isEmailFile).map((file) => [file, emailFactsKey(absolute, file, options.known)]),
  );
  const origin = normaliseOrigin(options.origin) ?? findOrigin(absolute, pageHashes, cache);
  const site = makeSite(absolute, files, origin);
  const lastRun = new LastRun(cache, origin);
  const pageHashOf: PageHashOf = (file) => pageHashes.get(file);

  // Files whose bytes and whose dependencies are as the last run saw them keep its verdict.
  const kept = new Map<string, CheckProblem[]>();
  const toCheck = { pages: new Map<string, string>(), emails: new Map<string, string>() };
  for (const [kind, keys] of [
    ["pages", pageHashes],
    ["emails", emailKeys],
  ] as const) {
    for (const [file, key] of keys) {
      const source = sourceOf(options.sources, kind === "pages" ? file : pageOfEmail(file));
      const problems = lastRun.reuse(file, key, source, site, pageHashOf);
      if (problems) {
        kept.set(file, problems);
        cache.keep(key);
      } else toCheck[kind].set(file, key);
    }
  }

  const {
    pages: facts,
    pagesFromCache,
    emails,
  } = await readAllFiles(
    absolute,
    toCheck,
    cache,
    config,
    configPath,
    budgets,
    options.threads ?? defaultThreads(),
  );
  const documents = readAllDocuments(site, cache, budgets);

  const anchorSets = new Map<string, ReadonlySet<string>>();
  /** A page's ids: from its facts, else its cached facts, else a quick parse of the page. */
  const pageAnchors = (file: string): ReadonlySet<string> | undefined => {
    let found = anchorSets.get(file);
    if (!found) {
      const hash = pageHashes.get(file);
      if (hash === undefined) return undefined;
      const ids =
        facts.get(file)?.anchors ??
        cache.read(hash, pageFactsSchema)?.anchors ??
        linkFacts(loadHtml(readFileSync(path.join(absolute, file), "utf8"))).anchors;
      found = new Set(ids);
      anchorSets.set(file, found);
    }
    return found;
  };

  const problems: CheckProblem[] = [];
  for (const file of files) {
    const reused = kept.get(file);
    if (reused) {
      problems.push(...reused);
      continue;
    }
    const dependencies = noDependencies();
    const seen = recordingSite(site, dependencies);
    const anchors: AnchorIndex = (target) => {
      dependencies.anchors.set(target, pageHashes.get(target) ?? "");
      return pageAnchors(target);
    };
    const page = facts.get(file);
    if (page) {
      const source = sourceOf(options.sources, file);
      const found = pageProblems(seen, file, page, anchors, budgets, source);
      lastRun.record(file, pageHashes.get(file) ?? "", source, found, dependencies);
      problems.push(...found);
    }
    const document = documents.get(file);
    if (document) problems.push(...documentProblems(site, file, document));
    const email = emails.get(file);
    if (email) {
      const source = sourceOf(options.sources, pageOfEmail(file));
      const text = site.has(textPartOf(file)) ? site.read(textPartOf(file)) : undefined;
      const webUrl = site.origin === undefined ? undefined : `${site.origin}${pagePath(pageOfEmail(file))}`;
      const messages = [
        ...email.problems,
        ...webAddressProblems(text, webUrl),
        ...emailLinkProblems(seen, email, anchors),
      ];
      const found = messages.map(
        (message): CheckProblem => ({ file, message, ...(source === undefined ? {} : { source }) }),
      );
      lastRun.record(file, emailKeys.get(file) ?? "", source, found, dependencies);
      problems.push(...found);
    }
  }
  problems.push(
    ...robotsProblems(site),
    ...stylesheetProblems(site, budgets),
    ...policyProblems(site, options.policies ?? {}, pageAnchors),
  );
  // Files are listed sorted, so a stable sort by file keeps each file's problems in check order.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  lastRun.save();
  await cache.finish();

  const documentFacts = [...documents.values()];
  return {
    problems,
    pages: pageHashes.size,
    pagesFromCache: pagesFromCache + [...kept.keys()].filter((file) => pageHashes.has(file)).length,
    feeds: documentFacts.filter((document) => document.feed).length,
    sitemaps: documentFacts.filter((document) => document.sitemap).length,
    emails: emailKeys.size,
    verdictsKept: kept.size,
  };
}

/**
 * The report as printed: one line per problem, then the summary line,
 * `checked 1,370 pages (1,290 from cache), 8 feeds, 2 sitemaps: 0 problems`.
 */
export function formatReport(report: SiteReport): string[] {
  const cached =
    report.pagesFromCache > 0 ? ` (${report.pagesFromCache.toLocaleString("en-US")} from cache)` : "";
  const summary = `checked ${count(report.pages, "page")}${cached}, ${count(report.feeds, "feed")}, ${count(report.sitemaps, "sitemap")}: ${count(report.problems.length, "problem")}`;
  return [...report.problems.map(formatProblem), summary];
}
