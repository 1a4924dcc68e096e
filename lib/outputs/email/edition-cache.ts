/**
 * Email editions kept between builds. An archive's old issues give the same email on every
 * build, and juice's inlining and html-to-text are most of what rendering one costs.
 *
 * Each entry holds one edition's HTML and text part, named by the hash of its email view
 * (everything those two show). The folder is named by the fingerprint of what turns a view
 * into them: this folder's code, lib/text.ts, and the versions of juice, html-to-text and
 * cheerio. A changed view or renderer is a new name, so an entry is never stale; the store
 * (lib/checks/cache.ts) writes atomically and reads a damaged entry as a miss.
 * The `.eml` is composed afresh from the two: nodemailer is quick, and the parts are exact.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { codeHash, JsonStore, packageVersion, sha256, storeFolder } from "../../shared/store.ts";
import { renderEmailHtml } from "./html.ts";
import { renderEmailText } from "./text.ts";
import type { EmailView } from "./view.ts";

/** `node_modules/.cache/dateline-editions` of this project: Netlify's cache plugin keeps it. */
const DEFAULT_EMAIL_CACHE_DIR = path.resolve(
  import.meta.dirname,
  "../../../node_modules/.cache/dateline-editions",
);

/** The folder: the option, else `DATELINE_EMAIL_CACHE` (`off` for none, as every store), else the default. */
function emailCacheDirFor(option?: string | false): string | false {
  return option !== undefined ? option : storeFolder("DATELINE_EMAIL_CACHE", DEFAULT_EMAIL_CACHE_DIR);
}

const RENDER_PACKAGES = ["juice", "html-to-text", "cheerio"];
const CACHE_FORMAT = 1;

const emailPartsSchema = z.object({ html: z.string(), text: z.string() });

export type EmailParts = z.infer<typeof emailPartsSchema>;

function fingerprint(): string {
  return sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      code: codeHash(import.meta.dirname),
      text: sha256(readFileSync(path.resolve(import.meta.dirname, "../../shared/text.ts"))),
      packages: RENDER_PACKAGES.map((name) => `${name}@${packageVersion(name)}`),
    }),
  ).slice(0, 32);
}

export interface EditionCache {
  /** The view's HTML and text part, from the cache or rendered (and then stored). */
  parts(view: EmailView): EmailParts;
  /** How many parts came from the cache, and how many were rendered. */
  readonly counts: { cached: number; rendered: number };
  /** Waits for the writes and tidies the folder. */
  finish(): Promise<void>;
}

export function openEditionCache(dir: string | false = emailCacheDirFor()): EditionCache {
  const store = new JsonStore(dir, fingerprint(), "DATELINE_EMAIL_CACHE");
  const counts = { cached: 0, rendered: 0 };
  return {
    counts,
    parts(view) {
      const key = sha256(JSON.stringify(view));
      const cached = store.read(key, emailPartsSchema);
      if (cached) {
        counts.cached += 1;
        return cached;
      }
      const parts = { html: renderEmailHtml(view), text: renderEmailText(view) };
      counts.rendered += 1;
      store.write(key, parts);
      return parts;
    },
    finish: () => store.finish(),
  };
}
