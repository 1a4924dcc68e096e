/**
 * Crop focus per photo, from the issues' front matter (`photo.focus`), and which issues use
 * each photo, for the pipeline's problem lines. It reads only `photo.src`, `photo.focus`
 * and (through the caller's `bodyImages`) body images; the full checks stay in lib/content.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "@11ty/gray-matter";
import yaml from "js-yaml";
import { messages, type PhotoProblem } from "./problems.ts";
import { FOCUS_VALUES, type Focus } from "./settings.ts";

/**
 * `src → focus` for every lead photo with a valid `photo.focus`, a problem for a photo
 * given different focuses by different issues (the crops can follow only one), and
 * `src → issue files` for every lead photo and, given `bodyImages`, every body image.
 *
 * @example
 * collectFocus("src/issues")
 * // { focus: { "2025/istanbul.jpg": "top" }, usedBy: { "2025/istanbul.jpg": ["src/issues/2025/talks.md"] }, problems: [] }
 */
export function collectFocus(
  issuesDir: string,
  options: { root?: string; displayDir?: string; bodyImages?: (body: string) => string[] } = {},
): { focus: Record<string, Focus>; usedBy: Record<string, string[]>; problems: PhotoProblem[] } {
  const root = options.root ?? process.cwd();
  const displayDir = options.displayDir ?? "assets/photos";
  const focus: Record<string, Focus> = {};
  const from: Record<string, string> = {};
  const usedBy: Record<string, string[]> = {};
  const problems: PhotoProblem[] = [];
  for (const file of listMarkdown(issuesDir)) {
    const issue = path.relative(root, file).split(path.sep).join("/");
    const { lead, body } = readIssue(readFileSync(file, "utf8"));
    const sources = [...(lead ? [lead.src] : []), ...(options.bodyImages?.(body) ?? [])];
    for (const src of new Set(sources)) {
      if (!Object.hasOwn(usedBy, src)) usedBy[src] = [];
      usedBy[src]?.push(issue);
    }
    const photo = lead?.focus === undefined ? undefined : { src: lead.src, focus: lead.focus };
    if (!photo) continue;
    const earlier = focus[photo.src];
    if (earlier === undefined) {
      focus[photo.src] = photo.focus;
      from[photo.src] = issue;
    } else if (earlier !== photo.focus) {
      problems.push({
        photo: `${displayDir}/${photo.src}`,
        message: messages.focusConflict(earlier, from[photo.src] ?? "", photo.focus, issue),
      });
    }
  }
  return { focus, usedBy, problems };
}

/** The lead photo's src (and focus when valid) and the body of one issue file. */
function readIssue(text: string): { lead?: { src: string; focus?: Focus }; body: string } {
  let parsed: { data: unknown; content: string };
  try {
    parsed = matter(text.replace(/^\uFEFF/, ""), {
      engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
    });
  } catch {
    return { body: "" }; // the content checks report broken front matter
  }
  const photo = (parsed.data as { photo?: unknown } | null)?.photo;
  if (typeof photo !== "object" || photo === null) return { body: parsed.content };
  const { src, focus } = photo as { src?: unknown; focus?: unknown };
  if (typeof src !== "string") return { body: parsed.content };
  const valid = (FOCUS_VALUES as readonly unknown[]).includes(focus);
  return { lead: valid ? { src, focus: focus as Focus } : { src }, body: parsed.content };
}

function listMarkdown(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
