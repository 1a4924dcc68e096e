/** Where the site checks keep their facts between builds (a JsonStore, lib/shared/store.ts). */
import path from "node:path";

/** `node_modules/.cache/dateline-checks` of this project: the folder Netlify's cache plugin keeps. */
const DEFAULT_CACHE_DIR = path.resolve(import.meta.dirname, "../../node_modules/.cache/dateline-checks");

/** The cache folder: the option, else `DATELINE_CHECK_CACHE`, else the default; false for none. */
export function cacheDirFor(option: string | false | undefined): string | false {
  if (option !== undefined) return option;
  const fromEnv = process.env.DATELINE_CHECK_CACHE;
  return fromEnv === undefined || fromEnv === "" ? DEFAULT_CACHE_DIR : fromEnv;
}
