/**
 * Tests mirror the source: every lib file has its unit test at the same path under tests/
 * (`lib/a/b.ts` → `tests/a/b.test.ts`), or an entry in tests/site-tested.ts naming the test files
 * that exercise it. Both ways: an entry names a lib file that exists, has no mirrored unit test
 * (else the entry is stale), and test files that exist.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SITE_TESTED, type SiteTested } from "./site-tested.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every TypeScript file under lib/, repository-relative with `/` separators, sorted. */
const LIB_FILES = readdirSync(path.join(ROOT, "lib"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
  .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
  .sort();

/** `lib/a/b.ts` → `tests/a/b.test.ts`. */
const mirrorOf = (libFile: string): string =>
  `tests/${libFile.slice("lib/".length).replace(/\.ts$/, ".test.ts")}`;

const exists = (file: string): boolean => existsSync(path.join(ROOT, file));

const ENTRIES: [string, SiteTested[string]][] = Object.entries(SITE_TESTED);

describe("tests mirror lib", () => {
  it("finds the lib files, so the table below checks something", () => {
    expect(LIB_FILES.length).toBeGreaterThan(100);
    expect(LIB_FILES).toContain("lib/shared/text.ts");
  });

  it.each(LIB_FILES)(
    "%s has a unit test at its mirrored path or an entry in tests/site-tested.ts",
    (libFile) => {
      const mirror = mirrorOf(libFile);
      expect(
        exists(mirror) || Object.hasOwn(SITE_TESTED, libFile),
        `${libFile} has no test: write its unit test at ${mirror}, or, if only a built site exercises it, list it in tests/site-tested.ts with those test files and one line on how they do`,
      ).toBe(true);
    },
  );
});

describe("tests/site-tested.ts", () => {
  it.each(ENTRIES)("lists %s, which exists and has no mirrored unit test", (libFile, entry) => {
    expect(
      exists(libFile),
      `tests/site-tested.ts lists ${libFile}, which does not exist: remove its entry`,
    ).toBe(true);
    expect(
      exists(mirrorOf(libFile)),
      `${libFile} has its unit test at ${mirrorOf(libFile)}: remove its entry from tests/site-tested.ts`,
    ).toBe(false);
    for (const testFile of entry.tests) {
      expect(
        exists(testFile),
        `tests/site-tested.ts names ${testFile} for ${libFile}, but there is no such file: name the test that exercises it`,
      ).toBe(true);
    }
  });
});
