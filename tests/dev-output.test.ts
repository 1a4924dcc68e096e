/**
 * The dev server and `npm run build` write to different folders: a writer previewing with
 * `npm start` while a build runs never serves a half-swapped `_site/`, and the build's
 * clean-up of leftover folders never deletes what the dev server is serving.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureSite } from "./helpers/fixture-site.ts";
import { copyOfSharedSite } from "./helpers/shared-fixtures.ts";

const root = path.resolve(import.meta.dirname, "..");
const scripts: Record<string, string> = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).scripts;
const DEV_PAGE = "<!doctype html><title>dev server page</title>\n";

let site: FixtureSite;
beforeAll(() => {
  // A built project with the dev server's folder beside _site/, then a build.
  const project = copyOfSharedSite("standard");
  mkdirSync(path.join(project.dir, "_site.dev"));
  writeFileSync(path.join(project.dir, "_site.dev/index.html"), DEV_PAGE);
  site = project.rebuild();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
}, 180_000);
afterAll(() => site?.remove());

describe("the dev server's output folder", () => {
  it("is _site.dev/, not the build's _site/", () => {
    expect(scripts.start).toContain("--output=_site.dev");
    expect(scripts.start).toContain("--serve");
  });

  it("is left as it was by a build, which publishes _site/ beside it", () => {
    expect(readFileSync(path.join(site.dir, "_site.dev/index.html"), "utf8")).toBe(DEV_PAGE);
    expect(site.stdout).toMatch(/^Built _site\/ in /);
    expect(readFileSync(path.join(site.output, "index.html"), "utf8")).toContain("<h1");
  });
});
