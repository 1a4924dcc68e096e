/**
 * Crop focus per photo, from the issues' front matter (`photo.focus`), and which issues use
 * each photo, for the pipeline's problem lines. It reads only `photo.src`, `photo.focus`
 * and (through the caller's `bodyImages`) body images; the full checks stay in lib/content.ts.
 */

import { FOCUS_VALUES, type Focus } from "../../contract/focus-values.ts";
import { messages, type PhotoProblem } from "./problems.ts";

/** One issue as the photo stage needs it: its file and its front matter and body, already parsed. */
export interface FocusSource {
  /** Project-relative path of the issue file. */
  file: string;
  /** The parsed front matter (unchecked), or undefined when it did not parse. */
  data: unknown;
  body: string;
}

/**
 * `src → focus` for every lead photo with a valid `photo.focus`, a problem for a photo
 * given different focuses by different issues (the crops can follow only one), and
 * `src → issue files` for every lead photo and, given `bodyImages`, every body image.
 * The issues come parsed (lib/content.ts `readIssueSources`): no file is read twice.
 *
 * @example
 * collectFocus(issues)
 * // { focus: { "2025/istanbul.jpg": "top" }, usedBy: { "2025/istanbul.jpg": ["src/issues/2025/talks.md"] }, problems: [] }
 */
export function collectFocus(
  issues: readonly FocusSource[],
  options: { displayDir?: string; bodyImages?: (body: string) => string[] } = {},
): { focus: Record<string, Focus>; usedBy: Record<string, string[]>; problems: PhotoProblem[] } {
  const displayDir = options.displayDir ?? "assets/photos";
  const focus: Record<string, Focus> = {};
  const from: Record<string, string> = {};
  const usedBy: Record<string, string[]> = {};
  const problems: PhotoProblem[] = [];
  for (const { file: issue, data, body } of issues) {
    const lead = leadPhoto(data);
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

/** The lead photo's src, and its focus when valid, from unchecked front matter. */
function leadPhoto(data: unknown): { src: string; focus?: Focus } | undefined {
  const photo = (data as { photo?: unknown } | null | undefined)?.photo;
  if (typeof photo !== "object" || photo === null) return undefined;
  const { src, focus } = photo as { src?: unknown; focus?: unknown };
  if (typeof src !== "string") return undefined;
  const valid = (FOCUS_VALUES as readonly unknown[]).includes(focus);
  return valid ? { src, focus: focus as Focus } : { src };
}
