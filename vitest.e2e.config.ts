// Browser tests (tests/e2e): `npx vitest run -c vitest.e2e.config.ts`. Needs Chromium at
// /usr/bin/chromium (or CHROMIUM_PATH); without it every browser test is skipped with a notice.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    // As in vitest.config.ts (warms the photo cache the fixture builds share), then one line
    // when Chromium is missing (every browser test is then skipped).
    globalSetup: ["tests/helpers/global-setup.ts", "tests/e2e/global-setup.ts"],
    exclude: ["node_modules/**"],
    // Eleventy loads the TypeScript config and data files with Node's own import().
    execArgv: ["--import", "tsx"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    // expect.poll waits as long as a Playwright wait (helpers.ts newContext), not 1 s: on a busy
    // machine the search worker and its index can take longer than that to answer.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    // One browser and one site build at a time: the files share the machine's CPUs.
    fileParallelism: false,
    // A JSON report beside the console one: CI prints its closing "N passed, N failed" from it.
    reporters: ["default", "json"],
    outputFile: { json: ".cache/vitest-e2e-report.json" },
  },
});
