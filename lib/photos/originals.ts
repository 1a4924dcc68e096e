/**
 * Facts about original photos in assets/photos/. Until the photo desk makes renditions,
 * pages and feeds point at the originals and need their size.
 */
import { statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

export interface PhotoSize {
  width: number;
  height: number;
  /** File size in bytes. */
  bytes: number;
}

const sizes = new Map<string, Promise<PhotoSize>>();

/** Width, height and byte size of `assets/photos/<src>`, read once per build. */
export function readPhotoSize(photosDir: string, src: string): Promise<PhotoSize> {
  const file = path.join(photosDir, src);
  let size = sizes.get(file);
  if (!size) {
    size = sharp(file)
      .metadata()
      .then(({ width = 0, height = 0 }) => ({ width, height, bytes: statSync(file).size }));
    sizes.set(file, size);
  }
  return size;
}
