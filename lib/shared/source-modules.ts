/**
 * The project's own modules that are loaded by path at run time: the Eleventy config, the data
 * files and the html-validate config. Under tsx they are imported; under the bundled build
 * (scripts/run.mjs) they are already in the bundle, registered here by absolute path, so no
 * TypeScript is compiled at run time. The path is resolved from the working folder, the project.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The bundle's loader of each module, by absolute source path. */
const bundled = new Map<string, () => Promise<unknown>>();

/**
 * Called once by the bundle's generated entry (scripts/run.mjs), before the script runs: each
 * module's loader by its source path.
 * @public
 */
export function registerSourceModules(modules: Record<string, () => Promise<unknown>>): void {
  for (const [file, load] of Object.entries(modules)) bundled.set(path.resolve(file), load);
}

/**
 * The module at `file`: the bundled one, else an import. `version` (e.g. a content hash) makes an
 * edited file a new module for import(), which otherwise returns the one loaded first.
 */
export async function importSourceModule(file: string, version?: string): Promise<unknown> {
  const absolute = path.resolve(file);
  const load = bundled.get(absolute);
  if (load) return load();
  const url = pathToFileURL(absolute).href;
  return import(version === undefined ? url : `${url}?v=${version}`);
}

/**
 * The bundle's own file for an entry (`eleventy.config`, `page-worker`…) when this process runs
 * from a bundle: scripts/run.mjs names the bundle's folder in DATELINE_BUNDLE, which workers and
 * child processes inherit.
 */
export function bundledEntry(entry: string): string | undefined {
  const folder = process.env.DATELINE_BUNDLE;
  return folder ? path.join(folder, `${entry}.mjs`) : undefined;
}
