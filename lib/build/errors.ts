/**
 * What a failed build prints. A writer gets one line they can act on; only an error nobody
 * foresaw keeps its stack, because then the stack is what a developer needs.
 */
import path from "node:path";
import { BuildError } from "../shared/problems.ts";

/** The error and everything it wraps, outermost first (Eleventy wraps in `originalError`). */
function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 10 && !chain.includes(current)) {
    chain.push(current);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return chain;
}

/** Paths as a writer types them: relative to the project folder, `./` dropped. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative === "" ? "." : relative;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Eleventy's "Output conflict" (two templates writing one file) as one line naming the inputs:
 * `src/a.md and src/b.md: permalink: both publish /about/ — …`. `outputDir` maps the output
 * file back to the URL a reader would see.
 */
export function describeDuplicatePermalink(message: string, outputDir: string): string | undefined {
  const conflict = /multiple input files are writing to `([^`]+)`/.exec(message);
  if (!conflict?.[1]) return undefined;
  const inputs = [...message.matchAll(/^\s+\d+\. (.+)$/gm)].map((match) =>
    shownPath((match[1] ?? "").trim()),
  );
  const file = path.relative(path.resolve(outputDir), path.resolve(conflict[1])).split(path.sep).join("/");
  const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
  return `${listed(inputs.sort())}: permalink: both publish ${url} — give one of them its own permalink or file name`;
}

const PERMISSION_CODES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
};

/** File-system failures a writer can fix, each with its reason in words and the fix. */
const FILE_SYSTEM_CODES: Record<string, { reason: string; fix: string }> = {
  EACCES: { reason: "permission denied", fix: "make it writable" },
  EPERM: { reason: "operation not permitted", fix: "make it writable" },
  EROFS: { reason: "read-only file system", fix: "use a folder on a writable disk" },
  ENOTDIR: { reason: "a part of the path is a file, not a folder", fix: "use a folder path" },
  ENOSPC: { reason: "the disk is full", fix: "free some disk space" },
  EDQUOT: { reason: "the disk quota is used up", fix: "free some disk space" },
};

/** The settings that name a cache folder: a failure inside one names the setting. */
const CACHE_SETTINGS = [
  "DATELINE_PHOTO_CACHE",
  "DATELINE_CHECK_CACHE",
  "DATELINE_EMAIL_CACHE",
  "DATELINE_OUTPUT_CACHE",
  "DATELINE_SEARCH_CACHE",
];

/** The cache setting whose folder holds `file`, if one does. */
function settingFor(file: string, env: Record<string, string | undefined>): string | undefined {
  const absolute = path.resolve(file);
  return CACHE_SETTINGS.find((name) => {
    const folder = env[name];
    if (folder === undefined || folder === "" || folder === "off") return false;
    const relative = path.relative(path.resolve(folder), absolute);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  });
}

/**
 * A file-system failure as one line: where, why in words, and the fix; under a cache setting's
 * folder it names the setting. Undefined for an error that is not one of these.
 * @example describeFileSystemError(enospc) // "_site.staging-12/a.html: cannot be written (the disk is full) — free some disk space and build again"
 */
export function describeFileSystemError(
  error: unknown,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  const known = code ? FILE_SYSTEM_CODES[code] : undefined;
  if (!known || !file) return undefined;
  const setting = settingFor(file, env);
  if (setting)
    return `${setting}: ${shownPath(file)} cannot be written (${known.reason}) — ${known.fix}, point ${setting} at a writable folder, or unset it`;
  return `${shownPath(file)}: cannot be written (${known.reason}) — ${known.fix} and build again`;
}

/** A file-system error's reason in words: `permission denied`, or its code. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && PERMISSION_CODES[code]) ?? code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The one line a failed build prints after `Build failed: `. `outputDir` is where Eleventy
 * wrote (the staging folder), to name URLs in conflicts.
 */
export function describeFailure(error: unknown, outputDir: string): string {
  const chain = errorChain(error);
  for (const link of chain) {
    if (link instanceof BuildError || link.name === "BuildError" || link.name === "ContentError")
      return link.message;
    if (link.name === "DuplicatePermalinkOutputError")
      return describeDuplicatePermalink(link.message, outputDir) ?? link.message.trim();
  }
  for (const link of chain) {
    const line = describeFileSystemError(link);
    if (line) return line;
  }
  if (chain.length === 0) return String(error);
  // Unforeseen: every stack in the chain (Eleventy's outer one alone hides the cause).
  return chain.map((link) => link.stack ?? link.message).join("\nCaused by: ");
}
