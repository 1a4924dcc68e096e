// Browser tests (tests/e2e): `npx vitest run -c vitest.e2e.config.ts`. Needs Chromium at
// /usr/bin/chromium (or CHROMIUM_PATH); without it every browser test is skipped with a notice.
// With DATELINE_README_SCREENSHOTS=1 (`npm run screenshots`) it takes the screenshots instead.
import { defineConfig } from "vitest/config";

const SCREENSHOTS = "tests/e2e/screenshots.e2e.test.ts";
const takingScreenshots = process.env.DATELINE_README_SCREENSHOTS === "1";

export default defineConfig({
  test: {
    include: takingScreenshots ? [SCREENSHOTS] : ["tests/e2e/**/*.e2e.test.ts"],
    // As in vitest.config.ts (warms the photo cache the fixture builds share), then the sample
    // site, built once for every file (or one line when Chromium is missing: all is skipped).
    globalSetup: ["tests/helpers/global-setup.ts", "tests/e2e/global-setup.ts"],
    exclude: takingScreenshots ? ["node_modules/**"] : ["node_modules/**", SCREENSHOTS],
    // Eleventy loads the TypeScript config and data files with Node's own import().
    execArgv: ["--import", "tsx"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    // expect.poll waits as long as a Playwright wait (helpers.ts newContext), not 1 s: on a busy
    // machine the search worker and its index can take longer than that to answer.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    // Two files at a time, each with its own browser: a file mostly waits on one process at a
    // time (its own, Chromium, a site build or the dev server), so a second file uses the other
    // core; one file's site build runs while the other drives Chromium.
    fileParallelism: true,
    maxWorkers: 2,
    // A worker keeps its imported modules (helpers, axe-core, the lib) from one file to the
    // next: importing them again for each file cost seconds a file.
    isolate: false,
    // A JSON report beside the console one: CI prints its closing "N passed, N failed" from it.
    reporters: ["default", "json"],
    outputFile: { json: ".cache/vitest-e2e-report.json" },
  },
});
