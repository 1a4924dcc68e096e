/**
 * The scratch projects the build benchmark times, each in its own folder:
 *
 * - dateline: a copy of this repository's working tree (the files git tracks or would track,
 *   so uncommitted work is measured too) whose issues are the synthetic corpus and whose
 *   authors and topics are the bench ones; the sample issues stay behind. Its node_modules
 *   is a folder of links to the repository's packages, so its node_modules/.cache, where the
 *   build keeps its caches, belongs to the scratch project alone.
 * - baseline: the plain Eleventy blog (baseline.ts) over the same Markdown, built with
 *   `npm run build` as well, so both pay npm's start-up.
 * - hugo: the same blog for Hugo (hugo.ts).
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeBaseline } from "./baseline.ts";
import { benchAuthors, benchTopics, type CorpusFile } from "./corpus.ts";

/** The repository root (scripts/bench/../..). */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The build's cache folders, all under node_modules/.cache/ and named dateline-*. */
const CACHE_PREFIX = "dateline-";

/** A sample issue: Markdown under src/issues/ (its directory data file comes along). */
function isSampleIssue(file: string): boolean {
  return file.startsWith("src/issues/") && file.endsWith(".md");
}

/** Tracked and untracked-but-not-ignored files of the working tree that exist now. */
function workingTreeFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listed.split("\0").filter(Boolean))].filter((file) => {
    const from = path.join(REPO, file);
    return existsSync(from) && statSync(from).isFile();
  });
}

function writeFile(dir: string, relative: string, text: string): void {
  const target = path.join(dir, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** node_modules as a folder of links to the repository's packages, without its .cache. */
function linkPackages(dir: string): void {
  const target = path.join(dir, "node_modules");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(path.join(REPO, "node_modules"))) {
    if (name === ".cache") continue;
    symlinkSync(path.join(REPO, "node_modules", name), path.join(target, name));
  }
}

/** The files of a commit, written into `dir` by git archive. */
function extractCommit(ref: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["archive", "--format=tar", ref], {
    cwd: REPO,
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  for (const entry of readdirSync(path.join(dir, "src", "issues"), {
    recursive: true,
    withFileTypes: true,
  })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && isSampleIssue(path.relative(dir, file))) rmSync(file);
  }
}

/**
 * Writes the Dateline project into `dir`, from the working tree or, given `ref`, from that
 * commit; build it there with `npm run build`.
 */
export function writeDateline(dir: string, corpus: readonly CorpusFile[], ref?: string): void {
  if (ref) extractCommit(ref, dir);
  else {
    for (const file of workingTreeFiles()) {
      if (isSampleIssue(file)) continue;
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(REPO, file), target);
    }
  }
  linkPackages(dir);
  // The schemas moved to lib/contract/ (issue 18); a --ref build of an older commit has them in lib/.
  const schemaModule = existsSync(path.join(dir, "lib/contract/schema.ts"))
    ? "lib/contract/schema.ts"
    : "lib/schema.ts";
  writeFile(dir, "_data/authors.ts", benchAuthors(schemaModule));
  writeFile(dir, "_data/topics.ts", benchTopics(schemaModule));
  for (const file of corpus) writeFile(dir, file.path, file.text);
}

/** Writes the plain Eleventy blog into `dir`, with a `build` script like the site's. */
export function writeBaselineProject(dir: string, corpus: readonly CorpusFile[]): void {
  writeBaseline(dir, corpus);
  const scripts = { build: "eleventy --config=eleventy.config.mjs --quiet" };
  writeFile(dir, "package.json", `${JSON.stringify({ private: true, scripts }, null, 2)}\n`);
  // Links, never one link to the whole folder: a cold start deletes node_modules/.cache/dateline-*.
  linkPackages(dir);
}

/** Adds or replaces one issue of the project. */
export function writeIssue(dir: string, file: CorpusFile): void {
  writeFile(dir, file.path, file.text);
}

/** A cold start: no published site, no leftovers of an interrupted build, no caches. */
export function makeCold(dir: string): void {
  // The scratch project's own caches only: never the repository's, through a linked folder.
  if (lstatSync(path.join(dir, "node_modules")).isSymbolicLink())
    throw new Error(
      `${dir}/node_modules is a link: a cold start there would delete another project's caches`,
    );
  for (const name of readdirSync(dir)) {
    if (name === "_site" || name.startsWith("_site.")) rmSync(path.join(dir, name), { recursive: true });
  }
  const caches = path.join(dir, "node_modules", ".cache");
  if (!existsSync(caches)) return;
  for (const name of readdirSync(caches)) {
    if (name.startsWith(CACHE_PREFIX)) rmSync(path.join(caches, name), { recursive: true });
  }
}

/** The published page of the issue with this slug, found by its folder name. */
export function issuePage(site: string, slug: string): string | undefined {
  const entry = readdirSync(site, { recursive: true, withFileTypes: true }).find(
    (item) => item.isDirectory() && item.name === slug,
  );
  const page = entry && path.join(entry.parentPath, entry.name, "index.html");
  return page && existsSync(page) ? page : undefined;
}

/** The largest HTML page of a built site, path relative to it, and the number of pages. */
export function largestPage(site: string): { page: string; bytes: number; pages: number } {
  let largest = { page: "", bytes: 0 };
  let pages = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    pages++;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = statSync(file);
    if (size > largest.bytes) largest = { page: path.relative(site, file), bytes: size };
  }
  return { ...largest, pages };
}
