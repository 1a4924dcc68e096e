/** Temporary project folders with generated photos, for the photo pipeline tests. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeTestPhoto, type TestPhotoOptions } from "../../scripts/bench/test-photo.ts";

export interface PhotoSandbox {
  root: string;
  photosDir: string;
  outputDir: string;
  cacheDir: string;
  /** Writes a generated photo at `photosDir/<src>`; returns its bytes. */
  addPhoto: (src: string, options: TestPhotoOptions) => Promise<Buffer>;
  /** Writes raw bytes at `photosDir/<src>`. */
  addFile: (src: string, data: string | Buffer) => void;
  remove: () => void;
}

export function createSandbox(prefix = "dateline-photos-"): PhotoSandbox {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const photosDir = path.join(root, "assets/photos");
  const addFile = (src: string, data: string | Buffer) => {
    const file = path.join(photosDir, src);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
  return {
    root,
    photosDir,
    outputDir: path.join(root, "_site/photos"),
    cacheDir: path.join(root, ".cache/photos"),
    addPhoto: async (src, options) => {
      const data = await makeTestPhoto(options);
      addFile(src, data);
      return data;
    },
    addFile,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file under `dir` with its bytes, by `/`-separated relative path, sorted. */
export function snapshot(dir: string): Record<string, Buffer> {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return {};
  }
  const files: Record<string, Buffer> = {};
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    try {
      files[name.split(path.sep).join("/")] = readFileSync(file);
    } catch {
      // a folder
    }
  }
  return files;
}
