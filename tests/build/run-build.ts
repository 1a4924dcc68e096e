/**
 * Runs `scripts/build.ts` in a fixture project as a child process the test can hold, watch and
 * kill: it waits for a line on the build's stderr (the pause hook's `paused at <step>`), never
 * for a moment found by polling, and every wait has a bound.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, lchownSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { FIXTURE_EPOCH } from "../fixtures/sample-issues.ts";

interface BuildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningBuild {
  pid: number;
  /** Resolves once the build has printed this exact line to stderr; rejects if it exits first. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Lets a paused build go on (a line on its stdin). */
  resume(): void;
  /** The build's end. */
  finished(timeoutMs?: number): Promise<BuildResult>;
  /** SIGKILL, then its end. */
  kill(): Promise<BuildResult>;
  stderr(): string;
}

/** The user unprivileged builds run as (nobody), when the tests run as root. */
const UNPRIVILEGED = 65534;
export const runsAsRoot = process.getuid?.() === 0;

const repository = path.resolve(import.meta.dirname, "../..");

/**
 * Lets the unprivileged user reach `dir` and the code it runs: a checkout or scratch copy may
 * sit in a mktemp folder (mode 0700), so each folder above gains search permission (o+x) only.
 */
function allowTraversal(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/** Hands a fixture project to the unprivileged user (symlinks themselves, never what they point to). */
export function handToUnprivileged(dir: string): void {
  if (!runsAsRoot) return;
  for (const reached of [
    dir,
    repository,
    ...["lib", "node_modules"].map((entry) => path.join(repository, entry)),
  ]) {
    allowTraversal(realpathSync(reached));
  }
  lchownSync(dir, UNPRIVILEGED, UNPRIVILEGED);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    lchownSync(path.join(entry.parentPath, entry.name), UNPRIVILEGED, UNPRIVILEGED);
  }
}

/** `command` run as the unprivileged user (through setpriv), for a test running as root. */
export function asUnprivileged(command: string[]): string[] {
  if (spawnSync("setpriv", ["--version"]).status !== 0)
    throw new Error("these tests run as root and need setpriv (util-linux) to build as an unprivileged user");
  return [
    "setpriv",
    `--reuid=${UNPRIVILEGED}`,
    `--regid=${UNPRIVILEGED}`,
    "--clear-groups",
    "--",
    ...command,
  ];
}

function bounded<T>(promise: Promise<T>, timeoutMs: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms ${what()}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts a build the way `buildFixtureSite` runs one (same environment, so the same bytes).
 * `unprivileged` runs it as a user that file permissions really stop (through setpriv when root).
 */
export function startBuild(
  dir: string,
  options: { env?: Record<string, string>; unprivileged?: boolean } = {},
): RunningBuild {
  const script = [process.execPath, "--expose-gc", "scripts/run.mjs", "build"];
  const asOther = options.unprivileged === true && runsAsRoot;
  const [command, ...args] = asOther ? asUnprivileged(script) : script;
  const child: ChildProcess = spawn(command as string, args, {
    cwd: dir,
    env: {
      ...process.env,
      TZ: "UTC",
      SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH),
      DATELINE_PHOTO_CACHE: path.join(dir, ".cache/photos"),
      DATELINE_BUNDLE_CACHE: path.join(dir, ".cache/bundles"),
      ...(asOther ? { HOME: dir } : {}),
      ...options.env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  const lineWaiters = new Set<() => void>();
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    for (const check of lineWaiters) check();
  });
  let exited = false;
  const ended = new Promise<BuildResult>((resolve) => {
    // "close": the process has exited and its output has all been read.
    child.on("close", (status, signal) => {
      exited = true;
      for (const check of lineWaiters) check();
      resolve({ status, signal, stdout, stderr });
    });
  });
  if (child.pid === undefined) throw new Error("the build did not start");
  const describe = (): string => `(stderr so far:\n${stderr})`;

  return {
    // setpriv execs node, so this is the build's own pid either way.
    pid: child.pid,
    waitForLine(line, timeoutMs = 240_000) {
      const seen = new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (stderr.split("\n").includes(line)) {
            lineWaiters.delete(check);
            resolve();
          } else if (exited) {
            lineWaiters.delete(check);
            reject(new Error(`the build ended before printing "${line}" ${describe()}`));
          }
        };
        lineWaiters.add(check);
        check();
      });
      return bounded(seen, timeoutMs, () => `waiting for "${line}" ${describe()}`);
    },
    resume() {
      child.stdin?.write("\n");
    },
    finished(timeoutMs = 240_000) {
      return bounded(ended, timeoutMs, () => `waiting for the build to end ${describe()}`);
    },
    kill() {
      child.kill("SIGKILL");
      return bounded(ended, 30_000, () => `waiting for the killed build to end ${describe()}`);
    },
    stderr: () => stderr,
  };
}

/** Names beside `_site` that builds create (staging, previous, lock). */
export function besideSite(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith("_site."))
    .sort();
}

/** A pid that certainly belonged to a process that has ended (it was started and waited for). */
export function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  if (pid === undefined) throw new Error("could not start a process");
  return pid;
}
