/**
 * Issue views kept between builds: each run of the pipeline here is a fresh import of run.ts (a
 * new process's memory), with a real JsonStore on disk. An unchanged issue's view is read, not
 * made; a view whose issue, linked issue's URL or photo changed is made again, never stale.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SiteViews } from "../../../lib/pipeline/views/site.ts";
import {
  type KeptView,
  openViewStore,
  type ViewStore,
  viewCacheDir,
} from "../../../lib/pipeline/views/view-store.ts";
import { makeTestPhoto } from "../../../scripts/bench/test-photo.ts";
import { issueFile } from "../../helpers/fixture-site.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const EPOCH = 1767225600;
let project: string;
let storeDir: string;

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), "dateline-view-store-"));
  storeDir = path.join(project, ".cache/views");
  cpSync(path.join(root, "_data"), path.join(project, "_data"), { recursive: true });
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const front = (title: string, date: string, extra: Record<string, unknown> = {}) => ({
  title,
  dek: `${title}.`,
  date,
  authors: ["ayse-demir"],
  topics: ["russia"],
  ...extra,
});

function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
}

/** The store, counting what a run read and wrote. */
function countingStore(): ViewStore & { reads: string[]; writes: string[] } {
  const store = openViewStore(storeDir, "a".repeat(64));
  const counted = {
    reads: [] as string[],
    writes: [] as string[],
    read: (key: string) => {
      const kept = store.read(key);
      if (kept) counted.reads.push(kept.view.url);
      return kept;
    },
    write: (key: string, kept: KeptView) => {
      counted.writes.push(kept.view.url);
      store.write(key, kept);
    },
    keep: (key: string) => store.keep(key),
    finish: () => store.finish(),
  };
  return counted;
}

/** One build's content stage in a new process: a fresh run.ts, its memory empty. */
async function build(): Promise<{ views: SiteViews; reads: string[]; writes: string[] }> {
  vi.resetModules();
  const { runPipeline } = await import("../../../lib/pipeline/run.ts");
  const { createPhotoDesk } = await import("../../../lib/pipeline/photos/desk.ts");
  const { createMarkdown } = await import("../../../lib/pipeline/content/markdown.ts");
  const { loadSiteData } = await import("../../../lib/pipeline/site-data.ts");
  const { buildTime } = await import("../../../lib/shared/dates.ts");
  const photos = createPhotoDesk({
    photosDir: path.join(project, "assets/photos"),
    cacheDir: path.join(project, ".cache/photos"),
  });
  const store = countingStore();
  const result = await runPipeline({
    root: project,
    issuesDir: "src/issues",
    mode: "production",
    now: buildTime({ SOURCE_DATE_EPOCH: String(EPOCH) }),
    data: await loadSiteData(root),
    photos,
    markdown: createMarkdown({ renderFigure: photos.renderBodyFigure }),
    output: path.join(project, "_site"),
    viewStore: store,
  });
  await store.finish();
  if (!result.views) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
  return { views: result.views, reads: store.reads.sort(), writes: store.writes.sort() };
}

const contentOf = (views: SiteViews, url: string) => views.issues.find((issue) => issue.url === url)?.content;

