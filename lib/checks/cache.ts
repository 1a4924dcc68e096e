/** Where the site checks keep their facts between builds (a JsonStore, lib/shared/store.ts). */
import path from "node:path";
import { storeFolder } from "../shared/store.ts";

/** `node_modules/.cache/dateline-checks` of this project: the folder Netlify's cache plugin keeps. */
const DEFAULT_CACHE_DIR = path.resolve(import.meta.dirname, "../../node_modules/.cache/dateline-checks");

/** The cache folder: the option, else `DATELINE_CHECK_CACHE` (`off` for none, as every store), else the default. */
export function cacheDirFor(option: string | false | undefined): string | false {
  return option !== undefined ? option : storeFolder("DATELINE_CHECK_CACHE", DEFAULT_CACHE_DIR);
}
