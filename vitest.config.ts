import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Eleventy loads the TypeScript config and data files with Node's own import().
    execArgv: ["--import", "tsx"],
    env: { TZ: "UTC" },
    // The photo cache first: the shared fixture sites are built from it.
    globalSetup: ["tests/helpers/global-setup.ts", "tests/helpers/shared-fixtures-setup.ts"],
    // One worker per core, not vitest's default of one fewer: most files wait on a site build in a
    // child process, and with a single worker on 2 cores the second core sat idle.
    maxWorkers: "100%",
    // The files of a worker share loaded modules instead of importing lib/, Eleventy, sharp and
    // html-validate afresh for each file: that import was a third of the unit run's time. A file
    // that mocks a module loads what uses it afresh (vi.resetModules, tests/photos/warm.test.ts).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A JSON report beside the console one: CI prints its closing "N passed, N failed" from it.
    reporters: ["default", "json"],
    outputFile: { json: ".cache/vitest-report.json" },
  },
});
