/**
 * The Netlify cache plugin (netlify/plugins/dateline-cache), run the way Netlify runs it: its
 * hooks called with a CACHE_DIR and a base directory, the real @netlify/cache-utils doing the
 * work, and a fresh checkout (another temporary project) on the next "build". The plugin's
 * index.js exports only its event handlers (Netlify's runner refuses any other export); the
 * folders and the restore/save work are imported from caches.js beside it. Netlify's own
 * runner building the whole site is tests/deploy/ (`npm run test:deploy`).
 */
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resolveConfig } from "@netlify/config";
import { afterEach, describe, expect, it } from "vitest";
import {
  CACHE_FOLDERS,
  type CacheHookOptions,
  restoreCaches,
  saveCaches,
} from "../netlify/plugins/dateline-cache/caches.js";
import { onPostBuild, onPreBuild } from "../netlify/plugins/dateline-cache/index.js";

const root = path.resolve(import.meta.dirname, "..");
const PHOTOS = "node_modules/.cache/dateline-photos";
const CHECKS = "node_modules/.cache/dateline-checks";
const EDITIONS = "node_modules/.cache/dateline-editions";
const OUTPUTS = "node_modules/.cache/dateline-outputs";
const SEARCH = "node_modules/.cache/dateline-search";
const VIEWS = "node_modules/.cache/dateline-views";
const CONTENT = "node_modules/.cache/dateline-content";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dateline-${name}-`));
  made.push(dir);
  return dir;
}

/** What a Netlify build of `project` hands the plugin, with its cache in `cacheDir`. */
function netlify(project: string, cacheDir: string): CacheHookOptions {
  return { constants: { CACHE_DIR: cacheDir }, netlifyConfig: { build: { base: project } } };
}

function write(file: string, bytes: Buffer | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return new Map(files.sort().map((file) => [path.relative(dir, file), readFileSync(file)]));
}

/** The seven caches shaped like the real ones: binary objects, JSON, a dotfile. */
function fillCaches(project: string): void {
  write(path.join(project, PHOTOS, "objects", "ab", "abcdef", "photo-480.avif"), randomBytes(40_000));
  write(path.join(project, PHOTOS, "objects", "ab", "abcdef", "record.json"), '{"hash":"abcdef"}\n');
  write(path.join(project, PHOTOS, "manifest.json"), '{"photos":{}}\n');
  write(path.join(project, PHOTOS, ".index.json"), '{"records":{}}\n');
  write(path.join(project, CHECKS, "pages", "0f", "0f1e2d.json"), '{"problems":[]}\n');
  write(path.join(project, CHECKS, "versions.json"), '{"html-validate":"10.17.0"}\n');
  write(path.join(project, EDITIONS, "3f2a", "9c", "9c41.json"), '{"html":"<table></table>","text":"x"}\n');
  write(path.join(project, OUTPUTS, "objects", "5e", "5e0d"), "<!doctype html><title>x</title>\n");
  write(path.join(project, OUTPUTS, "index.json"), '{"entries":{}}\n');
  write(path.join(project, SEARCH, "index.json"), '{"fragments":{}}\n');
  write(path.join(project, VIEWS, "3f2a", "9c", "9c41.json"), '{"view":{"url":"/2025/04/x/"}}\n');
  write(path.join(project, CONTENT, "3f2a", "9c", "9c42.json"), '{"problems":[],"warnings":[]}\n');
}

describe("the Netlify cache plugin", () => {
  it("is declared in netlify.toml as the local plugin in netlify/plugins/dateline-cache", async () => {
    const { config } = await resolveConfig({
      config: path.join(root, "netlify.toml"),
      repositoryRoot: root,
      offline: true,
      mode: "cli",
    });
    const packages = config.plugins.map((plugin: { package: string }) => plugin.package);
    expect(packages).toContain("./netlify/plugins/dateline-cache");
    const manifest = readFileSync(path.join(root, "netlify/plugins/dateline-cache/manifest.yml"), "utf8");
    expect(manifest).toMatch(/^name: dateline-cache$/m);
    const plugin = await import(
      pathToFileURL(path.join(root, "netlify/plugins/dateline-cache/index.js")).href
    );
    expect(typeof plugin.onPreBuild).toBe("function");
    expect(typeof plugin.onPostBuild).toBe("function");
  });

  it("exports only Netlify event handlers, so Netlify's runner loads it", async () => {
    // Any other export stops Netlify's build before it starts: "Invalid event 'CACHE_FOLDERS'".
    const plugin = await import(
      pathToFileURL(path.join(root, "netlify/plugins/dateline-cache/index.js")).href
    );
    expect(Object.keys(plugin).sort()).toEqual(["onPostBuild", "onPreBuild"]);
  });

  it("caches the photo renditions, site-check results, email editions, rendered outputs and search fragments", () => {
    expect(CACHE_FOLDERS).toEqual([PHOTOS, CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT]);
  });

  it("saves every folder after a build and restores them byte-identical in the next checkout", async () => {
    const cacheDir = tempDir("netlify-cache");
    const first = tempDir("build-1");
    fillCaches(first);
    await onPostBuild(netlify(first, cacheDir));

    const second = tempDir("build-2");
    await onPreBuild(netlify(second, cacheDir));
    for (const folder of [PHOTOS, CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT]) {
      const restored = tree(path.join(second, folder));
      const saved = tree(path.join(first, folder));
      expect([...restored.keys()]).toEqual([...saved.keys()]);
      for (const [file, bytes] of saved) expect(restored.get(file)?.equals(bytes), file).toBe(true);
    }
  });

  it("on a first build, with nothing cached, restores nothing and leaves local folders alone", async () => {
    const cacheDir = tempDir("netlify-cache");
    const project = tempDir("build");
    write(path.join(project, PHOTOS, "manifest.json"), "local\n");

    const report = await restoreCaches(netlify(project, cacheDir));
    expect(report).toEqual({
      restored: [],
      cold: [PHOTOS, CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT],
      problems: [],
    });
    expect(readFileSync(path.join(project, PHOTOS, "manifest.json"), "utf8")).toBe("local\n");
    expect(existsSync(path.join(project, CHECKS))).toBe(false);
  });

  it("saves the folders that exist when one is missing, and restores only those", async () => {
    const cacheDir = tempDir("netlify-cache");
    const first = tempDir("build-1");
    write(path.join(first, PHOTOS, "manifest.json"), '{"photos":{}}\n');

    expect(await saveCaches(netlify(first, cacheDir))).toEqual({
      saved: [PHOTOS],
      missing: [CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT],
      problems: [],
    });
    const second = tempDir("build-2");
    expect(await restoreCaches(netlify(second, cacheDir))).toEqual({
      restored: [PHOTOS],
      cold: [CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT],
      problems: [],
    });
    expect(readFileSync(path.join(second, PHOTOS, "manifest.json"), "utf8")).toBe('{"photos":{}}\n');
    expect(existsSync(path.join(second, CHECKS))).toBe(false);
  });

  it("keeps only the latest save: a file deleted before it does not come back", async () => {
    const cacheDir = tempDir("netlify-cache");
    const project = tempDir("build-1");
    fillCaches(project);
    await onPostBuild(netlify(project, cacheDir));
    const stale = path.join(PHOTOS, "objects", "ab", "abcdef", "photo-480.avif");
    rmSync(path.join(project, stale));
    write(path.join(project, CHECKS, "versions.json"), '{"html-validate":"10.18.0"}\n');
    await onPostBuild(netlify(project, cacheDir));

    const next = tempDir("build-2");
    await onPreBuild(netlify(next, cacheDir));
    expect(existsSync(path.join(next, stale))).toBe(false);
    expect(readFileSync(path.join(next, CHECKS, "versions.json"), "utf8")).toBe(
      '{"html-validate":"10.18.0"}\n',
    );
  });

  it("replaces a local folder with the saved one, so a build never mixes two caches", async () => {
    const cacheDir = tempDir("netlify-cache");
    const first = tempDir("build-1");
    fillCaches(first);
    await onPostBuild(netlify(first, cacheDir));

    const second = tempDir("build-2");
    write(path.join(second, CHECKS, "pages", "ff", "leftover.json"), "{}\n");
    await onPreBuild(netlify(second, cacheDir));
    expect([...tree(path.join(second, CHECKS)).keys()]).toEqual([...tree(path.join(first, CHECKS)).keys()]);
  });

  it("reports a folder it cannot restore and builds it cold instead of failing the deploy", async () => {
    const cacheDir = tempDir("netlify-cache");
    const first = tempDir("build-1");
    fillCaches(first);
    await onPostBuild(netlify(first, cacheDir));

    // node_modules/.cache is a file in this checkout, so no cache folder can be written under it.
    const second = tempDir("build-2");
    write(path.join(second, "node_modules", ".cache"), "not a folder\n");
    const report = await restoreCaches(netlify(second, cacheDir));
    expect(report.restored).toEqual([]);
    expect(report.cold).toEqual([PHOTOS, CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT]);
    expect(report.problems).toHaveLength(7);
    for (const [index, folder] of [PHOTOS, CHECKS, EDITIONS, OUTPUTS, SEARCH, VIEWS, CONTENT].entries()) {
      expect(report.problems[index]).toMatch(
        new RegExp(
          `^${folder.replaceAll(".", "\\.")}: could not be restored from Netlify's cache \\(.+\\) — this build makes it cold; nothing to fix unless it happens every time$`,
        ),
      );
    }
  });
});
