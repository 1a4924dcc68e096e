/**
 * Symbolic links under assets/photos. The content checks follow them (the file "exists")
 * and, when the photo is not in the manifest, point the writer at "its own problem line";
 * so a link the desk does not use must have one.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { formatPhotoProblem, processPhotos } from "../../lib/pipeline/photos/index.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { createSandbox, type PhotoSandbox } from "./helpers.ts";

function sandbox(): PhotoSandbox {
  const box = createSandbox();
  onTestFinished(() => box.remove());
  return box;
}

/** A symbolic link at `photosDir/<src>` to `target` (relative to the link's folder, or absolute). */
function link(box: PhotoSandbox, src: string, target: string): void {
  const file = path.join(box.photosDir, src);
  mkdirSync(path.dirname(file), { recursive: true });
  symlinkSync(target, file);
}

describe("symbolic links among the photos", () => {
  it("a link to a photo inside the photos folder is published like the photo itself", async () => {
    const box = sandbox();
    await box.addPhoto("2024/original.jpg", { width: 200, height: 150, iptc: { credit: "AP" } });
    link(box, "2025/shared.jpg", "../2024/original.jpg");
    const result = await processPhotos(box);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.manifest.photos)).toEqual(["2024/original.jpg", "2025/shared.jpg"]);
    expect(result.manifest.photos["2025/shared.jpg"]?.meta.credit).toBe("AP");
  });

  it("a link that leads outside, nowhere or to a folder gets a line of its own", async () => {
    const box = sandbox();
    await box.addPhoto("2025/good.jpg", { width: 200, height: 150 });
    const outside = path.join(box.root, "downloads/wire.jpg");
    mkdirSync(path.dirname(outside), { recursive: true });
    writeFileSync(outside, await makeTestPhoto({ width: 200, height: 150, seed: 2 }));
    link(box, "2025/outside.jpg", outside);
    link(box, "2025/gone.jpg", "../2024/deleted.jpg");
    link(box, "2025/more", path.join(box.root, "downloads"));

    const result = await processPhotos({ ...box, usedBy: { "2025/outside.jpg": ["src/issues/2025/a.md"] } });
    expect(result.problems.map(formatPhotoProblem)).toEqual([
      "assets/photos/2025/gone.jpg: is a symbolic link to a file that does not exist — copy the photo itself into assets/photos",
      "assets/photos/2025/more: is a symbolic link to a folder, which the photo desk does not follow — move the photos themselves into assets/photos",
      "assets/photos/2025/outside.jpg: used by src/issues/2025/a.md: is a symbolic link to a file outside assets/photos — copy the photo itself into assets/photos",
    ]);
    expect(Object.keys(result.manifest.photos)).toEqual(["2025/good.jpg"]);
  });

  it("a link to a folder inside the photos folder is not followed, and says so", async () => {
    const box = sandbox();
    await box.addPhoto("2024/original.jpg", { width: 200, height: 150 });
    link(box, "2025/last-year", "../2024");
    const result = await processPhotos(box);
    expect(result.problems.map(formatPhotoProblem)).toEqual([
      "assets/photos/2025/last-year: is a symbolic link to a folder, which the photo desk does not follow — move the photos themselves into assets/photos",
    ]);
  });
});
