/**
 * The digest of everything that turns views into files: templates, includes, CSS and scripts,
 * all of lib/, the Eleventy config, the lockfile and the Node version. It is part of every
 * output's key (lib/eleventy/output-plan.ts), so any edit to the code renders every output
 * again: a stale page is the one bug the output store could add, and this rules out the code's
 * share of it. Issue files, agency photos and the records in _data/ are content, not code: their
 * effect reaches outputs through the views and the site settings, which are in the keys too.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../shared/store.ts";

/** What is code, relative to the project root; folders are read whole, less `EXCLUDED`. */
const CODE_PATHS = ["eleventy.config.ts", "package-lock.json", "lib", "src", "_includes", "assets"] as const;

/** Content inside the code folders: the issues, and the agency photos (the site's own card is code). */
function isExcluded(relative: string, issuesDir: string): boolean {
  if (relative === issuesDir || relative.startsWith(`${issuesDir}/`)) return true;
  return relative.startsWith("assets/photos/") && !relative.startsWith("assets/photos/site");
}

function filesUnder(root: string, relative: string, issuesDir: string, into: string[]): void {
  if (isExcluded(relative, issuesDir)) return;
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    into.push(relative);
    return;
  }
  for (const entry of entries) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) filesUnder(root, child, issuesDir, into);
    else if (!isExcluded(child, issuesDir)) into.push(child);
  }
}

/**
 * The code digest of the project at `root`.
 * @example codeDigest(process.cwd(), "src/issues") // "3f9a…" (64 hex digits)
 */
export function codeDigest(root: string, issuesDir: string): string {
  const files: string[] = [];
  for (const relative of CODE_PATHS) filesUnder(root, relative, issuesDir, files);
  files.sort();
  const lines = files.map((relative) => {
    let hash: string;
    try {
      hash = sha256(readFileSync(path.join(root, relative)));
    } catch {
      hash = "missing";
    }
    return `${relative}\0${hash}`;
  });
  return sha256([`node ${process.version}`, ...lines].join("\n"));
}
