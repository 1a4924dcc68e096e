import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readIssueSources, toFocusSources } from "../../lib/pipeline/content/read.ts";
import { bodyImageSources } from "../../lib/pipeline/photos/body-images.ts";
import { collectFocus, focusSchema } from "../../lib/pipeline/photos/index.ts";

const issue = (photo: string) =>
  `---\ntitle: T\ndek: D\ndate: 2025-04-10T16:30:00+03:00\nauthors: [a]\ntopics: [b]\n${photo}---\nBody.\n`;

describe("collectFocus", () => {
  it("reads photo.focus from the issues, and reports a photo given two focuses", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dateline-focus-"));
    try {
      const issues = path.join(root, "src/issues/2025");
      mkdirSync(issues, { recursive: true });
      writeFileSync(path.join(issues, "a.md"), issue("photo:\n  src: 2025/x.jpg\n  alt: A\n  focus: top\n"));
      writeFileSync(path.join(issues, "b.md"), issue("photo:\n  src: 2025/x.jpg\n  alt: A\n  focus: left\n"));
      writeFileSync(
        path.join(issues, "c.md"),
        issue("photo:\n  src: 2025/y.jpg\n  alt: A\n  focus: bottom\n"),
      );
      writeFileSync(path.join(issues, "d.md"), issue("photo:\n  src: 2025/z.jpg\n  alt: A\n"));
      writeFileSync(path.join(issues, "e.md"), "---\ntitle: [unclosed\n---\n");
      expect(collectFocus(toFocusSources(readIssueSources(root, "src/issues")))).toEqual({
        focus: { "2025/x.jpg": "top", "2025/y.jpg": "bottom" },
        usedBy: {
          "2025/x.jpg": ["src/issues/2025/a.md", "src/issues/2025/b.md"],
          "2025/y.jpg": ["src/issues/2025/c.md"],
          "2025/z.jpg": ["src/issues/2025/d.md"],
        },
        problems: [
          {
            photo: "assets/photos/2025/x.jpg",
            message:
              'has focus "top" in src/issues/2025/a.md but "left" in src/issues/2025/b.md — give both issues the same photo.focus',
          },
        ],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("lists the issues that use each photo, body images too when the caller can find them", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dateline-focus-"));
    try {
      const issues = path.join(root, "src/issues/2025");
      mkdirSync(issues, { recursive: true });
      writeFileSync(
        path.join(issues, "a.md"),
        `${issue("photo:\n  src: 2025/lead.jpg\n  alt: A\n")}\n![A](2025/body.jpg)\n\n![B](2025/lead.jpg)\n`,
      );
      writeFileSync(path.join(issues, "b.md"), `${issue("")}\n![C](2025/body.jpg "Caption")\n`);
      // The desk passes lib/content.ts's reader, which lib/photos itself must not import.
      const usedBy = collectFocus(toFocusSources(readIssueSources(root, "src/issues")), {
        bodyImages: bodyImageSources,
      }).usedBy;
      expect(usedBy).toEqual({
        "2025/lead.jpg": ["src/issues/2025/a.md"],
        "2025/body.jpg": ["src/issues/2025/a.md", "src/issues/2025/b.md"],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("has a schema for the front-matter field", () => {
    expect(focusSchema.safeParse("attention").success).toBe(true);
    expect(focusSchema.safeParse("middle").error?.issues[0]?.message).toBe(
      "must be one of center, top, bottom, left, right, attention — where the crops should keep the subject",
    );
  });
});
