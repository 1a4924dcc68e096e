/**
 * The deploy path, through Netlify's own build runner (@netlify/build, the `netlify-build` that
 * Netlify's build image and `netlify build` run): a fresh copy of the repository's tracked files
 * is built twice with `netlify-build --offline` and one cache folder, as two deploys of the site.
 *
 * The first build starts with an empty cache: the runner loads our plugin (it refuses a plugin
 * module that exports anything but event handlers), runs `npm run build`, bundles the scheduled
 * function and publishes _site/, and the plugin saves the three build caches. The second build
 * starts from a fresh checkout again (no _site/, no .netlify/, no node_modules/.cache/) and the
 * plugin restores the caches the first one saved.
 *
 * Run by `npm run test:deploy` (vitest.deploy.config.ts), not by `npm test`: it builds the whole
 * site twice. Each runner's full log is kept in .cache/deploy/ of this checkout.
 *
 * Offline means offline: `--offline` keeps the runner from Netlify's API and its plugin list,
 * telemetry is off by default (and BUILD_TELEMETRY_DISABLED is set too), there are no edge
 * functions (whose bundler would fetch Deno) and no error-reporting key.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const FOLDERS = [
  "node_modules/.cache/dateline-photos",
  "node_modules/.cache/dateline-checks",
  "node_modules/.cache/dateline-editions",
  "node_modules/.cache/dateline-outputs",
  "node_modules/.cache/dateline-search",
  "node_modules/.cache/dateline-views",
  "node_modules/.cache/dateline-content",
];
/** After the sample issues (April 2025), so the build is the same on any day it runs. */
const SOURCE_DATE_EPOCH = "1767225600";
/** One build of the sample site takes 15–60 s on a 2-core machine; a stuck runner is killed. */
const RUN_LIMIT_MS = 8 * 60_000;
const LOG_DIR = path.join(root, ".cache", "deploy");

const runnerVersion: string = JSON.parse(
  readFileSync(path.join(root, "node_modules/@netlify/build/package.json"), "utf8"),
).version;

let work = "";
let site = "";
let cacheDir = "";

interface RunnerResult {
  code: number | null;
  log: string;
  file: string;
}

/** The same folder lists as `find -type f`: every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * A fresh checkout in `dest`: the tracked files as the working tree has them, a git repository
 * (Netlify builds a clone), and a node_modules/ whose every package is a link to this checkout's
 * but whose .cache/ is its own, empty, like a fresh clone's after `npm ci`.
 */
function checkout(dest: string): void {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of tracked) {
    const from = path.join(root, file);
    // A tracked file deleted in the working tree is not in the copy either.
    if (!existsSync(from) && !isLink(from)) continue;
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    cpSync(from, path.join(dest, file), { verbatimSymlinks: true });
  }
  mkdirSync(path.join(dest, "node_modules"));
  for (const entry of readdirSync(path.join(root, "node_modules"))) {
    if (entry === ".cache") continue;
    symlinkSync(path.join(root, "node_modules", entry), path.join(dest, "node_modules", entry));
  }
  const git = (...args: string[]): void => {
    execFileSync("git", args, { cwd: dest, stdio: "ignore" });
  };
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git(
    "-c",
    "user.name=Dateline deploy test",
    "-c",
    "user.email=deploy-test@localhost",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "-q",
    "-m",
    "checkout",
  );
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The environment a Netlify build gets: ours, less the test runner's and Dateline's own overrides. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // DATELINE_* would move the caches out of node_modules/.cache or build drafts; VITEST* and
    // NODE_ENV=test are vitest's, not a deploy's.
    if (/^(DATELINE_|VITEST)/.test(key) || ["NODE_ENV", "TEST"].includes(key)) delete env[key];
  }
  return { ...env, TZ: "UTC", SOURCE_DATE_EPOCH, BUILD_TELEMETRY_DISABLED: "true", FORCE_COLOR: "0" };
}

/** Runs `netlify-build --offline --cacheDir=<cacheDir>` in the checkout; keeps its log. */
function runNetlifyBuild(name: string): Promise<RunnerResult> {
  const bin = path.join(site, "node_modules", ".bin", "netlify-build");
  const args = [bin, "--offline", `--cacheDir=${cacheDir}`];
  return new Promise((resolve, reject) => {
    // Its own process group, so a stuck runner is killed with its build.
    const child = spawn(process.execPath, args, { cwd: site, env: buildEnv(), detached: true });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, RUN_LIMIT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const log = stripVTControlCharacters(Buffer.concat(chunks).toString("utf8"));
      const file = path.join(LOG_DIR, `${name}.log`);
      mkdirSync(LOG_DIR, { recursive: true });
      writeFileSync(file, `$ netlify-build --offline --cacheDir=<temp>/cache  (exit ${code})\n${log}`);
      resolve({ code, log, file });
    });
  });
}

/**
 * The runner's last lines, for a failure message: without the resolved configuration it prints
 * after a failed build (the whole of netlify.toml), so the error itself shows.
 */
function lastLines(run: RunnerResult): string {
  const [beforeConfig = ""] = run.log.split(/\n\s*Resolved config\n/);
  const tail = beforeConfig.trimEnd().split("\n").slice(-40).join("\n");
  return `whole log: ${path.relative(root, run.file)}\n…\n${tail}`;
}