describe("a view store between builds", () => {
  beforeEach(async () => {
    write(
      "src/issues/2025/alpha.md",
      issueFile(
        front("Alpha", "2025-04-10T09:00:00+03:00", { photo: { src: "2025/lead.jpg", alt: "Lead" } }),
        "See [bravo](./bravo.md).",
      ),
    );
    write(
      "src/issues/2025/bravo.md",
      issueFile(front("Bravo", "2025-04-11T09:00:00+03:00"), "Bravo's body."),
    );
    write(
      "assets/photos/2025/lead.jpg",
      await makeTestPhoto({ width: 320, height: 200, iptc: { credit: "AP" } }),
    );
  });

  it("makes each view once, then reads every unchanged one, equal to what was made", async () => {
    const first = await build();
    expect([first.reads, first.writes]).toEqual([[], ["/2025/04/alpha/", "/2025/04/bravo/"]]);
    const second = await build();
    expect([second.reads, second.writes]).toEqual([["/2025/04/alpha/", "/2025/04/bravo/"], []]);
    expect(second.views.issues).toEqual(first.views.issues);
  });

  it("makes again only the view whose own issue changed", async () => {
    await build();
    write(
      "src/issues/2025/bravo.md",
      issueFile(front("Bravo", "2025-04-11T09:00:00+03:00"), "Bravo, revised."),
    );
    const second = await build();
    expect([second.reads, second.writes]).toEqual([["/2025/04/alpha/"], ["/2025/04/bravo/"]]);
  });

  it("makes again a view whose linked issue moved to another URL", async () => {
    const first = await build();
    expect(contentOf(first.views, "/2025/04/alpha/")).toContain('href="/2025/04/bravo/"');
    write(
      "src/issues/2025/bravo.md",
      issueFile(front("Bravo", "2025-05-02T09:00:00+03:00"), "Bravo's body."),
    );
    const second = await build();
    expect(second.writes).toEqual(["/2025/04/alpha/", "/2025/05/bravo/"]);
    expect(contentOf(second.views, "/2025/04/alpha/")).toContain('href="/2025/05/bravo/"');
  });

  it("makes again a view whose photo was replaced", async () => {
    const first = await build();
    const before = first.views.issues.find((issue) => issue.url === "/2025/04/alpha/")?.photo;
    write(
      "assets/photos/2025/lead.jpg",
      await makeTestPhoto({ width: 320, height: 200, seed: 7, iptc: { credit: "AP" } }),
    );
    const second = await build();
    expect(second.writes).toEqual(["/2025/04/alpha/"]);
    const after = second.views.issues.find((issue) => issue.url === "/2025/04/alpha/")?.photo;
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
  });

  it("reads a damaged entry as a miss and makes the view again", async () => {
    await build();
    const { readdirSync } = await import("node:fs");
    const entries = readdirSync(storeDir, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".json"),
    );
    for (const entry of entries) {
      const file = path.join(storeDir, entry);
      const text = readFileSync(file, "utf8");
      // One truncated, one changed at the same length: each fails its hash.
      writeFileSync(file, text.includes("Bravo") ? text.replace("Bravo", "Brave") : text.slice(0, -10));
    }
    const second = await build();
    expect(second.writes).toEqual(["/2025/04/alpha/", "/2025/04/bravo/"]);
    expect(second.views.issues.map((issue) => issue.title)).toEqual(["Bravo", "Alpha"]);
  });
});

describe("viewCacheDir and openViewStore", () => {
  it.each([
    [undefined, path.join(root, "node_modules/.cache/dateline-views")],
    ["", path.join(root, "node_modules/.cache/dateline-views")],
    ["off", false],
    ["/tmp/somewhere", "/tmp/somewhere"],
  ])("DATELINE_VIEW_CACHE=%s is %s", (setting, expected) => {
    expect(viewCacheDir({ DATELINE_VIEW_CACHE: setting })).toBe(expected);
  });

  it("keeps nothing when off", () => {
    const store = openViewStore(false, "a".repeat(64));
    store.write("k", { view: { url: "/x/" } as KeptView["view"], urls: {}, photos: {} });
    expect(store.read("k")).toBeUndefined();
  });

  it("refuses a folder that is not a cache, naming the setting, and touches nothing in it", () => {
    write("notes/keep.md", "a writer's file");
    const folder = path.join(project, "notes");
    expect(() => openViewStore(folder, "a".repeat(64))).toThrow(
      `DATELINE_VIEW_CACHE: ${folder} is not a Dateline cache folder (it holds keep.md and no .dateline-store) — set DATELINE_VIEW_CACHE to an empty or new folder; nothing in it was touched`,
    );
    expect(readFileSync(path.join(folder, "keep.md"), "utf8")).toBe("a writer's file");
  });
});
