/**
 * `isOtherProcessRunning`, which every lock and leftover folder relies on: a live process of
 * another pid counts, this process, a finished one, a zombie and a pid no process can have do not.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { isOtherProcessRunning } from "../../lib/build/processes.ts";

const children: number[] = [];
afterAll(() => {
  for (const pid of children) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

/** A child that sleeps until killed, by pid. */
function sleeper(): number {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  if (child.pid === undefined) throw new Error("sleep did not start");
  children.push(child.pid);
  return child.pid;
}

describe("isOtherProcessRunning", () => {
  it.each([
    ["this process, whose pid an earlier build may have had", process.pid],
    ["pid 0", 0],
    ["a negative pid", -1],
    ["a fraction", 1.5],
    ["NaN, as a damaged lock file reads", Number.NaN],
    ["a pid beyond any the system hands out", 2 ** 31],
  ])("is false for %s", (_name, pid) => {
    expect(isOtherProcessRunning(pid)).toBe(false);
  });

  it("is true for a running process, false once it has exited", async () => {
    const pid = sleeper();
    expect(isOtherProcessRunning(pid)).toBe(true);
    process.kill(pid, "SIGKILL");
    await expect.poll(() => isOtherProcessRunning(pid)).toBe(false);
  });

  it("is true for a process it may not signal (EPERM), such as init", () => {
    // As root, signal 0 to pid 1 succeeds; as anyone else it fails with EPERM: both mean running.
    expect(isOtherProcessRunning(1)).toBe(true);
  });

  it.skipIf(!existsSync("/proc/self/stat"))(
    "is false for a zombie, which answers signals but will never run again",
    async () => {
      // `sleep 0` exits at once; the shell then becomes `sleep 60`, which never reaps it.
      const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 60"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      if (parent.pid !== undefined) children.push(parent.pid);
      const zombie = Number((await once(parent.stdout, "data")).toString().trim());
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/^\d+ \(sleep\) Z/);
      expect(() => process.kill(zombie, 0)).not.toThrow();
      expect(isOtherProcessRunning(zombie)).toBe(false);
    },
  );
});
