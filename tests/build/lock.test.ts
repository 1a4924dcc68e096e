/**
 * One build at a time in a folder: a second build says which build is running and changes
 * nothing; a lock whose build is gone is taken over.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, BuildLockedError } from "../../lib/build/lock.ts";
import { buildFolders } from "../../lib/build/swap.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { copyOfSharedSite } from "../helpers/shared-fixtures.ts";
import { besideSite, deadPid, startBuild } from "./run-build.ts";

describe("acquireLock", () => {
  let dir: string;
  let lockPath: string;
  let holder: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dateline-lock-"));
    lockPath = path.join(dir, "_site.lock");
  });
  afterAll(() => {
    holder?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes this process's pid, and release removes the lock", () => {
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it("refuses a lock a running process holds, naming its pid", async () => {
    // A live process that is not a build: only its pid matters.
    holder = spawn(process.execPath, ["-e", "process.stdin.resume()"], {
      stdio: ["pipe", "ignore", "ignore"],
    });
    const pid = holder.pid as number;
    writeFileSync(lockPath, `${pid}\n`);
    expect(() => acquireLock(lockPath)).toThrow(BuildLockedError);
    expect(() => acquireLock(lockPath)).toThrow(
      `another build (pid ${pid}) is running in this folder — wait for it to finish`,
    );
    expect(readFileSync(lockPath, "utf8")).toBe(`${pid}\n`);

    const ended = new Promise((resolve) => holder?.on("exit", resolve));
    holder.kill("SIGKILL");
    await ended;
    const release = acquireLock(lockPath);
    expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}\n`);
    release();
  });

  it("takes over a lock whose process is gone, or that holds no pid", () => {
    for (const stale of [`${deadPid()}\n`, "", "not a pid\n"]) {
      writeFileSync(lockPath, stale);
      const release = acquireLock(lockPath);
      expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid}\n`);
      release();
    }
    expect(existsSync(lockPath)).toBe(false);
  });
});

describe("two builds in one folder", () => {
  let site: FixtureSite;
  beforeAll(() => {
    site = copyOfSharedSite("standard");
    if (site.status !== 0) throw new Error(site.stderr);
  });
  afterAll(() => site.remove());

  it("the second exits 1 with one line and touches nothing; the first finishes and publishes", async () => {
    const published = hashTree(site.output);
    const first = startBuild(site.dir, { env: { DATELINE_BUILD_PAUSE_AT: "staged" } });
    await first.waitForLine("paused at staged");
    const { staging } = buildFolders(site.output, first.pid);
    const stagedPages = hashTree(staging);

    const second = await startBuild(site.dir).finished();
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      `Build failed: another build (pid ${first.pid}) is running in this folder — wait for it to finish\n`,
    );
    expect(second.stdout).toBe("");
    // The running build's staging folder is not a "leftover" to the second one.
    expect(hashTree(staging)).toEqual(stagedPages);
    expect(hashTree(site.output)).toEqual(published);

    first.resume();
    const done = await first.finished();
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Built _site\/ in /);
    expect(besideSite(site.dir)).toEqual([]);
    expect(hashTree(site.output)).toEqual(published);
  }, 600_000);

  it("a lock left by a killed build is taken over", async () => {
    const gone = deadPid();
    writeFileSync(path.join(site.dir, "_site.lock"), `${gone}\n`);
    const build = startBuild(site.dir, { env: { DATELINE_BUILD_PAUSE_AT: "started" } });
    await build.waitForLine("paused at started");
    expect(readFileSync(path.join(site.dir, "_site.lock"), "utf8")).toBe(`${build.pid}\n`);
    const killed = await build.kill();
    expect(killed.stderr).toBe("paused at started\n");
  }, 120_000);
});
