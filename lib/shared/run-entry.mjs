// How a worker thread or child process starts, in plain JavaScript (it runs before anything can
// load TypeScript): under the bundled build (scripts/run.mjs, which names its folder in
// DATELINE_BUNDLE) it runs the bundle's entry; otherwise it registers tsx itself, since on Node 20
// a worker does not get the parent's `--import tsx` hooks, and loads the TypeScript source.
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Runs the bundle's `<entry>.mjs`, or `source` (a file URL of the TypeScript) under tsx. */
export async function runEntry(entry, source) {
  const bundle = process.env.DATELINE_BUNDLE;
  if (bundle) {
    await import(pathToFileURL(path.join(bundle, `${entry}.mjs`)).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(source);
}
