/**
 * Issue views kept between builds. An issue's view (views/issue.ts) is a pure function of the
 * issue, of what around it the view shows (the site's settings and records, the URLs of the issues
 * its body links to, its photos' manifest entries) and of the code. Kept under the hash of all of
 * those, an unchanged issue's view costs one file read instead of a Markdown render, which is most
 * of the content stage's time in a large archive. A changed input is a new key, never a stale view.
 *
 * The store is a JsonStore (lib/shared/store.ts) named by the code digest: `node_modules/.cache/
 * dateline-views/` by default, `DATELINE_VIEW_CACHE` to move it, `off` for none. Netlify's cache
 * plugin keeps it with the other caches.
 */
import path from "node:path";
import { z } from "zod";
import { JsonStore, storeFolder } from "../../shared/store.ts";
import type { IssueView } from "./issue.ts";

const VIEW_CACHE_VARIABLE = "DATELINE_VIEW_CACHE";
const DEFAULT_VIEW_CACHE_DIR = path.resolve(
  import.meta.dirname,
  "../../../node_modules/.cache/dateline-views",
);

/**
 * A kept view, with what it looked up besides its key: the URL each linked source file had
 * (null: none) and the digest of each photo's manifest entry (null: none). It holds only while
 * this build answers the same.
 */
const keptViewSchema = z.object({
  // The store checks an entry's bytes by hash, in a folder named by the code that wrote it.
  view: z.custom<IssueView>(
    (value) => typeof value === "object" && value !== null && typeof (value as IssueView).url === "string",
  ),
  urls: z.record(z.string(), z.string().nullable()),
  photos: z.record(z.string(), z.string().nullable()),
});

export type KeptView = z.infer<typeof keptViewSchema>;

/** What the pipeline asks of a store of views (runPipeline's `viewStore`). */
export interface ViewStore {
  read(key: string): KeptView | undefined;
  write(key: string, kept: KeptView): void;
  /** Marks an entry this build used from memory, so tidying keeps it. */
  keep(key: string): void;
  /** Waits for the writes and tidies entries no build uses any more. */
  finish(): Promise<void>;
}

/** The folder from `DATELINE_VIEW_CACHE`: the default when unset, false for `off`. */
export function viewCacheDir(env: Record<string, string | undefined> = process.env): string | false {
  return storeFolder(VIEW_CACHE_VARIABLE, DEFAULT_VIEW_CACHE_DIR, env);
}

/**
 * The view store for code with this digest (lib/build/code-digest.ts), in `root`. A folder that
 * is not a cache is refused with one line naming DATELINE_VIEW_CACHE, as the other stores are.
 */
export function openViewStore(root: string | false, codeDigest: string): ViewStore {
  const store = new JsonStore(root, codeDigest.slice(0, 32), VIEW_CACHE_VARIABLE);
  return {
    read: (key) => store.read(key, keptViewSchema),
    write: (key, kept) => store.write(key, kept),
    keep: (key) => store.keep(key),
    finish: () => store.finish(),
  };
}
