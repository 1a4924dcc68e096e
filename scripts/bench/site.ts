/**
 * The full-site project: a throw-away copy of the real Dateline project whose issues are
 * the synthetic corpus and whose authors and topics are the bench ones. What the build
 * reads is copied (it may be edited per project); code and dependencies are symlinked.
 * Of src/issues/ only the non-Markdown files (directory data) are copied.
 */
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchAuthors, benchTopics, type CorpusFile } from "./corpus.ts";

/** The repository root (scripts/bench/../..). */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

const COPIED = ["eleventy.config.ts", "_includes", "_data", "src", "assets", "tsconfig.json", "package.json"];
const LINKED = ["lib", "types", "node_modules"];
const OWN_ISSUES = path.join(REPO, "src", "issues");

/** Writes the project into `dir`; build it there with Eleventy's cmd.cjs. */
export function writeSite(dir: string, files: readonly CorpusFile[]): void {
  if (!existsSync(path.join(REPO, "eleventy.config.ts"))) {
    throw new Error(`${REPO}eleventy.config.ts does not exist yet — run with --only baseline,floor`);
  }
  mkdirSync(dir, { recursive: true });
  for (const name of COPIED) {
    const from = path.join(REPO, name);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, name), {
      recursive: true,
      // The real issues stay behind; their directory data (issues.11tydata.ts) comes along.
      filter: (source) => !(source.startsWith(`${OWN_ISSUES}${path.sep}`) && source.endsWith(".md")),
    });
  }
  for (const name of LINKED) {
    if (existsSync(path.join(REPO, name))) symlinkSync(path.join(REPO, name), path.join(dir, name), "dir");
  }
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  writeFileSync(path.join(dir, "_data", "authors.ts"), benchAuthors());
  writeFileSync(path.join(dir, "_data", "topics.ts"), benchTopics());
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
