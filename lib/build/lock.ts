/**
 * One build at a time per output folder. `_site.lock`, beside `_site`, holds the pid of the build
 * that owns the folder. It appears whole or not at all: the pid is written to a draft file that
 * is then hard-linked into place, and linking onto an existing name fails. A lock whose process
 * is gone (the build was killed) is stale, and the next build takes it over.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { BuildError } from "../shared/problems.ts";
import { reasonOf, shownPath } from "./errors.ts";
import { isOtherProcessRunning } from "./processes.ts";

export class BuildLockedError extends BuildError {
  constructor(readonly holder: number) {
    super(`another build (pid ${holder}) is running in this folder — wait for it to finish`);
  }
}

export const lockPathFor = (output: string): string => `${output}.lock`;

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** The pid in a lock file; undefined when the file is gone or holds no pid. */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isSafeInteger(pid) ? pid : undefined;
  } catch (error) {
    if (codeOf(error) === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Moves a stale lock aside. Of two builds taking over the same stale lock, only one rename
 * succeeds; if what was moved turns out to be a live build's fresh lock, it is put back.
 */
function takeOver(lockPath: string, staleHolder: number | undefined): void {
  const aside = `${lockPath}-stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return;
    throw error;
  }
  const moved = holderOf(aside);
  if (moved !== staleHolder && moved !== undefined && isOtherProcessRunning(moved)) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Takes the lock for this process, or throws BuildLockedError naming the build that holds it.
 * Returns the release function (which leaves a lock that is no longer ours alone).
 */
export function acquireLock(lockPath: string): () => void {
  const draft = `${lockPath}-draft-${process.pid}`;
  try {
    writeFileSync(draft, `${process.pid}\n`);
  } catch (error) {
    throw new BuildError(
      `${shownPath(lockPath)}: cannot be created (${reasonOf(error)}) — make its folder writable and build again`,
    );
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, lockPath);
        return () => {
          if (holderOf(lockPath) === process.pid) rmSync(lockPath, { force: true });
        };
      } catch (error) {
        if (codeOf(error) !== "EEXIST") throw error;
      }
      const holder = holderOf(lockPath);
      if (holder !== undefined && isOtherProcessRunning(holder)) throw new BuildLockedError(holder);
      takeOver(lockPath, holder);
    }
    throw new BuildError(`${lockPath}: could not be taken; other builds keep starting here — try again`);
  } finally {
    rmSync(draft, { force: true });
  }
}
