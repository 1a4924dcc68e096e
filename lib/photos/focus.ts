/**
 * Crop focus per photo, from the issues' front matter (`photo.focus`), for runs of the
 * pipeline outside the Eleventy build (`npm run photos`). It reads only `photo.src` and
 * `photo.focus`; the full front-matter checks stay in lib/content.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "@11ty/gray-matter";
import yaml from "js-yaml";
import { messages, type PhotoProblem } from "./problems.ts";
import { FOCUS_VALUES, type Focus } from "./settings.ts";

/**
 * `src → focus` for every lead photo with a valid `photo.focus`, and a problem for a photo
 * given different focuses by different issues (the crops can follow only one).
 *
 * @example
 * collectFocus("src/issues") // { focus: { "2025/istanbul.jpg": "top" }, problems: [] }
 */
export function collectFocus(
  issuesDir: string,
  options: { root?: string; displayDir?: string } = {},
): { focus: Record<string, Focus>; problems: PhotoProblem[] } {
  const root = options.root ?? process.cwd();
  const displayDir = options.displayDir ?? "assets/photos";
  const focus: Record<string, Focus> = {};
  const from: Record<string, string> = {};
  const problems: PhotoProblem[] = [];
  for (const file of listMarkdown(issuesDir)) {
    const photo = readPhoto(readFileSync(file, "utf8"));
    if (!photo) continue;
    const issue = path.relative(root, file).split(path.sep).join("/");
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
  return { focus, problems };
}

function readPhoto(text: string): { src: string; focus: Focus } | undefined {
  let data: unknown;
  try {
    data = matter(text.replace(/^\uFEFF/, ""), {
      engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
    }).data;
  } catch {
    return undefined; // the content checks report broken front matter
  }
  const photo = (data as { photo?: unknown } | null)?.photo;
  if (typeof photo !== "object" || photo === null) return undefined;
  const { src, focus } = photo as { src?: unknown; focus?: unknown };
  if (typeof src !== "string" || !(FOCUS_VALUES as readonly unknown[]).includes(focus)) return undefined;
  return { src, focus: focus as Focus };
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
