/**
 * Phil Harvey's exiftool (Debian's libimage-exiftool-perl, installed by .ci/run): the reference
 * reader and writer of photo metadata, so tests check our XMP against a tool that is not ours.
 */
import { execFileSync, spawnSync } from "node:child_process";

/** Whether exiftool is on the PATH; the tests that need it are skipped without it. */
export const hasExiftool = spawnSync("exiftool", ["-ver"], { stdio: "ignore" }).status === 0;

/**
 * Writes tags into a file in place, e.g. `{ "XMP-iptcExt:DigitalSourceType": "…" }`.
 * @example writeTags("x.jpg", { "XMP-plus:LicensorURL": "https://example.org/licence" })
 */
export function writeTags(file: string, tags: Record<string, string>): void {
  const args = Object.entries(tags).map(([tag, value]) => `-${tag}=${value}`);
  execFileSync("exiftool", ["-q", "-overwrite_original", ...args, file]);
}

/** The tags of a file as exiftool reads them, by group and name (`XMP-iptcExt:DigitalSourceType`). */
export function readTags(file: string): Record<string, unknown> {
  const output = execFileSync("exiftool", ["-j", "-G1", "-a", file], { encoding: "utf8" });
  const [tags] = JSON.parse(output) as Record<string, unknown>[];
  return tags ?? {};
}
