/** Runs one of the project's scripts as a writer does, in a scratch folder standing in for the project. */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const launcher = path.join(root, "scripts/run.mjs");

export function runScript(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  // As npm runs it: scripts/run.mjs runs the script from the repository's bundle, in `cwd`.
  const name = script.replace(/\.ts$/, "");
  const result = spawnSync(process.execPath, [launcher, name, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
