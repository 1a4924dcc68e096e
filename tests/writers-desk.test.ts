/**
 * The writer's loop as built pages show it: a link written to another issue's .md file
 * lands on that issue's URL, readers see "N min read" beside the date, the writer's preview
 * adds the word count, and the build writes when the next scheduled issue is due.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";

/** 2025-04-12T00:00:00Z. */
const EPOCH = 1744416000;
const base = { authors: ["ayse-demir"], topics: ["russia"], dek: "Delegations met at the consulate." };
/** 458 words (2 in the heading): two minutes at 230 a minute. */
const longBody = `## The talks\n\n${"Delegations met again today. ".repeat(114).trim()}\n`;

let site: FixtureSite;
/** Pages of the production build, read before the preview build replaces them. */
const production: Record<string, string> = {};
let preview: FixtureSite;

beforeAll(() => {
  site = buildFixtureSite({
    epoch: EPOCH,
    issues: {
      "2025/first-round.md": issueFile(
        { ...base, title: "The first round", date: "2025-04-10T09:00:00+03:00" },
        longBody,
      ),
      "2025/second-round.md": issueFile(
        { ...base, title: "The second round", date: "2025-04-11T09:00:00+03:00" },
        "As [the first round](first-round.md#the-talks) showed, and [again](../2025/first-round.md), talks go on.",
      ),
      "2025/third-round.md": issueFile(
        { ...base, title: "The third round", date: "2025-04-14T09:00:00+03:00" },
        "Scheduled for Monday.",
      ),
      "2025/later-round.md": issueFile(
        { ...base, title: "A later round", date: "2025-05-01T09:00:00+03:00" },
        "Scheduled for May.",
      ),
    },
  });
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
  for (const page of ["2025/04/first-round/index.html", "2025/04/second-round/index.html", "schedule.json"]) {
    production[page] = site.read(page);
  }
  preview = site.rebuild({ DATELINE_DRAFTS: "1" });
  if (preview.status !== 0) throw new Error(`preview build failed:\n${preview.stderr}`);
}, 180_000);
afterAll(() => site.remove());

describe("a built site", () => {
  it("rewrites links to issue files to the issues' URLs, fragment kept", () => {
    const html = production["2025/04/second-round/index.html"];
    expect(html).toContain('<a href="/2025/04/first-round/#the-talks">the first round</a>');
    expect(html).toContain('<a href="/2025/04/first-round/">again</a>');
  });

  it("shows the reading time beside the date, and the word count only in the writer's preview", () => {
    const html = production["2025/04/first-round/index.html"];
    expect(html).toMatch(/<\/time><span class="issue__reading" data-pagefind-ignore> · 2 min read<\/span>/);
    expect(html).not.toContain("Preview for the writer");
    expect(preview.read("2025/04/first-round/index.html")).toContain(
      "Preview for the writer: 458 words, 2 min read.",
    );
  });

  it("writes when the next scheduled issue is due, in UTC", () => {
    expect(JSON.parse(production["schedule.json"] ?? "")).toEqual({ nextDue: "2025-04-14T06:00:00Z" });
  });
});
