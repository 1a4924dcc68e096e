/**
 * Performance budgets for a reader on a phone: light issue pages and stylesheets, no JavaScript
 * on pages that are only for reading, and a lead photo that a 400 px-wide screen at DPR 2 (a
 * typical phone) can fetch without waiting. Defaults here; tests and the lead override them.
 */
import type { CheerioAPI } from "cheerio";
import { pickImageUrl, type Viewport } from "./images.ts";
import {
  type BuiltSite,
  type CheckProblem,
  formatKb,
  htmlFiles,
  pagePath,
  resolveFile,
  resolveSiteUrl,
  tagName,
  UNKNOWN_ORIGIN,
} from "./site.ts";
import { newsArticles } from "./structured-data.ts";

export interface Budgets {
  /** Bytes of HTML an issue page (a page with a NewsArticle) may weigh, uncompressed. */
  issuePageBytes: number;
  /** Bytes each stylesheet may weigh, uncompressed. */
  cssBytes: number;
  /** Bytes of the lead-photo file the viewport below downloads. */
  leadImageBytes: number;
  /** The screen the lead photo is weighed for. */
  leadImageViewport: Viewport;
  /** Pages allowed to run JavaScript, as files (`search/index.html`) or paths (`/search/`). */
  scriptPages: readonly string[];
}

export const DEFAULT_BUDGETS: Budgets = {
  issuePageBytes: 40 * 1024,
  cssBytes: 20 * 1024,
  leadImageBytes: 120 * 1024,
  // DPR 2, not 1: most phones that read us are 2x or 3x, so 1x would weigh a file nobody gets.
  leadImageViewport: { width: 400, dpr: 2 },
  // Search is the one page that needs a script (Pagefind); every other page is for reading.
  scriptPages: ["search/index.html"],
};

function overBudget(bytes: number, budget: number): string {
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

function isAllowed(file: string, scriptPages: readonly string[]): boolean {
  return scriptPages.some((page) => page === file || page === pagePath(file));
}

/** The lead photo file the viewport downloads, and its size, if the page has one on the site. */
function leadImageProblem(site: BuiltSite, file: string, budgets: Budgets): string | undefined {
  const $ = site.html(file);
  const image = $(".lead-figure").first().find("picture, img").first();
  if (image.length === 0) return undefined;
  const picked = pickImageUrl($, image, budgets.leadImageViewport);
  if (picked === undefined) return undefined;
  const base = new URL(pagePath(file), site.origin ?? UNKNOWN_ORIGIN).href;
  const url = resolveSiteUrl(site, picked, base);
  if (typeof url === "string") return undefined; // external or invalid: checkLinks reports what it can
  const target = resolveFile(site, url.pathname);
  if (!target.exists) return undefined; // checkLinks reports the broken link
  const bytes = site.size(target.file);
  if (bytes <= budgets.leadImageBytes) return undefined;
  const { width, dpr } = budgets.leadImageViewport;
  return `lead image ${picked} (picked at a ${width}px viewport, DPR ${dpr}) is ${overBudget(bytes, budgets.leadImageBytes)}`;
}

/** Pages, stylesheets, scripts and lead photos over their budgets. */
export async function checkBudgets(
  site: BuiltSite,
  budgets: Budgets = DEFAULT_BUDGETS,
): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  for (const file of htmlFiles(site)) {
    if (newsArticles(site, file).length > 0) {
      const bytes = site.size(file);
      if (bytes > budgets.issuePageBytes) {
        problems.push({ file, message: `issue page is ${overBudget(bytes, budgets.issuePageBytes)}` });
      }
      const lead = leadImageProblem(site, file, budgets);
      if (lead) problems.push({ file, message: lead });
    }
    if (!isAllowed(file, budgets.scriptPages)) {
      for (const script of scriptsOn(site.html(file))) {
        problems.push({ file, message: `JavaScript on a reading page: ${script}` });
      }
    }
  }
  for (const file of site.files.filter((name) => name.endsWith(".css"))) {
    const bytes = site.size(file);
    if (bytes > budgets.cssBytes)
      problems.push({ file, message: `stylesheet is ${overBudget(bytes, budgets.cssBytes)}` });
  }
  return problems;
}
