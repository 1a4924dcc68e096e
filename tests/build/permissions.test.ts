/**
 * Permission problems a writer can meet, each reported as one line with no stack, and none of
 * them ever changes the published site. File modes do not stop root, so when the tests run as
 * root these builds run as an unprivileged user (setpriv), whom the modes really stop.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { copyOfSharedSite } from "../helpers/shared-fixtures.ts";
import {
  asUnprivileged,
  besideSite,
  deadPid,
  handToUnprivileged,
  runsAsRoot,
  startBuild,
} from "./run-build.ts";

let site: FixtureSite;
beforeAll(() => {
  site = copyOfSharedSite("standard");
  if (site.status !== 0) throw new Error(site.stderr);
  handToUnprivileged(site.dir);
});
afterAll(() => site.remove());

const stackLines = (text: string): string[] => text.split("\n").filter((line) => /^\s+at /.test(line));

const lib = (file: string): string =>
  pathToFileURL(path.resolve(import.meta.dirname, "../../lib", file)).href;

/**
 * `assertReplaceable` (lib/build/swap.ts) on the project's _site, as the build's user and in the
 * project folder, printing what scripts/build.ts prints when it throws.
 */
function replaceableCheck(dir: string): { status: number | null; stderr: string } {
  const script = [
    `import { assertReplaceable } from ${JSON.stringify(lib("build/swap.ts"))};`,
    `import { describeFailure } from ${JSON.stringify(lib("build/errors.ts"))};`,
    "try {",
    '  assertReplaceable(process.cwd() + "/_site");',
    "} catch (error) {",
    '  console.error("Build failed: " + describeFailure(error, "_site.staging"));',
    "  process.exitCode = 1;",
    "}",
  ].join("\n");
  const node = [process.execPath, "--import", "tsx", "--input-type=module", "--eval", script];
  const [command, ...args] = runsAsRoot ? asUnprivileged(node) : node;
  const { status, stderr } = spawnSync(command as string, args, { cwd: dir, encoding: "utf8" });
  return { status, stderr };
}

describe("a read-only _site", () => {
  it("fails the build with one line, before rendering, and _site stays byte for byte", async () => {
    const folders = [site.output, path.join(site.output, "2025")];
    for (const folder of folders) chmodSync(folder, 0o555);
    try {
      const before = hashTree(site.output);
      const result = await startBuild(site.dir, { unprivileged: true }).finished();
      expect(result.status).toBe(1);
      expect(result.stderr.split("\n")).toContain(
        "Build failed: _site/: is read-only, so the new build cannot replace _site/ — make it writable (chmod -R u+w _site) and build again",
      );
      expect(result.stderr).toContain("_site/ was left as it was.");
      // It fails before rendering anything, not after a whole render.
      expect(result.stderr).not.toContain("render…");
      expect(stackLines(result.stderr)).toEqual([]);
      expect(hashTree(site.output)).toEqual(before);
      expect(besideSite(site.dir)).toEqual([]);
    } finally {
      for (const folder of folders) chmodSync(folder, 0o755);
    }
  }, 600_000);

  it("names a read-only folder inside _site", () => {
    // The check the build makes before the swap (above), made alone: no site rendered first.
    const folder = path.join(site.output, "2025/04");
    chmodSync(folder, 0o555);
    try {
      const before = hashTree(site.output);
      const result = replaceableCheck(site.dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        "Build failed: _site/2025/04/: is read-only, so the new build cannot replace _site/ — make it writable (chmod -R u+w _site) and build again\n",
      );
      expect(hashTree(site.output)).toEqual(before);
      // The same folder writable again: nothing stands in the swap's way.
      chmodSync(folder, 0o755);
      expect(replaceableCheck(site.dir)).toEqual({ status: 0, stderr: "" });
    } finally {
      chmodSync(folder, 0o755);
    }
  }, 120_000);
});

describe("a leftover folder the build cannot delete", () => {
  it("is a warning naming the folder, and the build goes on to publish", async () => {
    // A staging folder of a build that is gone, owned by someone else (root): undeletable.
    const leftover = path.join(site.dir, `_site.staging-${deadPid()}`);
    mkdirSync(path.join(leftover, "2025"), { recursive: true });
    writeFileSync(path.join(leftover, "2025/index.html"), "<!doctype html>");
    if (!runsAsRoot) chmodSync(leftover, 0o555);
    try {
      const result = await startBuild(site.dir, { unprivileged: true }).finished();
      expect(result.status).toBe(0);
      expect(result.stderr.split("\n")).toContain(
        `warning: ${path.basename(leftover)}/: left over from an interrupted build, and cannot be removed (permission denied) — remove it by hand`,
      );
      expect(stackLines(result.stderr)).toEqual([]);
      expect(result.stdout).toMatch(/^Built _site\/ in /);
      expect(besideSite(site.dir)).toEqual([path.basename(leftover)]);
    } finally {
      chmodSync(leftover, 0o755);
      rmSync(leftover, { recursive: true, force: true });
    }
  }, 600_000);
});

describe("a project folder the build cannot write", () => {
  it("fails at the lock, in one line, with nothing changed", async () => {
    // A copy of the project folder's entries, so the fixture's own folder stays writable.
    const readOnly = path.join(site.dir, "read-only-copy");
    mkdirSync(readOnly);
    for (const entry of readdirSync(site.dir)) {
      if (entry === "read-only-copy" || entry.startsWith("_site")) continue;
      cpSync(path.join(site.dir, entry), path.join(readOnly, entry), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    handToUnprivileged(readOnly);
    chmodSync(readOnly, 0o555);
    try {
      const result = await startBuild(readOnly, { unprivileged: true }).finished();
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        "Build failed: _site.lock: cannot be created (permission denied) — make its folder writable and build again\n",
      );
      expect(existsSync(path.join(readOnly, "_site"))).toBe(false);
    } finally {
      chmodSync(readOnly, 0o755);
      rmSync(readOnly, { recursive: true, force: true });
    }
  }, 120_000);
});
