/**
 * `npm run build` runs scripts/run.mjs, which runs the build from an esbuild bundle of the
 * project's code. The bundle must never be stale (an edited data file is a new bundle), must give
 * the same site as the sources under tsx, and must not hide an error a writer has to see.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH } from "../fixtures/sample-issues.ts";
import { type FixtureSite, fixtureEnv } from "../helpers/fixture-site.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { copyOfSharedSite } from "../helpers/shared-fixtures.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sites: FixtureSite[] = [];
afterAll(() => {
  for (const site of sites) site.remove();
});

function copy(): FixtureSite {
  const site = copyOfSharedSite("standard");
  sites.push(site);
  return site;
}

/** The bundles kept in a fixture project (its DATELINE_BUNDLE_CACHE). */
const bundlesOf = (site: FixtureSite): string[] => readdirSync(path.join(site.dir, ".cache/bundles")).sort();

describe("scripts/run.mjs", () => {
  it("gives the site the sources give under tsx, keeps its bundle while they are unchanged, and makes a new one when a data file changes", () => {
    const site = copy();
    const bundled = site.rebuild();
    expect(bundled.status, bundled.stderr).toBe(0);
    const fromBundle = hashTree(site.output);
    const bundles = bundlesOf(site);

    const underTsx = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/build.ts"], {
      cwd: site.dir,
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC", SOURCE_DATE_EPOCH: String(FIXTURE_EPOCH), ...fixtureEnv(site.dir) },
    });
    expect(underTsx.status, underTsx.stderr).toBe(0);
    expect(hashTree(site.output)).toEqual(fromBundle);

    const siteFile = path.join(site.dir, "_data/site.ts");
    const source = readFileSync(siteFile, "utf8");
    const title = /title: "([^"]+)"/.exec(source)?.[1] ?? "";
    expect(title).not.toBe("");
    writeFileSync(siteFile, source.replace(`title: "${title}"`, `title: "${title} Weekly"`));
    const edited = site.rebuild();
    expect(edited.status, edited.stderr).toBe(0);
    expect(bundlesOf(site)).toHaveLength(bundles.length + 1);
    // The new bundle holds the edit: the site shows the new title.
    expect(site.read("index.html")).toContain(`<title>${title} Weekly</title>`);

    writeFileSync(siteFile, source);
    expect(site.rebuild().status).toBe(0);
    // The first bundle again, not a third: it is kept under the digest of the same sources.
    expect(bundlesOf(site)).toHaveLength(bundles.length + 1);
    expect(hashTree(site.output)).toEqual(fromBundle);
  });

  it("fails in one line naming the file, line and column of a syntax error", () => {
    const site = copy();
    writeFileSync(path.join(site.dir, "_data/topics.ts"), "export default { russia: { name: 'Russia' ;\n");
    const broken = site.rebuild();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe(
      '\nBuild failed: _data/topics.ts:1:43: Expected "}" but found ";" — fix the file and build again\n\n',
    );
  });

  it("names the script it cannot find, with its usage", () => {
    const result = spawnSync(process.execPath, ["scripts/run.mjs", "no-such-script"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "usage: node scripts/run.mjs <script> [args], where scripts/<script>.ts exists (no scripts/no-such-script.ts)\n",
    );
  });

  it("refuses a bundle folder outside the project, where the bundle could not find its packages", () => {
    const outside = path.join(tmpdir(), "dateline-bundles-elsewhere");
    const result = spawnSync(process.execPath, ["scripts/run.mjs", "build"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATELINE_BUNDLE_CACHE: outside },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `\nBuild failed: DATELINE_BUNDLE_CACHE: ${outside} is outside the project folder, where the bundle cannot find the packages it imports — set it to a folder inside the project, or unset it\n\n`,
    );
    expect(existsSync(outside)).toBe(false);
  });
});
