/**
 * The build encodes in a child process (so libvips's memory leaves with it). What it makes
 * must be exactly what encoding in the build's own process makes: the same files, byte for
 * byte, the same manifest, the same progress.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { processPhotos } from "../../lib/pipeline/photos/index.ts";
import { createSandbox, type PhotoSandbox } from "./helpers.ts";

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = readFileSync(file).toString("base64");
  }
  return out;
}

async function run(encodeInChild: boolean) {
  const box: PhotoSandbox = createSandbox();
  onTestFinished(() => box.remove());
  await box.addPhoto("2025/talks.jpg", { width: 900, height: 600, seed: 1 });
  await box.addPhoto("2025/consulate.jpg", { width: 640, height: 480, seed: 2 });
  const progress: Array<[number, number]> = [];
  const result = await processPhotos({
    ...box,
    encodeInChild,
    focus: { "2025/talks.jpg": "top" },
    onProgress: (done, total) => progress.push([done, total]),
  });
  return { result, progress, output: files(box.outputDir) };
}

describe("encoding in a child process", () => {
  it("makes the same files, manifest and progress as encoding in-process", async () => {
    const here = await run(false);
    const child = await run(true);
    expect(child.result.problems).toEqual([]);
    expect(child.result.made).toBe(2);
    expect(child.result.encoded).toBe(here.result.encoded);
    expect(child.result.encoded).toBeGreaterThan(0);
    expect(child.result.manifest).toEqual(here.result.manifest);
    expect(Object.keys(child.output).length).toBeGreaterThan(10);
    expect(child.output).toEqual(here.output);
    expect(child.progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });
});
