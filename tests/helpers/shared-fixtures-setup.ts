/**
 * vitest global set-up: a fresh folder for this run's shared fixture sites (shared-fixtures.ts),
 * provided to the test files. At teardown the sites are removed, and the run fails if a test
 * changed a file in one: the files share it on trust that they only read it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { hashTree } from "./hash-tree.ts";
import { builtSharedFixtures } from "./shared-fixtures.ts";

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "dateline-shared-fixtures-"));
  project.provide("sharedFixturesDir", root);
  return () => {
    const changed: string[] = [];
    for (const [name, { built, hashes }] of builtSharedFixtures(root)) {
      if (built.dir === "") continue;
      if (built.status === 0) {
        const now = hashTree(path.join(built.dir, "_site"));
        for (const file of Object.keys({ ...hashes, ...now }).sort())
          if (hashes[file] !== now[file]) changed.push(`${name}: _site/${file}`);
      }
      rmSync(built.dir, { recursive: true, force: true });
    }
    rmSync(root, { recursive: true, force: true });
    if (changed.length > 0) {
      // vitest 4 only logs an error thrown at teardown: the exit code is what fails the run.
      process.exitCode = 1;
      throw new Error(`tests changed the shared fixture sites, which are read-only:\n${changed.join("\n")}`);
    }
  };
}
