/**
 * vitest global set-up: builds each shared fixture site once (shared-fixtures.ts) and provides
 * it to the test files. At teardown the sites are removed, and the run fails if a test changed
 * a file in one: the files share it on trust that they only read it.
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type BuiltFixture, buildFixtureSite, builtFixtureOf } from "./fixture-site.ts";
import { hashTree } from "./hash-tree.ts";
import { SHARED_FIXTURES, type SharedFixtureName } from "./shared-fixtures.ts";

export default function setup(project: TestProject): () => void {
  const built = {} as Record<SharedFixtureName, BuiltFixture>;
  const before = new Map<SharedFixtureName, Record<string, string>>();
  const removals: (() => void)[] = [];
  for (const [name, options] of Object.entries(SHARED_FIXTURES) as [
    SharedFixtureName,
    (typeof SHARED_FIXTURES)[SharedFixtureName],
  ][]) {
    const site = buildFixtureSite(options);
    built[name] = builtFixtureOf(site, options);
    before.set(name, hashTree(site.output));
    removals.push(site.remove);
  }
  project.provide("sharedFixtures", built);
  return () => {
    const changed = [...before].flatMap(([name, hashes]) => {
      const now = hashTree(path.join(built[name].dir, "_site"));
      return Object.keys({ ...hashes, ...now })
        .filter((file) => hashes[file] !== now[file])
        .map((file) => `${name}: _site/${file}`);
    });
    for (const remove of removals) remove();
    if (changed.length > 0)
      throw new Error(`tests changed the shared fixture sites, which are read-only:\n${changed.join("\n")}`);
  };
}
