/**
 * Performance budgets for a reader on a phone: light issue pages and stylesheets, no JavaScript
 * on pages that are only for reading, and a lead photo that a 400 px-wide screen at DPR 2 (a
 * typical phone) can fetch without waiting. Defaults here; tests and the lead override them.
 */
import type { CheerioAPI } from "cheerio";
import { pickImageUrl, type Viewport } from "./images.ts";
import type { PageFacts } from "./page-facts-schema.ts";
import { type BuiltSite, type CheckProblem, formatKb, pagePath, tagName, UNKNOWN_ORIGIN } from "./site.ts";

export interface Budgets {
  /** Bytes of HTML an issue page (a page with a NewsArticle) may weigh, uncompressed. */
  issuePageBytes: number;
  /** Bytes of HTML any other page may weigh, uncompressed. */
  pageBytes: number;
  /** Bytes each stylesheet may weigh, uncompressed. */
  cssBytes: number;
  /** Bytes of the lead-photo file the viewport below downloads. */
  leadImageBytes: number;
  /** The screen the lead photo is weighed for. */
  leadImageViewport: Viewport;
  /** Pages allowed to run JavaScript, as files (`search/index.html`) or paths (`/search/`). */
  scriptPages: readonly string[];
  /** URLs one sitemap (or sitemaps one sitemap index) may list: the protocol's limit. */
  sitemapUrls: number;
  /** Bytes one sitemap file may weigh, uncompressed: the protocol's limit. */
  sitemapBytes: number;
}

export const DEFAULT_BUDGETS: Budgets = {
  issuePageBytes: 40 * 1024,
  // The archive, topic and author listings are paginated or split by year to stay under this.
  pageBytes: 100 * 1024,
  cssBytes: 20 * 1024,
  leadImageBytes: 120 * 1024,
  // DPR 2, not 1: most phones that read us are 2x or 3x, so 1x would weigh a file nobody gets.
  leadImageViewport: { width: 400, dpr: 2 },
  // Search is the one page that needs a script (Pagefind); every other page is for reading.
  scriptPages: ["search/index.html"],
  // sitemaps.org: at most 50,000 URLs and 50 MB (52,428,800 bytes) per file.
  sitemapUrls: 50_000,
  sitemapBytes: 50 * 1024 * 1024,
};

export function overBudget(bytes: number, budget: number): string {
  return `${bytes} bytes (${formatKb(bytes)}), over the ${formatKb(budget)} budget`;
}

/** `<script>` that runs (anything but JSON-LD data) and inline `on*` handlers. */
function scriptsOn($: CheerioAPI): string[] {
  const found: string[] = [];
  $("script").each((_, element) => {
    const script = $(element);
    if (script.attr("type")?.trim().toLowerCase() === "application/ld+json") return;
    const src = script.attr("src");
    found.push(src === undefined ? "inline <script>" : `<script src="${src}">`);
  });
  $("*").each((_, element) => {
    const attributes = "attribs" in element ? element.attribs : {};
    for (const name of Object.keys(attributes)) {
      if (/^on[a-z]+$/i.test(name)) found.push(`${name} handler on <${tagName(element)}>`);
    }
  });
  return found;
}

/** The page's facts for the budgets: its lead photo as the viewport picks it, body size, scripts. */
export function budgetFacts(
  $: CheerioAPI,
  viewport: Viewport,
): Pick<PageFacts, "leadImage" | "bodyBytes" | "scripts"> {
  const image = $(".lead-figure").first().find("picture, img").first();
  const leadImage = image.length === 0 ? undefined : pickImageUrl($, image, viewport);
  const body = $(".issue__body").first();
  return {
    ...(leadImage === undefined ? {} : { leadImage }),
    ...(body.length === 0 ? {} : { bodyBytes: Buffer.byteLength($.html(body)) }),
    scripts: scriptsOn($),
  };
}

function isAllowed(file: string, scriptPages: readonly string[]): boolean {
  return scriptPages.some((page) => page === file || page === pagePath(file));
}

/**
 * One budget failure of a page. `field` and `hint` say which part of the issue file to change;
 * they are shown only when the page's source file is known.
 */
export interface BudgetProblem {
  message: string;
  field?: string;
  hint?: string;
}

/** The lead photo file the viewport downloads, if the page has one on the site and it is too heavy. */
function leadImageProblem(
  site: Pick<BuiltSite, "origin" | "resolve" | "size">,
  file: string,
  picked: string,
  budgets: Budgets,
): BudgetProblem | undefined {
  const base = new URL(pagePath(file), site.origin ?? UNKNOWN_ORIGIN).href;
  const target = site.resolve(picked, base);
  if (typeof target === "string") return undefined; // external or invalid: the link check reports what it can
  if (!target.exists) return undefined; // the link check reports the broken link
  const bytes = site.size(target.file);
  if (bytes <= budgets.leadImageBytes) return undefined;
  const { width, dpr } = budgets.leadImageViewport;
  return {
    message: `lead image ${picked} (picked at a ${width}px viewport, DPR ${dpr}) is ${overBudget(bytes, budgets.leadImageBytes)}`,
    field: "photo",
    hint: " — use a smaller or more compressed original",
  };
}

/** A page over its size budget, a lead photo over its budget, scripts on a reading page. */
export function pageBudgetProblems(
  site: Pick<BuiltSite, "origin" | "resolve" | "size">,
  file: string,
  facts: Pick<PageFacts, "bytes" | "isIssue" | "leadImage" | "bodyBytes" | "scripts">,
  budgets: Budgets,
): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  if (facts.isIssue) {
    if (facts.bytes > budgets.issuePageBytes) {
      const body = facts.bodyBytes ?? 0;
      // The body is the part a writer controls; name it when it is most of what can be cut.
      problems.push({
        message: `issue page is ${overBudget(facts.bytes, budgets.issuePageBytes)}`,
        ...(body > budgets.issuePageBytes / 2
          ? { field: "body", hint: `; the body is ${formatKb(body)} of it — shorten it or split the issue` }
          : {}),
      });
    }
    if (facts.leadImage !== undefined) {
      const lead = leadImageProblem(site, file, facts.leadImage, budgets);
      if (lead) problems.push(lead);
    }
  } else if (facts.bytes > budgets.pageBytes) {
    problems.push({ message: `page is ${overBudget(facts.bytes, budgets.pageBytes)}` });
  }
  if (!isAllowed(file, budgets.scriptPages)) {
    for (const script of facts.scripts) problems.push({ message: `JavaScript on a reading page: ${script}` });
  }
  return problems;
}

/** Stylesheets over their budget. */
export function stylesheetProblems(site: BuiltSite, budgets: Budgets): CheckProblem[] {
  return site.files
    .filter((name) => name.endsWith(".css"))
    .flatMap((file) => {
      const bytes = site.size(file);
      return bytes > budgets.cssBytes
        ? [{ file, message: `stylesheet is ${overBudget(bytes, budgets.cssBytes)}` }]
        : [];
    });
}
