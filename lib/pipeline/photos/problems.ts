/**
 * Problems with original photos, each with the photo's path and the fix, in the house
 * style "what is wrong — how to fix it". The pipeline collects all of them in one run.
 */

/** One problem with one original, e.g. `{ photo: "assets/photos/2025/x.jpg", message: "is truncated …" }`. */
export interface PhotoProblem {
  /** The photo's project path, e.g. `assets/photos/2025/x.jpg`. */
  photo: string;
  message: string;
  /** Issues that use the photo, when the caller said (`ProcessOptions.usedBy`), e.g. `["src/issues/2025/x.md"]`. */
  usedBy?: readonly string[];
}

/** Input formats the pipeline accepts, by file extension. */
export const ACCEPTED_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".avif"] as const;

const EXPORT_HINT = "export it as JPEG (PNG, WebP, TIFF and AVIF are accepted too)";

/**
 * `photo: message`, or `photo: used by <issues>: message` when the issues are known: the
 * line printed for a problem.
 *
 * @example
 * formatPhotoProblem({ photo: "assets/photos/2025/x.gif", message: "is a GIF …" })
 * // "assets/photos/2025/x.gif: is a GIF …"
 * formatPhotoProblem({ photo: "assets/photos/2025/x.jpg", message: "is damaged …", usedBy: ["src/issues/2025/a.md"] })
 * // "assets/photos/2025/x.jpg: used by src/issues/2025/a.md: is damaged …"
 */
export function formatPhotoProblem(problem: PhotoProblem): string {
  const usedBy = usedByField(problem);
  return usedBy ? `${problem.photo}: ${usedBy}: ${problem.message}` : `${problem.photo}: ${problem.message}`;
}

/** `used by a.md, b.md`, or `""` when no issue is known to use the photo. */
export function usedByField(problem: PhotoProblem): string {
  return problem.usedBy && problem.usedBy.length > 0 ? `used by ${problem.usedBy.join(", ")}` : "";
}

/** Thrown by the CLI when photos have problems; its message lists all of them. */
export class PhotoError extends Error {
  constructor(readonly problems: PhotoProblem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    super(`${count} in the photos:\n${problems.map(formatPhotoProblem).join("\n")}`);
    this.name = "PhotoError";
  }
}

export const messages = {
  unsupportedExtension: (extension: string) =>
    `${extension || "a file without an extension"} is not a photo format the site accepts — ${EXPORT_HINT}`,
  unsupportedContent: (format: string, extension: string) =>
    `is a ${format.toUpperCase()} image${extension ? ` inside a ${extension} file` : ""}, which the site does not accept — ${EXPORT_HINT}`,
  unreadable: (reason: string) =>
    `is not a readable image (${reason}) — export the photo again as JPEG from the agency feed`,
  corrupt: (reason: string) =>
    `is truncated or corrupt (${reason}) — export the photo again from the agency feed`,
  empty: () => "is empty (0 bytes) — copy the photo again from the agency feed",
  damaged: (reason: string) => `is damaged (${reason}) — ask the agency for the file again or re-export it`,
  symlinkOutside: (dir: string) =>
    `is a symbolic link to a file outside ${dir} — copy the photo itself into ${dir}`,
  symlinkBroken: (dir: string) =>
    `is a symbolic link to a file that does not exist — copy the photo itself into ${dir}`,
  symlinkFolder: (dir: string) =>
    `is a symbolic link to a folder, which the photo desk does not follow — move the photos themselves into ${dir}`,
  tooLarge: (width: number, height: number, limit: number) => {
    const scale = Math.sqrt(limit / (width * height));
    const fit = `${Math.floor(width * scale)}×${Math.floor(height * scale)}`;
    return `is ${width}×${height} px (${pixels(width * height)}), over the limit of ${pixels(limit)} — resize it to at most ${fit} px`;
  },
  notReadable: (reason: string) => `could not be read (${reason}) — check that the file is readable`,
  focusConflict: (focus: string, first: string, other: string, second: string) =>
    `has focus "${focus}" in ${first} but "${other}" in ${second} — give both issues the same photo.focus`,
};

function pixels(count: number): string {
  if (count >= 1_000_000) return `${Number((count / 1_000_000).toFixed(1))} megapixels`;
  return `${count.toLocaleString("en-US")} pixels`;
}

/** The first line of a libvips error, without sharp's "Input buffer has corrupt header: " prefix. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n").find((line) => line.trim() !== "") ?? message;
  return first.replace(/^Input (?:buffer|file) has corrupt header: /, "").trim();
}
