/**
 * A test-only hook: `DATELINE_BUILD_PAUSE_AT=<step>` makes the build print `paused at <step>`
 * to stderr and wait for a line (or the end) on stdin, so a test can kill it at exactly that
 * step instead of at a moment found by polling. Unset, it costs nothing.
 */
import type { Readable } from "node:stream";
import { BuildError } from "../shared/problems.ts";

/** In build order: after recovery and clean-up; staging written; checks passed; `_site` moved aside. */
const PAUSE_STEPS = ["started", "staged", "before-swap", "mid-swap"] as const;
export type PauseStep = (typeof PAUSE_STEPS)[number];

const PAUSE_VARIABLE = "DATELINE_BUILD_PAUSE_AT";

/** The step to pause at, if any; an unknown step is an error rather than a hook that never fires. */
export function pauseStepFrom(env: Record<string, string | undefined>): PauseStep | undefined {
  const value = env[PAUSE_VARIABLE];
  if (value === undefined || value === "") return undefined;
  const step = PAUSE_STEPS.find((known) => known === value);
  if (!step)
    throw new BuildError(
      `${PAUSE_VARIABLE}: "${value}" is not a step — use one of ${PAUSE_STEPS.join(", ")} (a test-only hook)`,
    );
  return step;
}

/** Waits at `step` when it is the chosen one; resolves when stdin gives a line or ends. */
export function pauseAt(
  step: PauseStep,
  chosen: PauseStep | undefined,
  input: Readable = process.stdin,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  if (step !== chosen) return Promise.resolve();
  log(`paused at ${step}`);
  return new Promise((resolve) => {
    const resume = (): void => {
      input.off("data", resume).off("end", resume).off("error", resume);
      input.destroy();
      resolve();
    };
    input.on("data", resume).on("end", resume).on("error", resume);
    input.resume();
  });
}
