import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../lib/pipeline/photos/index.ts";
import { stableStringify } from "../../lib/pipeline/photos/manifest.ts";

describe("readManifest", () => {
  it("reads a missing manifest as empty, and says how to recover from a damaged one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dateline-manifest-"));
    try {
      expect(readManifest(dir)).toEqual({ version: 1, photos: {} });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "manifest.json"), '{"version": 1, "photos": {"x.jpg": {}}}');
      expect(() => readManifest(dir)).toThrow(
        `${path.join(dir, "manifest.json")} is not a valid photo manifest — delete ${dir} and run npm run photos`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("stableStringify", () => {
  it("sorts keys at every level and ends with a newline", () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      '{\n  "a": [\n    {\n      "c": 3,\n      "d": 2\n    }\n  ],\n  "b": 1\n}\n',
    );
  });
});
