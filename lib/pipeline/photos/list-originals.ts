/**
 * The originals under the photos folder: every accepted image file, in path order, and every
 * symbolic link refused with the reason (a link could publish a file from outside the folder).
 */

import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { compareCodePoints } from "../../shared/text.ts";
import { messages } from "./problems.ts";

/** A symbolic link the desk will not follow, and the message that says why. */
interface BadLink {
  src: string;
  message: (displayDir: string) => string;
}

/**
 * Originals under `dir`, as `/`-separated paths, sorted; dotfiles (.DS_Store) are skipped.
 * A symbolic link counts as an original when it leads to a file inside `dir` (a photo shared
 * by two folders); one that leads outside, nowhere or to a folder is a bad link, so that it
 * gets a problem line of its own instead of silently missing from the manifest.
 */
export async function listOriginals(dir: string): Promise<{ sources: string[]; badLinks: BadLink[] }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { sources: [], badLinks: [] };
    throw error;
  }
  const relative = (entry: Dirent) =>
    path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
  const visible = (src: string) => !src.split("/").some((part) => part.startsWith("."));
  const sources: string[] = [];
  const badLinks: BadLink[] = [];
  let root: string | undefined;
  for (const entry of entries) {
    const src = relative(entry);
    if (!visible(src)) continue;
    if (entry.isFile()) {
      sources.push(src);
      continue;
    }
    if (!entry.isSymbolicLink()) continue;
    root ??= await realpath(dir);
    const problem = await linkProblem(path.join(dir, src), root);
    if (problem) badLinks.push({ src, message: problem });
    else sources.push(src);
  }
  return {
    sources: sources.sort(compareCodePoints),
    badLinks: badLinks.sort((a, b) => compareCodePoints(a.src, b.src)),
  };
}

/** Why a symbolic link is not a usable original, or `undefined` when it leads to a file inside `root`. */
async function linkProblem(
  link: string,
  root: string,
): Promise<((displayDir: string) => string) | undefined> {
  let target: string;
  try {
    target = await realpath(link);
  } catch {
    return messages.symlinkBroken;
  }
  if (!(await stat(target)).isFile()) return messages.symlinkFolder;
  const inside = path.relative(root, target);
  return inside.startsWith("..") || path.isAbsolute(inside) ? messages.symlinkOutside : undefined;
}
