// The deploy path through Netlify's own build runner: `npm run test:deploy`. Builds a fresh copy
// of the site twice with `netlify-build --offline` (tests/deploy/), about a minute in all, so it
// is not part of `npm test`. Its files are named *.deploy.ts: vitest.config.ts runs *.test.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/deploy/**/*.deploy.ts"],
    exclude: ["node_modules/**"],
    env: { TZ: "UTC" },
    // Each test is one whole Netlify build of the site (15-60 s here); a stuck runner is killed
    // at 8 minutes (tests/deploy/netlify-build.deploy.ts), before this.
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A JSON report beside the console one: CI adds its counts to the closing "N passed, N failed".
    reporters: ["default", "json"],
    outputFile: { json: ".cache/vitest-deploy-report.json" },
  },
});
