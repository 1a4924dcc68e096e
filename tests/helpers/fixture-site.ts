/**
 * Builds a small site the way a writer would, in a throw-away copy of the project:
 * the real config, templates, data and build script, with the fixture's issues in
 * place of src/issues. Returns what the build printed and where the site went.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedPhotoCache } from "./photo-cache.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface FixtureSite {
  /** The temporary project folder. */
  dir: string;
  /** Absolute path of the built site. */
  output: string;
  status: number | null;
  stdout: string;
  stderr: string;
  /** Reads a built file as text, e.g. `read("feed.xml")`. */
  read: (file: string) => string;
  /** Runs the build again in the same folder (after editing its files). */
  rebuild: (env?: Record<string, string>) => FixtureSite;
  remove: () => void;
}

export interface FixtureOptions {
  /** Issue files by path under src/issues/, e.g. `{ "2025/alpha.md": "---\n…" }`. */
  issues: Record<string, string>;
  /** SOURCE_DATE_EPOCH for the build (seconds). */
  epoch: number;
  env?: Record<string, string>;
  /** Extra files to write, by project-relative path. */
  files?: Record<string, string | Buffer>;
}

/** Copies the project (without its issues), writes the fixture, and runs `npm run build`. */
export function buildFixtureSite(options: FixtureOptions): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-fixture-"));
  for (const entry of [
    "eleventy.config.ts",
    "package.json",
    "tsconfig.json",
    ".htmlvalidate.mjs",
    "_includes",
    "_data",
    "assets",
  ]) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  cpSync(path.join(root, "src"), path.join(dir, "src"), {
    recursive: true,
    // None of the writer's issues: a fixture site holds only the fixture's own.
    filter: (source) => {
      const inIssues = path.relative(path.join(root, "src/issues"), source);
      return inIssues.startsWith("..") || inIssues === "" || !inIssues.endsWith(".md");
    },
  });
  for (const entry of ["lib", "types", "scripts", "node_modules"]) {
    symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  for (const [file, text] of Object.entries(options.issues)) writeIn(dir, `src/issues/${file}`, text);
  for (const [file, content] of Object.entries(options.files ?? {})) writeIn(dir, file, content);
  seedPhotoCache(dir);
  return runBuild(dir, options.epoch, { ...fixtureEnv(dir), ...options.env });
}

/**
 * The caches of a fixture project, all inside it: node_modules is shared with the repository,
 * and each fixture's first build is cold.
 */
export function fixtureEnv(dir: string): Record<string, string> {
  return {
    DATELINE_PHOTO_CACHE: path.join(dir, ".cache/photos"),
    DATELINE_CHECK_CACHE: path.join(dir, ".cache/checks"),
    DATELINE_EMAIL_CACHE: path.join(dir, ".cache/editions"),
    DATELINE_OUTPUT_CACHE: path.join(dir, ".cache/outputs"),
    DATELINE_SEARCH_CACHE: path.join(dir, ".cache/search"),
    DATELINE_VIEW_CACHE: path.join(dir, ".cache/views"),
    DATELINE_CONTENT_CACHE: path.join(dir, ".cache/content"),
    DATELINE_BUNDLE_CACHE: path.join(dir, ".cache/bundles"),
  };
}

/** What a build left: enough to hand a built fixture from vitest's global set-up to test files. */
export interface BuiltFixture {
  dir: string;
  epoch: number;
  env: Record<string, string>;
  status: number | null;
  stdout: string;
  stderr: string;
}

export function builtFixtureOf(
  site: FixtureSite,
  options: Pick<FixtureOptions, "epoch" | "env">,
): BuiltFixture {
  const { dir, status, stdout, stderr } = site;
  return { dir, status, stdout, stderr, epoch: options.epoch, env: options.env ?? {} };
}

/**
 * A built fixture shared by many test files, read-only: `rebuild` is refused (work on
 * `copyFixtureSite` instead) and `remove` leaves it for the global teardown, which also fails
 * the run if any test changed a file in it.
 */
export function sharedFixtureSite(built: BuiltFixture): FixtureSite {
  const site = siteOf(built.dir, built.epoch, built.env, built);
  return {
    ...site,
    rebuild: () => {
      throw new Error("a shared fixture site is read-only: build on copyFixtureSite(...) instead");
    },
    remove: () => {},
  };
}

/**
 * A private copy of a built fixture project, output and caches included, as if this test had
 * built it: a test that edits or rebuilds a site works on its own copy.
 */
export function copyFixtureSite(built: BuiltFixture): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-fixture-"));
  // Symlinks (lib, node_modules…) stay links to the repository; the rest is copied.
  cpSync(built.dir, dir, { recursive: true, verbatimSymlinks: true });
  return siteOf(dir, built.epoch, { ...fixtureEnv(dir), ...built.env }, built);
}

function writeIn(dir: string, file: string, content: string | Buffer): void {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

function runBuild(dir: string, epoch: number, env: Record<string, string>): FixtureSite {
  // As `npm run build` runs it: from the bundle scripts/run.mjs keeps in the fixture's .cache.
  const result = spawnSync(process.execPath, ["--expose-gc", "scripts/run.mjs", "build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", SOURCE_DATE_EPOCH: String(epoch), ...env },
  });
  return siteOf(dir, epoch, env, result);
}

function siteOf(
  dir: string,
  epoch: number,
  env: Record<string, string>,
  result: Pick<FixtureSite, "status" | "stdout" | "stderr">,
): FixtureSite {
  const output = path.join(dir, "_site");
  return {
    dir,
    output,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    read: (file) => readFileSync(path.join(output, file), "utf8"),
    rebuild: (nextEnv = env) => runBuild(dir, epoch, { ...env, ...nextEnv }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function isBareScalar(value: unknown): boolean {
  return (
    typeof value === "boolean" || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}[\dT:.Z+-]*$/.test(value))
  );
}

/** An issue file from front-matter lines and a body. */
export function issueFile(frontMatter: Record<string, unknown>, body = "A paragraph of the issue."): string {
  const yaml = Object.entries(frontMatter)
    .filter(([, value]) => value !== undefined)
    // Dates stay unquoted, as writers type them; other strings are quoted for YAML safety.
    .map(([key, value]) => `${key}: ${isBareScalar(value) ? value : JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}\n`;
}
