/**
 * The output store never serves a stale page. One fixture project goes through every class of
 * change a newsroom makes; after each, a build with DATELINE_VERIFY_OUTPUTS=1 renders every page
 * and compares each one whose key is unchanged with the bytes stored under that key (any
 * difference fails the build, naming the file). Each step also checks that the change reached
 * the reader, and that pages the change did not touch were stored hits. At the end a normal warm
 * build (pages taken from the store) is byte-identical to a build with the store off.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, issueFile } from "../helpers/fixture-site.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { copyOfSharedSite } from "../helpers/shared-fixtures.ts";

let site: FixtureSite;
beforeAll(() => {
  // The shared fixture's project with its stores as its first build left them: the first step
  // is a warm build, as every later one is.
  site = copyOfSharedSite("standard");
  if (site.status !== 0) throw new Error(`the first build failed:\n${site.stderr}`);
}, 180_000);
afterAll(() => site?.remove());

function edit(file: string, change: (text: string) => string): void {
  const target = path.join(site.dir, file);
  const before = readFileSync(target, "utf8");
  const after = change(before);
  expect(after, `${file} changed`).not.toBe(before);
  writeFileSync(target, after);
}

function write(file: string, text: string): void {
  writeFileSync(path.join(site.dir, file), text);
}

/** Builds with verification on; fails with the build's own message when a stored page is stale. */
function verifiedBuild(): { rendered: number; total: number; verified: number } {
  const build = site.rebuild({ DATELINE_VERIFY_OUTPUTS: "1" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  const summary =
    /rendered ([\d,]+) of ([\d,]+) outputs, 0 from the output store(?: \(([\d,]+) stored outputs verified[^)]*\))?;/.exec(
      build.stdout,
    );
  if (!summary) throw new Error(`no summary in:\n${build.stdout}`);
  const [rendered = 0, total = 0, verified = 0] = summary
    .slice(1)
    .map((figure) => Number((figure ?? "0").replaceAll(",", "")));
  return { rendered, total, verified };
}

const page = (file: string) => site.read(file);

interface Step {
  name: string;
  apply: () => void | Promise<void>;
  /** What a reader now sees: a fact of the change in the real output. */
  reaches: () => void;
  /**
   * Whether some pages keep their key, so stored pages are compared with fresh renders. Code
   * and site settings are in every key (every page shows the stylesheet and the masthead).
   */
  keepsPages: boolean;
}

const steps: Step[] = [
  {
    // Alpha joins the thread and names a person, so later thread and entity changes have pages to reach.
    name: "an issue joining a thread and naming a person",
    keepsPages: true,
    apply: () =>
      edit("src/issues/2025/alpha.md", (text) =>
        text.replace(
          'topics: ["russia","diplomacy"]',
          'topics: ["russia","diplomacy"]\nthread: "istanbul-embassy-talks"\npeople: ["alexander-darchiev"]',
        ),
      ),
    reaches: () => {
      const alpha = page("2025/04/alpha/index.html");
      expect(alpha).toContain('<nav class="thread-box"');
      expect(alpha).toContain('href="/people/alexander-darchiev/"');
      expect(page("people/alexander-darchiev/index.html")).toContain('href="/2025/04/alpha/"');
    },
  },
  {
    name: "a new issue",
    keepsPages: true,
    apply: () =>
      write(
        "src/issues/2025/delta.md",
        issueFile({
          title: "Delta: a new issue",
          dek: "Added after the first build.",
          date: "2025-04-12T10:00:00+03:00",
          authors: ["ayse-demir"],
          topics: ["russia"],
        }),
      ),
    reaches: () => expect(page("index.html")).toContain("Delta: a new issue"),
  },
  {
    name: "a one-word edit",
    keepsPages: true,
    apply: () =>
      edit("src/issues/2025/alpha.md", (text) => text.replace("The talks began.", "The talks opened.")),
    reaches: () => expect(page("2025/04/alpha/index.html")).toContain("The talks opened."),
  },
  {
    name: "a deleted issue",
    keepsPages: true,
    apply: () => rmSync(path.join(site.dir, "src/issues/2025/charlie.md")),
    reaches: () => expect(page("topics/turkey/index.html")).not.toContain("Charlie: a Turkey briefing"),
  },
  {
    name: "a renamed author",
    keepsPages: true,
    apply: () => edit("_data/authors.ts", (text) => text.replace('name: "Daniel Hart"', 'name: "Dan Hart"')),
    reaches: () => expect(page("2025/04/bravo/index.html")).toContain("Dan Hart"),
  },
  {
    name: "an edited template, include and stylesheet",
    keepsPages: false,
    apply: () => {
      edit("_includes/layouts/base.njk", (text) => text.replace("Follow by <a", "Follow us by <a"));
      edit("_includes/partials/issue-summary.njk", (text) =>
        text.replace('<p class="summary__dek">', '<p class="summary__dek summary__dek--card">'),
      );
      edit("assets/css/site.css", (text) => `${text}\n.summary__dek--card { margin-block: 0; }\n`);
    },
    reaches: () => {
      const home = page("index.html");
      expect(home).toContain("Follow us by <a");
      expect(home).toContain('class="summary__dek summary__dek--card"');
    },
  },
  {
    name: "a changed site setting",
    keepsPages: false,
    apply: () =>
      edit("_data/site.ts", (text) =>
        text.replace("diplomacy, conflict and the people", "diplomacy, conflict, and the people"),
      ),
    reaches: () => expect(page("index.html")).toContain("diplomacy, conflict, and the people"),
  },
  {
    name: "a replaced photo",
    keepsPages: true,
    apply: async () => {
      const photo = path.join(site.dir, "assets/photos/2025/istanbul-consulate-placeholder.jpg");
      const { width, height } = await sharp(photo).metadata();
      const replacement = await sharp({
        create: { width: width ?? 1200, height: height ?? 800, channels: 3, background: "#2a6f97" },
      })
        .jpeg()
        .toBuffer();
      rmSync(photo);
      writeFileSync(photo, replacement);
    },
    reaches: () => {
      const bravo = page("2025/04/bravo/index.html");
      const rendition = /<img[^>]*\ssrc="([^"]+)"/.exec(bravo)?.[1] ?? "";
      expect(rendition).not.toBe("");
      expect(previousRendition).not.toBe("");
      expect(rendition).not.toBe(previousRendition);
    },
  },
  {
    name: "a new correction",
    keepsPages: true,
    apply: () =>
      edit("src/issues/2025/alpha.md", (text) =>
        text.replace(
          'people: ["alexander-darchiev"]',
          'people: ["alexander-darchiev"]\ncorrections:\n  - date: 2025-04-12T09:00:00+03:00\n    text: "An earlier version gave the wrong meeting room."',
        ),
      ),
    reaches: () => {
      expect(page("2025/04/alpha/index.html")).toContain("the wrong meeting room");
      expect(page("corrections/index.html")).toContain("the wrong meeting room");
    },
  },
  {
    name: "a thread's new issue",
    keepsPages: true,
    apply: () =>
      write(
        "src/issues/2025/echo.md",
        issueFile({
          title: "Echo: the talks end",
          dek: "A second issue in the thread.",
          date: "2025-04-12T11:00:00+03:00",
          authors: ["ayse-demir"],
          topics: ["diplomacy"],
          thread: "istanbul-embassy-talks",
        }),
      ),
    reaches: () => expect(page("2025/04/alpha/index.html")).toContain("Echo: the talks end"),
  },
  {
    name: "a changed entity description",
    keepsPages: true,
    apply: () =>
      edit("_data/people.ts", (text) =>
        text.replace(
          "Russia's new ambassador to Washington, named",
          "Russia's newly appointed ambassador to Washington, named",
        ),
      ),
    reaches: () =>
      expect(page("people/alexander-darchiev/index.html")).toContain("newly appointed ambassador"),
  },
];

