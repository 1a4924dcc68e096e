/**
 * runPipeline without Eleventy: photos → content → views over the frozen sample issues
 * (tests/e2e/sample-site/), as the build, the dev server and `npm run email` run it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../../lib/pipeline/content/markdown.ts";
import { createPhotoDesk } from "../../lib/pipeline/photos/desk.ts";
import { type PipelineResult, runPipeline, type SiteData } from "../../lib/pipeline/run.ts";
import { loadSiteData } from "../../lib/pipeline/site-data.ts";
import { buildTime } from "../../lib/shared/dates.ts";
import { SAMPLE_EPOCH } from "../e2e/sample-site.ts";
import { seedPhotoCache } from "../helpers/photo-cache.ts";

const root = path.resolve(import.meta.dirname, "../..");
let scratch: string;

async function run(
  mode: "production" | "preview",
  change: (data: SiteData) => SiteData = (data) => data,
): Promise<PipelineResult> {
  const photos = createPhotoDesk({ photosDir: "assets/photos", cacheDir: seedPhotoCache(scratch) });
  return runPipeline({
    root,
    issuesDir: "tests/e2e/sample-site",
    mode,
    now: buildTime({ SOURCE_DATE_EPOCH: String(SAMPLE_EPOCH) }),
    data: change(await loadSiteData(root)),
    photos,
    markdown: createMarkdown({ renderFigure: photos.renderBodyFigure }),
    output: path.join(scratch, mode),
  });
}

let production: PipelineResult;
let preview: PipelineResult;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "dateline-pipeline-"));
  production = await run("production");
  preview = await run("preview");
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("runPipeline", () => {
  it("publishes what is due in production and shows drafts and future issues in preview", () => {
    expect(production.problems).toEqual([]);
    expect(production.views?.issues.map((issue) => issue.url)).toEqual([
      "/2025/04/who-led-the-delegations/",
      "/2025/04/diplomatic-property-dispute/",
      "/2025/04/istanbul-embassy-talks/",
    ]);
    expect(preview.views?.issues.map((issue) => issue.url)).toHaveLength(5);
    expect(preview.views?.issues.filter((issue) => issue.draft).map((issue) => issue.url)).toEqual([
      "/2025/04/writers-draft/",
    ]);
  });

  it("says when the scheduled issue falls due, in UTC", () => {
    expect(production.nextDue).toBe("2026-06-01T06:00:00Z");
  });

  it("gives each issue the view its outputs read: kicker line, byline, shown times, lead photo", () => {
    const issue = production.views?.issues.find((each) => each.url === "/2025/04/who-led-the-delegations/");
    expect(issue?.kickerLine).toBe("Analysis · No. 3");
    expect(issue?.byline).toBe("Daniel Hart and Ayşe Demir");
    expect(issue?.published.dateTime).toBe("11 April 2025, 09:00 GMT+3");
    expect(issue?.updated?.kind).toBe("correction");
    const lead = production.views?.issues.find((each) => each.photo)?.photo;
    expect(lead?.credit).toBeTruthy();
    expect(lead?.entry?.renditions.length).toBeGreaterThan(0);
  });

  it("hands neighbours and related issues over as cards, without bodies", () => {
    const page = production.views?.issuePages.find(
      (each) => each.issue.url === "/2025/04/istanbul-embassy-talks/",
    );
    expect(page?.newer).toBeDefined();
    expect(page?.newer).not.toHaveProperty("content");
    for (const card of page?.related ?? []) expect(card).not.toHaveProperty("content");
  });

  it("shows each issue once at an issue's foot: related issues leave out the thread box and the neighbours", () => {
    for (const page of production.views?.issuePages ?? []) {
      const elsewhere = [
        ...(page.thread?.items.map((item) => item.issue.url) ?? []),
        page.newer?.url,
        page.older?.url,
      ];
      expect(
        page.related.filter((card) => elsewhere.includes(card.url)),
        page.issue.url,
      ).toEqual([]);
    }
  });

  it("makes views that are plain data: JSON gives them back unchanged", () => {
    const views = production.views;
    expect(JSON.parse(JSON.stringify(views))).toEqual(views);
  });

  it("reuses an issue's view in the next run only while everything it is made from is the same", async () => {
    // The memo holds the last run's views: run twice, the second serves the first's.
    const first = (await run("production")).views?.issues ?? [];
    const again = await run("production");
    expect(again.views?.issues).toHaveLength(first.length);
    again.views?.issues.forEach((view, index) => {
      expect(view).toBe(first[index]);
    });
    // Another zone changes every shown time: no view of the earlier runs is served.
    const elsewhere = await run("production", (data) => ({
      ...data,
      site: { ...data.site, timeZone: "Asia/Tokyo" },
    }));
    const issue = elsewhere.views?.issues.find((each) => each.url === "/2025/04/who-led-the-delegations/");
    expect(issue?.published.dateTime).toBe("11 April 2025, 15:00 GMT+9");
    for (const view of elsewhere.views?.issues ?? []) expect(first).not.toContain(view);
  });
});
