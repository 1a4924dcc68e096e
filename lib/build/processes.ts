/** Whether a build's process is still there: the test every lock and leftover folder relies on. */
import { readFileSync } from "node:fs";

/** A reaped-but-unwaited (zombie) process answers signals, yet will never run again. */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * True while a process other than this one has that pid. This process never counts: a folder
 * or lock with our own pid was left by an earlier process the system gave the same number.
 */
export function isOtherProcessRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}
