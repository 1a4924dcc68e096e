import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_EPOCH } from "./fixtures/sample-issues.ts";
import { runFixturePipeline } from "./helpers/fixture-pipeline.ts";
import { buildFixtureSite, type FixtureSite, issueFile } from "./helpers/fixture-site.ts";
import { hashTree } from "./helpers/hash-tree.ts";
import { copyOfSharedSite } from "./helpers/shared-fixtures.ts";

const valid = {
  title: "A valid issue",
  dek: "Standfirst.",
  date: "2025-04-10T16:30:00+03:00",
  authors: ["ayse-demir"],
  topics: ["russia"],
};

/** Each bad file and the exact lines the build must print for it. */
const badFiles: Record<string, { text: string; problems: string[] }> = {
  "2025/typo.md": {
    text: issueFile({ ...valid, titel: "Typo", title: undefined }),
    problems: [
      "src/issues/2025/typo.md: title: required — write the headline",
      'src/issues/2025/typo.md: titel: unknown field — did you mean "title"?',
    ],
  },
  "2025/date-only.md": {
    text: issueFile({ ...valid, date: "2025-04-10" }),
    problems: [
      'src/issues/2025/date-only.md: date: "2025-04-10" has no time — add the time and offset, e.g. 2025-04-10T09:00:00+03:00',
    ],
  },
  "2025/no-offset.md": {
    text: issueFile({ ...valid, date: "2025-04-10T16:30:00" }),
    problems: [
      'src/issues/2025/no-offset.md: date: "2025-04-10T16:30:00" has no offset — add one, e.g. +03:00 for Istanbul or Z for UTC',
    ],
  },
  "2025/unknown-refs.md": {
    text: issueFile({ ...valid, authors: ["ayse-demri"], topics: ["rusia"] }),
    problems: [
      'src/issues/2025/unknown-refs.md: authors.0: "ayse-demri" is not in _data/authors.ts — did you mean "ayse-demir"?',
      'src/issues/2025/unknown-refs.md: topics.0: "rusia" is not in _data/topics.ts — did you mean "russia"?',
    ],
  },
  "2025/photo.md": {
    text: issueFile({ ...valid, photo: { src: "2025/missing.jpg" } }),
    problems: [
      "src/issues/2025/photo.md: photo.alt: required — describe the photo for readers who cannot see it",
      "src/issues/2025/photo.md: photo.src: assets/photos/2025/missing.jpg does not exist — add the file or correct the path",
    ],
  },
  "2025/uncredited.md": {
    text: issueFile({ ...valid, photo: { src: "2025/uncredited.jpg", alt: "A grey square" } }),
    problems: [
      "src/issues/2025/uncredited.md: photo.credit: missing — give credit: REUTERS/Umit Bektas in front matter, or fill the photo's IPTC Credit and By-line",
    ],
  },
  "2025/corrupt.md": {
    text: issueFile({ ...valid, photo: { src: "2025/truncated.jpg", alt: "Half a photo", credit: "AFP" } }),
    problems: [
      "src/issues/2025/corrupt.md: photo.src: assets/photos/2025/truncated.jpg could not be processed — fix the photo as its own problem line says",
    ],
  },
  "2025/huge.md": {
    text: issueFile({ ...valid, photo: { src: "2025/huge.jpg", alt: "A vast panorama", credit: "AFP" } }),
    problems: [
      "src/issues/2025/huge.md: photo.src: assets/photos/2025/huge.jpg could not be processed — fix the photo as its own problem line says",
    ],
  },
  "2025/body-alt.md": {
    text: issueFile(valid, "Text.\n\n![](2025/istanbul-consulate-placeholder.jpg)\n"),
    problems: [
      "src/issues/2025/body-alt.md: body image 2025/istanbul-consulate-placeholder.jpg: alt is empty — describe the photo for readers who cannot see it",
    ],
  },
  "2025/empty.md": {
    text: issueFile(valid, ""),
    problems: ["src/issues/2025/empty.md: body: is empty — write the issue below the front matter"],
  },
  "2025/yaml.md": {
    text: '---\ntitle: "unclosed\n---\nBody.\n',
    problems: [
      "src/issues/2025/yaml.md: front matter: is not valid YAML (unexpected end of the stream within a double quoted scalar, line 3) — check indentation, colons and quotes",
    ],
  },
  "2025/comment.md": {
    text: issueFile(
      valid,
      "Delegations met.\n\n<!-- editor: check the quote\n\nThe talks lasted three hours.",
    ),
    problems: [
      'src/issues/2025/comment.md: body: line 10: an HTML comment is never closed — end it with "-->" or remove it',
    ],
  },
  "2025/deep-quote.md": {
    text: issueFile(valid, `${">".repeat(5000)} The quote.`),
    problems: [
      'src/issues/2025/deep-quote.md: body: line 8: quotes or lists are nested too deeply, so Markdown would drop the text inside — use at most a few levels of ">" or list indents',
    ],
  },
  "2025/bomb.md": {
    // 296 bytes of nested aliases: 387 million strings once walked.
    text: issueFile(valid).replace("---\n", `---\nkicker: [${aliasBombLevels()}]\n`),
    problems: [
      "src/issues/2025/bomb.md: kicker: YAML anchors and aliases (&name, *name) are not allowed — write the value out",
    ],
  },
  "2025/..md": {
    text: issueFile(valid),
    problems: [
      `src/issues/2025/..md: file name: "." becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it after the story, e.g. istanbul-talks.md`,
    ],
  },
  "2025/...md": {
    text: issueFile(valid),
    problems: [
      `src/issues/2025/...md: file name: ".." becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it after the story, e.g. istanbul-talks.md`,
    ],
  },
  "2025/My Big Issue.md": {
    text: issueFile(valid),
    problems: [
      `src/issues/2025/My Big Issue.md: file name: "My Big Issue" becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — rename it to my-big-issue.md`,
    ],
  },
  "2025/prototype.md": {
    text: issueFile({ ...valid, authors: ["constructor"], topics: ["constructor"] }),
    problems: [
      'src/issues/2025/prototype.md: authors.0: "constructor" is not in _data/authors.ts — the author ids are ayse-demir, daniel-hart; to add one, give it a name and a bio in _data/authors.ts',
      'src/issues/2025/prototype.md: topics.0: "constructor" is not in _data/topics.ts — the topic ids are russia, united-states, turkey, diplomacy, war-in-ukraine; to add one, give it a name, a kind and a description in _data/topics.ts',
    ],
  },
  "2025/repeated.md": {
    text: issueFile({ ...valid, authors: ["ayse-demir", "ayse-demir"], topics: ["russia", "russia"] }),
    problems: [
      'src/issues/2025/repeated.md: authors.1: "ayse-demir" is already listed — list each author once',
      'src/issues/2025/repeated.md: topics.1: "russia" is already listed — list each topic once',
    ],
  },
  "2024/alpha.md": {
    text: issueFile({ ...valid, title: "Same URL as 2025/alpha.md" }),
    problems: [
      // Files are read in path order, so the clash is reported on the later one.
      "src/issues/2025/alpha.md: date: publishes at /2025/04/alpha/, which src/issues/2024/alpha.md already uses — rename one of the files",
    ],
  },
};

