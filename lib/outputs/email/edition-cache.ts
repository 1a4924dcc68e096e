/**
 * Email editions kept between builds. An archive's old issues give the same email on every
 * build, and juice's inlining and html-to-text are most of what rendering one costs.
 *
 * Each entry holds one edition's HTML and text part, named by the hash of its email view
 * (everything those two show). The folder is named by the fingerprint of what turns a view
 * into them: all of lib/ (the renderers import captions, dates and URLs from outside this
 * folder), and the versions of juice, html-to-text and cheerio. A changed view or renderer is
 * a new name, so an entry is never stale; the store (lib/shared/store.ts) writes atomically
 * and reads a damaged entry as a miss.
 * The `.eml` is composed afresh from the two: nodemailer is quick, and the parts are exact.
 *
 * The feeds' email-safe fragments (fragment.ts) are kept the same way, in a store of their
 * own: a feed that changes lists dozens of old issues, each a juice pass when made afresh.
 */
import path from "node:path";
import { z } from "zod";
import { codeHash, JsonStore, packageVersion, sha256, storeFolder } from "../../shared/store.ts";
import type { EmailPhoto } from "./body.ts";
import { renderEmailFragment } from "./fragment.ts";
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
const fragmentSchema = z.object({ html: z.string() });

export type EmailParts = z.infer<typeof emailPartsSchema>;

/** lib/'s code, read once: a dev-server rebuild runs the modules this process loaded. */
let libCode: string | undefined;

/** What the stored HTML is made by; `kind` keeps editions and fragments in folders of their own. */
function fingerprint(kind: "edition" | "fragment"): string {
  libCode ??= codeHash(path.resolve(import.meta.dirname, "../.."), { recursive: true });
  return sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      kind,
      code: libCode,
      packages: RENDER_PACKAGES.map((name) => `${name}@${packageVersion(name)}`),
    }),
  ).slice(0, 32);
}

/** What every rendering cache here offers besides its lookup. */
interface RenderCache {
  /** How many lookups came from the cache, and how many were rendered. */
  readonly counts: { cached: number; rendered: number };
  /** How many entries the archive holds (one per issue), read or not: tidying keeps that many. */
  expectLive(count: number): void;
  /** Waits for the writes and tidies the folder. */
  finish(): Promise<void>;
}

/** A store of rendered values in a folder of its own (`kind`): a lookup renders and stores on a miss. */
function openRenderStore<Value>(
  dir: string | false,
  kind: "edition" | "fragment",
  schema: z.ZodType<Value>,
): RenderCache & { get(key: string, render: () => Value): Value } {
  const store = new JsonStore(dir, fingerprint(kind), "DATELINE_EMAIL_CACHE");
  const counts = { cached: 0, rendered: 0 };
  return {
    counts,
    expectLive: (count) => store.expectLive(count),
    get(key, render) {
      const cached = store.read(key, schema);
      if (cached) {
        counts.cached += 1;
        return cached;
      }
      const value = render();
      counts.rendered += 1;
      store.write(key, value);
      return value;
    },
    finish: () => store.finish(),
  };
}

export interface EditionCache extends RenderCache {
  /** The view's HTML and text part, from the cache or rendered (and then stored). */
  parts(view: EmailView): EmailParts;
}

export function openEditionCache(dir: string | false = emailCacheDirFor()): EditionCache {
  const store = openRenderStore(dir, "edition", emailPartsSchema);
  return {
    counts: store.counts,
    expectLive: store.expectLive,
    parts: (view) =>
      store.get(sha256(JSON.stringify(view)), () => ({
        html: renderEmailHtml(view),
        text: renderEmailText(view),
      })),
    finish: store.finish,
  };
}

export interface FragmentCache extends RenderCache {
  /** `renderEmailFragment`'s HTML, from the cache or rendered (and then stored). */
  fragment(bodyHtml: string, pageUrl: string, lead?: EmailPhoto): string;
}

/** The feeds' email-safe fragments, kept beside the editions (`DATELINE_EMAIL_CACHE`). */
export function openFragmentCache(dir: string | false = emailCacheDirFor()): FragmentCache {
  const store = openRenderStore(dir, "fragment", fragmentSchema);
  return {
    counts: store.counts,
    expectLive: store.expectLive,
    fragment: (bodyHtml, pageUrl, lead) =>
      store.get(sha256(JSON.stringify([bodyHtml, pageUrl, lead ?? null])), () => ({
        html: renderEmailFragment(bodyHtml, pageUrl, lead),
      })).html,
    finish: store.finish,
  };
}
