import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Eleventy loads the TypeScript config and data files with Node's own import().
    execArgv: ["--import", "tsx"],
    env: { TZ: "UTC" },
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A JSON report beside the console one: CI prints its closing "N passed, N failed" from it.
    reporters: ["default", "json"],
    outputFile: { json: ".cache/vitest-report.json" },
  },
});
