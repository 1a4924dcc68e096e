/**
 * One measurement = one fresh Node process, so the peak RSS is that build's alone and no
 * warm cache (module, JIT, Eleventy's own) leaks from one run into the next. Wall time is
 * taken by the parent from spawn to exit, so it includes start-up and config loading:
 * what a writer waits for. Every child gets the same preloads (tsx and report-peak).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Measurement {
  ms: number;
  /** Peak resident set size, KiB. */
  peakKiB: number;
  /** The child's stdout, for its "Wrote N files" line. */
  stdout: string;
}

export interface ChildSpec {
  /** Script run by node, absolute or relative to `cwd`. */
  script: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Raised when a child exits non-zero; the message ends with its output's tail. */
export class ChildFailure extends Error {
  override name = "ChildFailure";
}

const TSX = import.meta.resolve("tsx");
const REPORT_PEAK = import.meta.resolve("./report-peak.ts");
const TAIL_CHARS = 6000;

/** Runs the child once and returns its wall time and peak RSS. */
export async function measure(spec: ChildSpec): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-peak-"));
  const peakFile = path.join(scratch, "peak");
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(spec, peakFile);
    const ms = performance.now() - started;
    if (code !== 0) {
      const tail = `${stdout}\n${stderr}`.trim().slice(-TAIL_CHARS);
      throw new ChildFailure(`${spec.script} exited with ${code} in ${spec.cwd}; output tail:\n${tail}`);
    }
    const peakKiB = Number(readFileSync(peakFile, "utf8"));
    return { ms, peakKiB, stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(
  spec: ChildSpec,
  peakFile: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = ["--import", TSX, "--import", REPORT_PEAK, spec.script, ...spec.args];
  const child = spawn(process.execPath, args, {
    cwd: spec.cwd,
    env: { ...spec.env, BENCH_PEAK_FILE: peakFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  // Keep only the tails: a verbose build must not grow the parent's memory.
  child.stdout.on("data", (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-TAIL_CHARS);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-TAIL_CHARS);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Absolute path of a file next to this module. */
export function besideMe(name: string): string {
  return fileURLToPath(import.meta.resolve(`./${name}`));
}
