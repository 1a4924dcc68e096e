// The page-check worker's entry, in plain JavaScript. Under the bundled build (scripts/run.mjs)
// it runs the bundle's worker. Otherwise, on Node 20 a worker thread does not get the parent's
// `--import tsx` hooks, so it registers tsx itself, then loads the TypeScript.
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = process.env.DATELINE_BUNDLE;
if (bundle) {
  await import(pathToFileURL(path.join(bundle, "page-worker.mjs")).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./page-worker.ts");
}