let previousRendition = "";

describe("a build with a warm output store renders what a cold one does", () => {
  it.each(steps)("after $name", async ({ name, apply, reaches, keepsPages }) => {
    previousRendition = /<img[^>]*\ssrc="([^"]+)"/.exec(page("2025/04/bravo/index.html"))?.[1] ?? "";
    await apply();
    const counts = verifiedBuild();
    reaches();
    // Stored hits were each compared with a fresh render: the check had work to do.
    if (keepsPages) expect(counts.verified, name).toBeGreaterThan(0);
    else expect(counts.verified, name).toBe(0);
    expect(counts.rendered).toBe(counts.total);
  });

  it("takes every unchanged page from the store, byte-identical to a build with the stores off", () => {
    const warm = site.rebuild({ DATELINE_VERIFY_OUTPUTS: "" });
    if (warm.status !== 0) throw new Error(`build failed:\n${warm.stderr}`);
    const taken = /, ([\d,]+) from the output store/.exec(warm.stdout)?.[1] ?? "0";
    expect(Number(taken.replaceAll(",", ""))).toBeGreaterThan(0);
    const warmTree = hashTree(warm.output);

    const cold = site.rebuild({
      DATELINE_VERIFY_OUTPUTS: "",
      DATELINE_OUTPUT_CACHE: "off",
      DATELINE_SEARCH_CACHE: "off",
      DATELINE_VIEW_CACHE: "off",
      DATELINE_CONTENT_CACHE: "off",
    });
    if (cold.status !== 0) throw new Error(`build failed:\n${cold.stderr}`);
    expect(cold.stdout).toMatch(/, 0 from the output store/);
    expect(warmTree).toEqual(hashTree(cold.output));
  });

  it("stops a verifying build, naming the file, when a stored page differs from its fresh render", () => {
    // What a key that misses a dependency looks like: alpha's key now holds bravo's page.
    const hashOf = (file: string) =>
      createHash("sha256")
        .update(readFileSync(path.join(site.output, file)))
        .digest("hex");
    const alphaPage = hashOf("2025/04/alpha/index.html");
    const bravoPage = hashOf("2025/04/bravo/index.html");
    const bravoSize = readFileSync(path.join(site.output, "2025/04/bravo/index.html")).length;
    const indexFile = path.join(site.dir, ".cache/outputs/index.json");
    const index = JSON.parse(readFileSync(indexFile, "utf8")) as {
      entries: Record<string, { o: string; s: number }>;
    };
    const alphaEntries = Object.values(index.entries).filter((entry) => entry.o === alphaPage);
    expect(alphaEntries).toHaveLength(1);
    for (const entry of alphaEntries) Object.assign(entry, { o: bravoPage, s: bravoSize });
    writeFileSync(indexFile, JSON.stringify(index));

    const build = site.rebuild({ DATELINE_VERIFY_OUTPUTS: "1" });
    expect(build.status).toBe(1);
    expect(build.stderr.split("\n")).toContain(
      "Build failed: DATELINE_VERIFY_OUTPUTS: 1 stored output differs from a fresh render: 2025/04/alpha/index.html — the output's key misses something it shows (lib/eleventy/output-plan.ts); clear the store (rm -rf node_modules/.cache/dateline-outputs) and report it",
    );
  });
});