/** `&a [x,…]`, then eight levels that each list the level below nine times. */
function aliasBombLevels(): string {
  return ["x", ..."abcdefgh"]
    .map(
      (target, level) =>
        `&${"abcdefghi"[level]} [${Array(9)
          .fill(level === 0 ? target : `*${target}`)
          .join(",")}]`,
    )
    .join(", ");
}

/** Photos with problems of their own, and the lines the photo desk prints for them. */
async function writeBadPhotos(dir: string): Promise<string[]> {
  const photos = path.join(dir, "assets/photos/2025");
  const grey = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#777" } })
    .jpeg()
    .toBuffer();
  writeFileSync(path.join(photos, "uncredited.jpg"), grey);
  writeFileSync(path.join(photos, "truncated.jpg"), grey.subarray(0, Math.floor(grey.length / 2)));
  writeFileSync(path.join(photos, "huge.jpg"), withClaimedSize(grey, 20_000, 20_000));
  writeFileSync(path.join(photos, "notes.txt"), "not a photo");
  return PHOTO_PROBLEMS;
}

const PHOTO_PROBLEMS = [
  "assets/photos/2025/huge.jpg: used by src/issues/2025/huge.md: is 20000×20000 px (400 megapixels), over the limit of 100 megapixels — resize it to at most 10000×10000 px",
  "assets/photos/2025/notes.txt: .txt is not a photo format the site accepts — export it as JPEG (PNG, WebP, TIFF and AVIF are accepted too)",
  "assets/photos/2025/truncated.jpg: used by src/issues/2025/corrupt.md: is not a readable image (VipsJpeg: premature end of JPEG image) — export the photo again as JPEG from the agency feed",
];

