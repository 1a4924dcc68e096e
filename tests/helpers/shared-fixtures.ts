/**
 * Fixture sites that many test files read. The first file to ask for one builds it, once per
 * run; every other file, in any worker, waits for that build and reads the same site. A file
 * reads the shared site as it is, or works on its own copy (`copyOfSharedSite`) when it edits or
 * rebuilds. A run that needs none builds none. The global set-up (shared-fixtures-setup.ts)
 * gives the run its folder and, at the end, fails the run if a test changed a shared site.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { SAMPLE_EPOCH, sampleIssues } from "../e2e/sample-site.ts";
import { ESCAPING_AUTHORS } from "../fixtures/escaping-authors.ts";
import { FIXTURE_EPOCH, fixtureIssues } from "../fixtures/sample-issues.ts";
import {
  type BuiltFixture,
  buildFixtureSite,
  builtFixtureOf,
  copyFixtureSite,
  type FixtureOptions,
  type FixtureSite,
  sharedFixtureSite,
} from "./fixture-site.ts";
import { hashTree } from "./hash-tree.ts";

/** The shared fixtures by name: what each is built from. */
const SHARED_FIXTURES = {
  /** tests/fixtures/sample-issues.ts at its epoch: four published issues, a draft and a future one. */
  standard: { issues: fixtureIssues, epoch: FIXTURE_EPOCH },
  /**
   * The sample site (tests/e2e/sample-site.ts) at its epoch, a writer's draft and a scheduled
   * issue among its files, with authors whose name and bio need escaping (escaping-authors.ts).
   */
  sample: {
    issues: sampleIssues(),
    epoch: SAMPLE_EPOCH,
    files: { "_data/authors.ts": ESCAPING_AUTHORS },
  },
} satisfies Record<string, FixtureOptions>;

export type SharedFixtureName = keyof typeof SHARED_FIXTURES;

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder of shared fixtures: `<name>/record.json` once `<name>` is built. */
    sharedFixturesDir: string;
  }
}

/** What a shared fixture's builder leaves for the other files and for the teardown. */
export interface SharedFixtureRecord {
  built: BuiltFixture;
  /** sha256 of every file of its `_site`, as built. */
  hashes: Record<string, string>;
}

/** Longer than any fixture build, even on a loaded machine. */
const WAIT_MS = 10 * 60 * 1000;

function recordFile(root: string, name: string): string {
  return path.join(root, name, "record.json");
}

/** Sleeps the calling thread: `beforeAll` hooks that read a fixture are synchronous. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function builtFixture(name: SharedFixtureName): BuiltFixture {
  const root = inject("sharedFixturesDir");
  if (!root)
    throw new Error("no shared fixtures folder: is tests/helpers/shared-fixtures-setup.ts in globalSetup?");
  const file = recordFile(root, name);
  if (!existsSync(file)) {
    let claimed = true;
    try {
      // mkdir is atomic: exactly one worker builds, the others wait for its record.
      mkdirSync(path.dirname(file));
    } catch {
      claimed = false;
    }
    if (claimed) {
      const options = SHARED_FIXTURES[name];
      let record: SharedFixtureRecord;
      try {
        const site = buildFixtureSite(options);
        // A failed build has no site to hash; its folder is still the teardown's to remove.
        record = {
          built: builtFixtureOf(site, options),
          hashes: site.status === 0 ? hashTree(site.output) : {},
        };
      } catch (error) {
        // Recorded, not only thrown: the files waiting for this build must not wait in vain.
        const failed = { dir: "", status: null, stdout: "", stderr: String(error) };
        record = { built: { ...failed, epoch: options.epoch, env: {} }, hashes: {} };
      }
      writeFileSync(`${file}.tmp`, JSON.stringify(record));
      renameSync(`${file}.tmp`, file);
    } else {
      const until = Date.now() + WAIT_MS;
      while (!existsSync(file)) {
        if (Date.now() > until)
          throw new Error(`the shared fixture "${name}" was not built within ${WAIT_MS / 60_000} minutes`);
        sleep(200);
      }
    }
  }
  const { built } = JSON.parse(readFileSync(file, "utf8")) as SharedFixtureRecord;
  if (built.status !== 0)
    throw new Error(`the shared fixture "${name}" failed to build:\n${built.stdout}\n${built.stderr}`);
  return built;
}

/** The shared build of a fixture, read-only (its first build's output and messages). */
export function sharedSite(name: SharedFixtureName): FixtureSite {
  return sharedFixtureSite(builtFixture(name));
}

/** A private copy of a shared fixture's project, built output and caches included. */
export function copyOfSharedSite(name: SharedFixtureName): FixtureSite {
  return copyFixtureSite(builtFixture(name));
}

/** The shared fixtures built in this run, for the teardown. */
export function builtSharedFixtures(root: string): [SharedFixtureName, SharedFixtureRecord][] {
  return (Object.keys(SHARED_FIXTURES) as SharedFixtureName[])
    .filter((name) => existsSync(recordFile(root, name)))
    .map((name) => [name, JSON.parse(readFileSync(recordFile(root, name), "utf8")) as SharedFixtureRecord]);
}
