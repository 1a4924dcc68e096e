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
  },
});