/** A JPEG whose frame header claims another size: how an oversized photo is tested cheaply. */
function withClaimedSize(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let i = 2; i < copy.length - 9; ) {
    const marker = copy[i + 1] ?? 0;
    const length = copy.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      copy.writeUInt16BE(height, i + 5);
      copy.writeUInt16BE(width, i + 7);
      return copy;
    }
    i += 2 + length;
  }
  throw new Error("no frame header found");
}

let site: FixtureSite;
let photoProblems: string[];
let failed: FixtureSite;
let before: Record<string, string>;

beforeAll(async () => {
  site = copyOfSharedSite("standard");
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.stderr}`);
  before = hashTree(site.output);
  photoProblems = await writeBadPhotos(site.dir);
  for (const [file, { text }] of Object.entries(badFiles)) {
    const target = path.join(site.dir, "src/issues", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  failed = site.rebuild();
});
afterAll(() => site.remove());

describe("a build with bad input", () => {
  it("exits non-zero", () => {
    expect(failed.status).toBe(1);
  });

  it("lists every problem in every file, each as file: field: what — fix", () => {
    const expected = [...photoProblems, ...Object.values(badFiles).flatMap(({ problems }) => problems)];
    const printed = failed.stderr.split("\n").filter((line) => /^(src\/issues|assets\/photos)\//.test(line));
    expect(printed.sort()).toEqual(expected.sort());
    expect(failed.stderr).toContain(`Build failed: ${expected.length} problems in the content:`);
  });

  it("leaves the previous _site byte-for-byte intact", () => {
    expect(hashTree(site.output)).toEqual(before);
    expect(failed.stderr).toContain("_site/ was left as it was.");
  });
});

describe("a file with a byte-order mark and CRLF line endings", () => {
  it("is read like any other: the same checked issue and view as the file without them", async () => {
    // Issue files reach pages only through the pipeline (Eleventy ignores src/issues), so the
    // view a page renders from is what a build of this file would show.
    const written = issueFile({ ...valid, title: "Written on Windows" });
    const windows = await runFixturePipeline({
      issues: { "2025/windows.md": `\uFEFF${written.replace(/\n/g, "\r\n")}` },
      epoch: FIXTURE_EPOCH,
    });
    const unix = await runFixturePipeline({ issues: { "2025/windows.md": written }, epoch: FIXTURE_EPOCH });
    expect(windows.problems).toEqual([]);
    expect(windows.warnings).toEqual([]);
    const [view] = windows.views?.issues ?? [];
    expect(view?.title).toBe("Written on Windows");
    expect(view?.url).toBe("/2025/04/windows/");
    expect(view?.content).toBe("<p>A paragraph of the issue.</p>\n");
    expect(windows.views).toEqual(unix.views);
    expect(windows.issues).toEqual(unix.issues);
  });
});

describe("a broken internal link in a body", () => {
  it("fails the build with the page and the link, and publishes nothing", () => {
    const broken = buildFixtureSite({
      issues: {
        "2025/linker.md": issueFile(
          valid,
          "See [the old story](/2025/03/no-such-story/) and [notes](#nowhere).",
        ),
      },
      epoch: FIXTURE_EPOCH,
    });
    try {
      expect(broken.status).toBe(1);
      const lines = broken.stderr.split("\n").filter((line) => line.startsWith("2025/04/linker/"));
      // The email edition carries the same links, made absolute, and is checked too.
      expect(lines).toEqual([
        '2025/04/linker/email.html (from src/issues/2025/linker.md): broken link <a href="https://dateline.example/2025/03/no-such-story/">: no file 2025/03/no-such-story/index.html',
        '2025/04/linker/email.html (from src/issues/2025/linker.md): broken link <a href="https://dateline.example/2025/04/linker/#nowhere">: 2025/04/linker/index.html has no id "nowhere"',
        '2025/04/linker/index.html (from src/issues/2025/linker.md): broken link <a href="/2025/03/no-such-story/">: no file 2025/03/no-such-story/index.html',
        '2025/04/linker/index.html (from src/issues/2025/linker.md): missing fragment <a href="#nowhere">: no id="nowhere" on this page',
      ]);
      expect(broken.stderr).toContain("Build failed: the site checks found problems:");
      expect(existsSync(broken.output)).toBe(false);
    } finally {
      broken.remove();
    }
  });
});
