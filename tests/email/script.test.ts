/**
 * `npm run email -- <issue file>` in a fixture project: it writes one issue's email files,
 * drafts included, and prints their paths, the size against 102 KB and the checks' results.
 * A preview build (what the dev server shows) publishes drafts' email editions too. Beside them,
 * a preview whose photos load from this machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_EPOCH, sampleIssues } from "../e2e/sample-site.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { copyOfSharedSite, sharedSite } from "../helpers/shared-fixtures.ts";

/**
 * The run's shared build of the sample site, at its epoch, for every test here, read-only: its
 * draft is the issue `npm run email` writes before it is published, and its published issues are
 * the editions the script must make byte for byte as the build does (the script writes only to
 * --out). The preview build is made on a copy.
 */
let sample: FixtureSite;
let out: string;
const DRAFT = "src/issues/2025/writers-draft.md";
const DRAFT_TITLE = "Draft: what the Istanbul talks mean for Darchiev";

beforeAll(() => {
  sample = sharedSite("sample");
  if (sample.status !== 0) throw new Error(`build failed:\n${sample.stdout}\n${sample.stderr}`);
  out = mkdtempSync(path.join(tmpdir(), "dateline-email-out-"));
}, 180_000);
afterAll(() => {
  sample?.remove();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** As `npm run email` runs it, from a bundle kept in the sample project. */
const emailEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  TZ: "UTC",
  SOURCE_DATE_EPOCH: String(SAMPLE_EPOCH),
  DATELINE_BUNDLE_CACHE: path.join(sample.dir, ".cache/bundles"),
});

function runEmail(...args: string[]) {
  return spawnSync(process.execPath, ["scripts/run.mjs", "email", ...args], {
    cwd: sample.dir,
    encoding: "utf8",
    env: emailEnv(),
  });
}

describe("npm run email", () => {
  it("builds a draft's email files and prints paths, size and checks", () => {
    expect(sampleIssues()[path.relative("src/issues", DRAFT)]).toContain("draft: true");
    const result = runEmail(DRAFT, "--out", out);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    const base = path.relative(sample.dir, path.join(out, "2025/04/writers-draft"));
    expect(lines.slice(0, 5)).toEqual([
      `${base}/email.html`,
      `${base}/email.txt`,
      `${base}/email.eml`,
      `${base}/email.preview.html (preview: its photos load from this machine)`,
      `${base}/email.preview.eml (preview: its photos load from this machine)`,
    ]);
    expect(lines[5]).toMatch(/^email\.html: \d+(?:\.\d)? KB of 102 KB \(\d+ %\)$/);
    expect(lines[6]).toBe("email checks: 0 problems");
    const html = readFileSync(path.join(out, "2025/04/writers-draft/email.html"), "utf8");
    expect(html).toContain(DRAFT_TITLE);
    expect(readFileSync(path.join(out, "2025/04/writers-draft/email.txt"), "utf8")).toContain(
      "Read on the web: https://dateline.example/2025/04/writers-draft/",
    );
  });

  it("says when the file is not an issue", () => {
    const result = runEmail("src/issues/2025/no-such-issue.md", "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "src/issues/2025/no-such-issue.md: no such issue — give the path of a file in src/issues/, e.g. src/issues/2025/istanbul-talks.md",
    );
  });
});

describe("npm run email and the build make the same edition", () => {
  let sampleOut: string;
  beforeAll(() => {
    sampleOut = mkdtempSync(path.join(tmpdir(), "dateline-email-sample-"));
  });
  afterAll(() => {
    if (sampleOut) rmSync(sampleOut, { recursive: true, force: true });
  });

  const published = Object.keys(sampleIssues()).filter((file) => !/draft|scheduled/.test(file));

  it.each(published)("src/issues/%s: email.html, email.txt and email.eml byte for byte", async (file) => {
    const result = spawnSync(
      process.execPath,
      ["scripts/run.mjs", "email", `src/issues/${file}`, "--out", sampleOut],
      { cwd: sample.dir, encoding: "utf8", env: emailEnv() },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const page = `2025/04/${path.basename(file, ".md")}`;
    for (const name of ["email.html", "email.txt", "email.eml"]) {
      const built = readFileSync(path.join(sample.output, page, name));
      expect(readFileSync(path.join(sampleOut, page, name)).equals(built), `${page}/${name}`).toBe(true);
    }
    // The numbered subject the build has always had, and the script once left out, as a mail client reads it.
    const message = await simpleParser(readFileSync(path.join(sampleOut, page, "email.eml")));
    expect(message.subject).toMatch(/^No\. \d+: /);

    // The preview's photos are files on this machine: relative paths in the HTML, parts of the .eml.
    const publishedImages = [...(message.html || "").matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
    expect(publishedImages.every((src) => src?.startsWith("https://dateline.example/photos/"))).toBe(true);
    const previewHtml = readFileSync(path.join(sampleOut, page, "email.preview.html"), "utf8");
    const local = [...previewHtml.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1] as string);
    expect(local).toHaveLength(publishedImages.length);
    for (const [index, src] of local.entries()) {
      const file = path.resolve(sampleOut, page, src);
      expect(src.startsWith("../../../photos/"), src).toBe(true);
      expect(
        readFileSync(file).equals(
          readFileSync(path.join(sample.output, new URL(publishedImages[index] as string).pathname)),
        ),
      ).toBe(true);
    }
    const previewEml = await simpleParser(readFileSync(path.join(sampleOut, page, "email.preview.eml")));
    expect(previewEml.attachments.map((part) => part.contentType)).toEqual(local.map(() => "image/jpeg"));
    expect(previewEml.subject).toBe(message.subject);
  });
});

describe("drafts' email editions", () => {
  it("a production build has no draft email; a preview build, as the dev server, has it", () => {
    expect(existsSync(path.join(sample.output, "2025/04/writers-draft/email.html"))).toBe(false);
    const project = copyOfSharedSite("sample");
    try {
      const preview = project.rebuild({ DATELINE_DRAFTS: "1" });
      expect(preview.status).toBe(0);
      expect(preview.read("2025/04/writers-draft/email.html")).toContain(DRAFT_TITLE);
    } finally {
      project.remove();
    }
  });
});
