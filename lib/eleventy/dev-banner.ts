/**
 * What the dev server puts at the top of every page while the content has problems or
 * warnings: the writer sees them where they look, not only in the terminal. A production build
 * never shows these (it stops on a problem, and prints its warnings).
 */
import { escapeHtml } from "../shared/text.ts";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function list(lines: readonly string[]): string {
  return `<ul>${lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join("")}</ul>`;
}

/**
 * The problem lines (the build failed: the page is the last good one) and the warning lines
 * (the build went on), each formatted by `formatProblem`, as the first thing in the body.
 * @example insertDevBanner("<body><p>Hi</p>", [], ["src/issues/x.md: people: …"]) // a quieter "1 warning" box first in the body
 */
export function insertDevBanner(
  html: string,
  problems: readonly string[],
  warnings: readonly string[],
): string {
  const parts: string[] = [];
  if (problems.length > 0)
    parts.push(
      '<section class="notice content-problems" role="alert" aria-labelledby="content-problems-heading">',
      `<h2 id="content-problems-heading">Build failed: ${plural(problems.length, "problem")} in the content</h2>`,
      "<p>This page is from the last good build. Fix these and save; the page reloads.</p>",
      list(problems),
      "</section>",
    );
  if (warnings.length > 0)
    parts.push(
      '<section class="notice notice--quiet content-warnings" aria-labelledby="content-warnings-heading">',
      `<h2 id="content-warnings-heading">${plural(warnings.length, "warning")} in the content</h2>`,
      "<p>The site builds with these; each says what to check. The published site never shows this box.</p>",
      list(warnings),
      "</section>",
    );
  if (parts.length === 0) return html;
  const banner = parts.join("");
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${banner}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${banner}${html.slice(at)}`;
}
