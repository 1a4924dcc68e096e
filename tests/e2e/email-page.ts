/**
 * The sample issue's email edition opened as a mail client shows it: email.html loaded at its
 * own absolute URL, every request to the site's origin answered from the build output with no
 * site headers (a mail client has no CSP). Shared by the email tests and `npm run screenshots`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import site from "../../_data/site.ts";
import { newContext } from "./helpers.ts";

/** The sample issue with a lead photo. */
export const EMAIL_PATH = "/2025/04/istanbul-embassy-talks/email.html";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".jpg": "image/jpeg",
  ".png": "image/png",
};

/** A page whose requests to the site's origin are answered from `output`; images optionally blocked. */
export async function openEmail(
  browser: Browser,
  output: string,
  width: number,
  blockImages = false,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { viewport: { width, height: 900 } });
  await context.route(`${site.url}/**`, async (route) => {
    const url = new URL(route.request().url());
    const extension = path.extname(url.pathname);
    if (blockImages && route.request().resourceType() === "image") return route.abort("blockedbyclient");
    const file = path.join(output, decodeURIComponent(url.pathname));
    try {
      await route.fulfill({
        body: readFileSync(file),
        contentType: TYPES[extension] ?? "application/octet-stream",
      });
    } catch {
      await route.fulfill({ status: 404, body: "not found" });
    }
  });
  const page = await context.newPage();
  await page.goto(`${site.url}${EMAIL_PATH}`);
  return { context, page };
}
