/**
 * Runs once before the browser tests: says, in one line, when they will all be skipped, and
 * otherwise builds the sample site once for every file (helpers.ts `sampleSite`), in place of
 * one build per file. The files only read it; at teardown the run fails if one changed it.
 */
import type { TestProject } from "vitest/node";
import { hashTree } from "../helpers/hash-tree.ts";
import { buildSite } from "./build.ts";
import { CHROMIUM_PATH, hasChromium } from "./chromium.ts";
import { SAMPLE_EPOCH, sampleIssues } from "./sample-site.ts";

export default function setup(project: TestProject): (() => void) | undefined {
  if (!hasChromium) {
    console.warn(`e2e: skipped — Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return undefined;
  }
  const site = buildSite(sampleIssues(), SAMPLE_EPOCH);
  const before = hashTree(site.output);
  project.provide("e2eSampleSite", { dir: site.dir, output: site.output });
  return () => {
    const after = hashTree(site.output);
    const changed = Object.keys({ ...before, ...after }).filter((file) => before[file] !== after[file]);
    site.remove();
    if (changed.length > 0) {
      // vitest only logs an error thrown at teardown; the exit code is what fails the run.
      process.exitCode = 1;
      throw new Error(
        `a browser test changed the shared sample site, which is read-only:\n${changed.join("\n")}`,
      );
    }
  };
}