/** Fails with the runner's last lines and where its whole log is. */
function expectLog(run: RunnerResult, expected: string | RegExp): void {
  const why = `netlify-build's log lacks ${String(expected)}; ${lastLines(run)}`;
  if (typeof expected === "string") expect(run.log, why).toContain(expected);
  else expect(run.log, why).toMatch(expected);
}

/** The runner finished the build: exit 0, or its last lines and where its whole log is. */
function expectSuccess(run: RunnerResult): void {
  expect(run.code, `netlify-build exited ${run.code}; ${lastLines(run)}`).toBe(0);
}

/** What every successful build of the site shows, whatever the cache held. */
function expectDeploy(run: RunnerResult): void {
  expectLog(run, `@netlify/build ${runnerVersion}`);
  // The plugin is loaded: the build failed here while the module exported CACHE_FOLDERS.
  expectLog(run, /❯ Loading plugins\n\s+- \.\/netlify\/plugins\/dateline-cache@\S+ from netlify\.toml\n/);
  expect(run.log).not.toContain("internal error");
  expect(run.log).not.toContain("Invalid event");
  // The build command from netlify.toml ran and succeeded.
  expectLog(run, "build.command from netlify.toml");
  expectLog(run, "\n$ npm run build\n");
  expectLog(run, /\(build\.command completed in [\d.]+m?s\)/);
  // The scheduled function was bundled.
  expectLog(run, /Packaging Functions from netlify\/functions directory:\n\s+- publish-due-issues\.ts\n/);
  expectLog(run, /\(Functions bundling completed in [\d.]+m?s\)/);
  expectLog(run, `dateline-cache: saved ${FOLDERS.join(", ")}`);
  expectLog(run, "Netlify Build Complete");

  // What Netlify would deploy: the publish folder and the bundled function.
  expect(existsSync(path.join(site, "_site", "index.html"))).toBe(true);
  expect(readFileSync(path.join(site, "_site", "index.html"), "utf8")).toMatch(/^<!doctype html>/i);
  const manifest = JSON.parse(readFileSync(path.join(site, ".netlify/functions/manifest.json"), "utf8")) as {
    functions: { name: string; mainFile: string; path: string; schedule?: string; runtime: string }[];
  };
  expect(manifest.functions.map((fn) => fn.name)).toEqual(["publish-due-issues"]);
  const [fn] = manifest.functions;
  expect(fn?.mainFile).toBe(path.join(site, "netlify/functions/publish-due-issues.ts"));
  expect(fn?.runtime).toBe("js");
  expect(fn?.schedule).toBe("*/15 * * * *");
  expect(fn?.path).toBe(path.join(site, ".netlify/functions/publish-due-issues.zip"));
  // A zip names its entries in plain bytes: the function's own module is in it.
  const zip = readFileSync(path.join(site, ".netlify/functions/publish-due-issues.zip"));
  expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  expect(zip.includes("netlify/functions/publish-due-issues.mjs")).toBe(true);

  // Netlify's cache folder holds the five caches the plugin saved.
  const saved = files(cacheDir);
  for (const folder of FOLDERS) {
    expect(
      saved.some((file) => file.includes(`${folder}/`)),
      `${folder} in Netlify's cache`,
    ).toBe(true);
  }
}

/** node_modules/.cache/dateline-* of the checkout, folder → its files. */
function caches(): Record<string, string[]> {
  return Object.fromEntries(FOLDERS.map((folder) => [folder, files(path.join(site, folder))]));
}

describe("Netlify's build runner, offline, on a fresh checkout (two deploys, one cache)", () => {
  beforeAll(() => {
    // The runner reports real paths (its cwd): compare with the real path of the temp folder.
    work = realpathSync(mkdtempSync(path.join(os.tmpdir(), "dateline-netlify-build-")));
    site = path.join(work, "site");
    cacheDir = path.join(work, "cache");
    checkout(site);
  });

  afterAll(() => {
    if (work !== "") rmSync(work, { recursive: true, force: true });
  });

  let afterFirst: Record<string, string[]> = {};

  it("first deploy: loads the plugin, builds, bundles the function, publishes _site/, saves the caches", async () => {
    const run = await runNetlifyBuild("netlify-build-1");
    expectSuccess(run);
    expectLog(run, `dateline-cache: cold (nothing cached yet): ${FOLDERS.join(", ")}`);
    expect(run.log).not.toContain("dateline-cache: restored");
    expectDeploy(run);
    afterFirst = caches();
    for (const folder of FOLDERS) expect(afterFirst[folder]?.length, folder).toBeGreaterThan(0);
  });

  it("second deploy, from a fresh checkout: the plugin restores the caches the first one saved", async () => {
    expect(Object.keys(afterFirst), "the first deploy ran").toEqual(FOLDERS);
    // What a new clone lacks: the built site, the runner's output and the build caches.
    for (const dir of ["_site", ".netlify", "node_modules/.cache"]) {
      rmSync(path.join(site, dir), { recursive: true, force: true });
    }
    const run = await runNetlifyBuild("netlify-build-2");
    expectSuccess(run);
    expectLog(run, `dateline-cache: restored ${FOLDERS.join(", ")}`);
    expect(run.log).not.toContain("dateline-cache: cold");
    // The unchanged pages came from the restored output store instead of being rendered again.
    expect(run.log).toMatch(/rendered \d+ of \d+ outputs, [1-9]\d* from the output store/);
    expectDeploy(run);
    // The same sources and SOURCE_DATE_EPOCH: the restored caches served the build as they were.
    expect(caches()).toEqual(afterFirst);
  });
});
