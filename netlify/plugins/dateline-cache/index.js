/**
 * Netlify build plugin: restores Dateline's build caches before the build and saves them
 * after it (the folders and the work are in caches.js). Declared in netlify.toml as
 * `[[plugins]] package = "./netlify/plugins/dateline-cache"`.
 *
 * Netlify's runner accepts a plugin module that exports event handlers and nothing else: any
 * other export stops the build before it starts ("Invalid event '…'"). So this module exports
 * only onPreBuild and onPostBuild; tests/netlify-cache.test.ts checks that.
 */
import { restoreCaches, saveCaches } from "./caches.js";

const NAME = "dateline-cache";

export async function onPreBuild(options) {
  const { restored, cold, problems } = await restoreCaches(options);
  for (const problem of problems) console.warn(`${NAME}: ${problem}`);
  if (restored.length > 0) console.log(`${NAME}: restored ${restored.join(", ")}`);
  if (cold.length > 0) console.log(`${NAME}: cold (nothing cached yet): ${cold.join(", ")}`);
}

export async function onPostBuild(options) {
  const { saved, missing, problems } = await saveCaches(options);
  for (const problem of problems) console.warn(`${NAME}: ${problem}`);
  if (saved.length > 0) console.log(`${NAME}: saved ${saved.join(", ")}`);
  if (missing.length > 0) console.log(`${NAME}: nothing to save (no such folder): ${missing.join(", ")}`);
}
