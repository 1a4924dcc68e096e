import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { bundledEntry, importSourceModule, registerSourceModules } from "../../lib/shared/source-modules.ts";

const folder = mkdtempSync(path.join(tmpdir(), "dateline-source-modules-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

function moduleFile(name: string, value: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, `export default ${JSON.stringify(value)};\n`);
  return file;
}

describe("importSourceModule", () => {
  it("imports a module the bundle does not hold", async () => {
    const file = moduleFile("plain.mjs", "from the file");
    expect(await importSourceModule(file)).toMatchObject({ default: "from the file" });
  });

  it("with a version, imports an edited file afresh; without one, import() keeps the first", async () => {
    const file = moduleFile("edited.mjs", "first");
    expect(await importSourceModule(file, "1")).toMatchObject({ default: "first" });
    moduleFile("edited.mjs", "second");
    expect(await importSourceModule(file, "2")).toMatchObject({ default: "second" });
    expect(await importSourceModule(file, "1")).toMatchObject({ default: "first" });
  });

  it("gives the bundle's module for a registered path, whatever the file holds or the version", async () => {
    const file = moduleFile("registered.mjs", "from the file");
    const bundled = { default: "from the bundle" };
    registerSourceModules({ [file]: async () => bundled });
    expect(await importSourceModule(file)).toBe(bundled);
    expect(await importSourceModule(file, "any")).toBe(bundled);
  });

  it("resolves registered and asked-for paths from the working folder", async () => {
    const bundled = { default: "data" };
    registerSourceModules({ "_data/not-on-disk.ts": async () => bundled });
    expect(await importSourceModule(path.resolve("_data/not-on-disk.ts"))).toBe(bundled);
    expect(await importSourceModule("./_data/not-on-disk.ts")).toBe(bundled);
  });

  it("loads a registered module only when it is asked for, so its errors reach the caller", async () => {
    const load = vi.fn(async () => {
      throw new Error("_data/broken.ts: title: required");
    });
    registerSourceModules({ "_data/broken.ts": load });
    expect(load).not.toHaveBeenCalled();
    await expect(importSourceModule("_data/broken.ts")).rejects.toThrow("_data/broken.ts: title: required");
  });
});

describe("bundledEntry", () => {
  it.each([
    [undefined, "eleventy.config", undefined],
    ["", "page-worker", undefined],
    ["/cache/bundles/abc", "page-worker", "/cache/bundles/abc/page-worker.mjs"],
    ["/cache/bundles/abc", "eleventy.config", "/cache/bundles/abc/eleventy.config.mjs"],
  ])("DATELINE_BUNDLE=%s: %s is %s", (folder, entry, expected) => {
    vi.stubEnv("DATELINE_BUNDLE", folder);
    expect(bundledEntry(entry)).toBe(expected);
  });
});
