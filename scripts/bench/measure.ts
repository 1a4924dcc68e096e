/**
 * One measurement = one command run to completion as a fresh process tree (`npm run build`
 * is npm → sh → node, and Pagefind's own binary): wall time from spawn to exit, as the writer
 * waits for it, and the peak resident set size of the largest process in the tree.
 *
 * The peak comes from GNU time (`/usr/bin/time -f %M`), whose figure is the kernel's own
 * maximum over the tree; without it, /proc is polled for each process's high-water mark.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Command {
  /** What is run: a program on PATH or an absolute path. */
  program: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Measurement {
  ms: number;
  /** Peak RSS of the largest process of the tree, KiB. */
  peakKiB: number;
  /** The tail of the command's stdout and stderr together, for its summary lines. */
  output: string;
}

/** Raised when a command exits non-zero; the message ends with its output's tail. */
export class CommandFailure extends Error {
  override name = "CommandFailure";
}

const GNU_TIME = "/usr/bin/time";
const TAIL_CHARS = 20_000;
const POLL_MS = 100;

/** How the peak is measured here, for the report's header. */
export function peakMethod(): string {
  return existsSync(GNU_TIME)
    ? `${GNU_TIME} -f %M (largest process of the tree)`
    : "/proc VmHWM polled every 100 ms (largest process of the tree)";
}

export function commandLine(command: Command): string {
  return [command.program, ...command.args].join(" ");
}

/** Runs the command once; `echo` gets each chunk of its output as it comes (for --verbose). */
export async function measure(command: Command, echo?: (chunk: string) => void): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-peak-"));
  const peakFile = path.join(scratch, "peak");
  const withTime = existsSync(GNU_TIME);
  const [program, args] = withTime
    ? [GNU_TIME, ["-f", "%M", "-o", peakFile, command.program, ...command.args]]
    : [command.program, command.args];
  try {
    const started = performance.now();
    const child = spawn(program, args, {
      cwd: command.cwd,
      env: command.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      echo?.(text);
      // Keep only the tail: a chatty build must not grow the bench's memory.
      output = (output + text).slice(-TAIL_CHARS);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const poller = withTime ? undefined : pollPeak(child.pid);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    const ms = performance.now() - started;
    const polledKiB = poller?.stop() ?? 0;
    if (code !== 0) {
      throw new CommandFailure(
        `${commandLine(command)} exited with ${code} in ${command.cwd}; output tail:\n${output.trim().slice(-6000)}`,
      );
    }
    const peakKiB = withTime ? Number(readFileSync(peakFile, "utf8").trim().split("\n").at(-1)) : polledKiB;
    return { ms, peakKiB, output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Polls /proc for the descendants of `root` and keeps the highest VmHWM seen. */
function pollPeak(root: number | undefined): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    if (root === undefined) return;
    for (const pid of processTree(root)) peak = Math.max(peak, highWaterKiB(pid));
  };
  const timer = setInterval(sample, POLL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

function highWaterKiB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
