/**
 * Checked issues kept between runs: each "process" here is a fresh import of the content stage
 * (its memory empty), with a real JsonStore on disk. An unchanged issue is not checked again and
 * comes back exactly as checked (dates in the site's zone, problems and warnings word for word);
 * a changed file or a changed context is checked afresh.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckContext } from "../../../lib/pipeline/content/check-issue.ts";
import type { CheckStore } from "../../../lib/pipeline/content/check-store.ts";
import { contentCacheDir, openCheckStore } from "../../../lib/pipeline/content/check-store.ts";
import { createCheckContext } from "../../helpers/check-context.ts";
import { issueFile } from "../../helpers/fixture-site.ts";

const CODE = "c".repeat(64);
let context: CheckContext;
let removeContext: () => void;
let storeDir: string;

beforeAll(async () => {
  ({ context, remove: removeContext } = await createCheckContext());
});
afterAll(() => removeContext());
beforeEach(() => {
  storeDir = mkdtempSync(path.join(os.tmpdir(), "dateline-check-store-"));
});
afterEach(() => rmSync(storeDir, { recursive: true, force: true }));

const front = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  dek: `${title}, in brief.`,
  date: "2025-04-10T16:30:00+03:00",
  authors: ["ayse-kaya"],
  topics: ["russia"],
  ...extra,
});

let files: Record<string, string>;
beforeEach(() => {
  files = {
    "src/issues/2025/alpha.md": issueFile(front("Alpha"), "See [bravo](./bravo.md) and [gone](./gone.md)."),
    "src/issues/2025/bravo.md": issueFile(
      front("Bravo", { updated: "2025-04-11T09:00:00+03:00" }),
      "Russia's delegation met.",
    ),
    "src/issues/2025/charlie.md": issueFile(front("Charlie", { authors: ["nobody-known"] }), "Words."),
  };
});

/** A run of the content stage in a fresh process, counting the files it really checked. */
async function run(root: string | false = storeDir, code = CODE, given: CheckContext = context) {
  vi.resetModules();
  const { loadIssues } = await import("../../../lib/pipeline/content/load-issues.ts");
  const { readIssueSource } = await import("../../../lib/pipeline/content/read.ts");
  const store = (await import("../../../lib/pipeline/content/check-store.ts")).openCheckStore(root, code);
  const checked: string[] = [];
  const counting: CheckStore = {
    remember: (key, body, zone, check) =>
      store.remember(key, body, zone, () => {
        const result = check();
        checked.push(result.issue?.inputPath ?? result.problems[0]?.file ?? "?");
        return result;
      }),
    finish: () => store.finish(),
  };
  const sources = Object.entries(files).map(([file, text]) => readIssueSource(file, text));
  const result = loadIssues({ ...given, root: "/", issuesDir: "src/issues", sources, checkStore: counting });
  await counting.finish();
  const shown = {
    issues: result.issues.map((issue) => ({
      ...issue,
      published: issue.published.toISO(),
      modified: issue.modified.toISO(),
    })),
    problems: result.problems,
    warnings: result.warnings,
  };
  return { ...shown, checked: checked.sort() };
}

describe("a check store between runs", () => {
  it("checks each file once, then gives back every unchanged one exactly as checked", async () => {
    const cold = await run();
    expect(cold.checked).toEqual([
      "src/issues/2025/alpha.md",
      "src/issues/2025/bravo.md",
      "src/issues/2025/charlie.md",
    ]);
    expect(cold.problems.map((problem) => `${problem.file}: ${problem.field}`)).toEqual([
      "src/issues/2025/charlie.md: authors.0",
      "src/issues/2025/alpha.md: body",
    ]);
    const warm = await run();
    expect(warm.checked).toEqual([]);
    expect(warm).toEqual({ ...cold, checked: [] });
    expect(warm.issues.find((issue) => issue.slug === "bravo")?.modified).toBe(
      "2025-04-11T09:00:00.000+03:00",
    );
  });

  it("checks again only the file that changed", async () => {
    await run();
    files["src/issues/2025/bravo.md"] = issueFile(front("Bravo, revised"), "Russia's delegation met again.");
    const warm = await run();
    expect(warm.checked).toEqual(["src/issues/2025/bravo.md"]);
    expect(warm.issues.find((issue) => issue.slug === "bravo")?.data.title).toBe("Bravo, revised");
  });

  it("checks every file again when the context changes (here, the authors)", async () => {
    await run();
    const renamed = {
      ...context,
      authors: { ...context.authors, "nobody-known": { name: "Now known", bio: "x" } },
    };
    const warm = await run(storeDir, CODE, renamed);
    expect(warm.checked).toHaveLength(3);
    expect(warm.problems.map((problem) => problem.field)).toEqual(["body"]);
  });

  it("checks every file again for other code", async () => {
    await run();
    expect((await run(storeDir, "d".repeat(64))).checked).toHaveLength(3);
  });

  it("reads a damaged entry as a miss", async () => {
    await run();
    for (const name of readdirSync(storeDir, { recursive: true, encoding: "utf8" })) {
      if (!name.endsWith(".json")) continue;
      const file = path.join(storeDir, name);
      writeFileSync(file, readFileSync(file, "utf8").replace('"Alpha"', '"Alpho"'));
    }
    const warm = await run();
    expect(warm.checked).toEqual(["src/issues/2025/alpha.md"]);
    expect(warm.issues.map((issue) => issue.data.title)).toContain("Alpha");
  });

  it("keeps results in memory between runs of one process, with no folder at all", async () => {
    vi.resetModules();
    const { loadIssues } = await import("../../../lib/pipeline/content/load-issues.ts");
    const { readIssueSource } = await import("../../../lib/pipeline/content/read.ts");
    const module = await import("../../../lib/pipeline/content/check-store.ts");
    const sources = Object.entries(files).map(([file, text]) => readIssueSource(file, text));
    const counts: number[] = [];
    for (let round = 0; round < 2; round++) {
      const store = module.openCheckStore(false, CODE);
      let checks = 0;
      loadIssues({
        ...context,
        root: "/",
        issuesDir: "src/issues",
        sources,
        checkStore: {
          remember: (k, b, z, check) =>
            store.remember(k, b, z, () => {
              checks += 1;
              return check();
            }),
          finish: store.finish,
        },
      });
      await store.finish();
      counts.push(checks);
    }
    expect(counts).toEqual([3, 0]);
  });
});

describe("contentCacheDir and openCheckStore", () => {
  it.each([
    ["off", false],
    ["/tmp/somewhere", "/tmp/somewhere"],
  ])("DATELINE_CONTENT_CACHE=%s is %s", (setting, expected) => {
    expect(contentCacheDir({ DATELINE_CONTENT_CACHE: setting })).toBe(expected);
  });

  it("defaults to node_modules/.cache/dateline-content", () => {
    expect(contentCacheDir({})).toBe(
      path.resolve(import.meta.dirname, "../../../node_modules/.cache/dateline-content"),
    );
  });

  it("refuses a folder that is not a cache, naming the setting", () => {
    writeFileSync(path.join(storeDir, "notes.md"), "a writer's file");
    expect(() => openCheckStore(storeDir, CODE)).toThrow(
      `DATELINE_CONTENT_CACHE: ${storeDir} is not a Dateline cache folder (it holds notes.md and no .dateline-store) — set DATELINE_CONTENT_CACHE to an empty or new folder; nothing in it was touched`,
    );
  });
});
