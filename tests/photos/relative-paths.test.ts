/** The CLI passes relative folders (`_site/photos`); pruning must work with them too. */
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processPhotos } from "../../lib/pipeline/photos/index.ts";
import { createSandbox } from "./helpers.ts";

const sandbox = createSandbox("dateline-relative-");
afterAll(() => sandbox.remove());

describe("processPhotos with relative folders", () => {
  it("removes a deleted photo's renditions and keeps the others", async () => {
    await sandbox.addPhoto("2025/keep.jpg", { width: 500, height: 300, seed: 1, iptc: { credit: "AFP" } });
    await sandbox.addPhoto("2025/drop.jpg", { width: 500, height: 300, seed: 2, iptc: { credit: "AFP" } });
    const relative = (dir: string) => path.relative(process.cwd(), dir);
    const options = {
      photosDir: relative(sandbox.photosDir),
      outputDir: relative(sandbox.outputDir),
      cacheDir: relative(sandbox.cacheDir),
    };
    await processPhotos(options);
    rmSync(path.join(sandbox.photosDir, "2025/drop.jpg"));
    const second = await processPhotos(options);
    expect(second.problems).toEqual([]);
    const left = readdirSync(path.join(sandbox.outputDir, "2025"));
    expect(left.some((name) => name.startsWith("drop-"))).toBe(false);
    expect(left.filter((name) => name.startsWith("keep-")).length).toBeGreaterThan(0);
    expect(existsSync(sandbox.outputDir)).toBe(true);
  });
});
