/**
 * Issue numbers ("No. 42"). Numbers are written in front matter, never computed from dates,
 * so an issue dated earlier and added later cannot renumber the archive. This module checks
 * them across the archive and says which number comes next (`npm run new-issue`).
 */
import type { Problem } from "../../shared/problems.ts";

/** What numbering needs of an issue: its file and its front-matter number. */
export interface NumberedSource {
  inputPath: string;
  data: { number?: number | undefined };
}

/** One past the highest number in use, or 1 for the first issue. */
export function nextIssueNumber(issues: readonly NumberedSource[]): number {
  return Math.max(0, ...issues.map((issue) => issue.data.number ?? 0)) + 1;
}

/**
 * Repeats are errors naming both files; gaps, missing numbers on a numbered site (once any issue
 * has one) and numbers on a site that does not show them are warnings. Issues are taken in file order, so the message
 * lands on the same file every build.
 * @example checkIssueNumbers([{ inputPath: "a.md", data: { number: 1 } }, { inputPath: "b.md", data: { number: 1 } }], true)
 *   // { problems: [{ file: "b.md", field: "number", message: "No. 1 is already the number of a.md — …" }], warnings: [] }
 */
export function checkIssueNumbers(
  issues: readonly NumberedSource[],
  numberedIssues: boolean,
): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const ordered = [...issues].sort((a, b) =>
    a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0,
  );
  const next = nextIssueNumber(issues);
  if (!numberedIssues) {
    for (const issue of ordered) {
      if (issue.data.number === undefined) continue;
      warnings.push({
        file: issue.inputPath,
        field: "number",
        message:
          "is not shown: the site does not number its issues — set numberedIssues: true in _data/site.ts, or remove the number",
      });
    }
    return { problems, warnings };
  }
  const owners = new Map<number, string>();
  // Until the first number is written, a numbered site has nothing to warn about.
  const started = issues.some((issue) => issue.data.number !== undefined);
  for (const issue of ordered) {
    const { number } = issue.data;
    if (number === undefined) {
      if (!started) continue;
      warnings.push({
        file: issue.inputPath,
        field: "number",
        message: `missing — this site numbers its issues; add number: ${next} (the next unused number)`,
      });
      continue;
    }
    const owner = owners.get(number);
    if (owner === undefined) {
      owners.set(number, issue.inputPath);
      continue;
    }
    problems.push({
      file: issue.inputPath,
      field: "number",
      message: `No. ${number} is already the number of ${owner} — give each issue its own number; the next unused is ${next}`,
    });
  }
  const used = [...owners.keys()].sort((a, b) => a - b);
  used.forEach((number, position) => {
    const previous = position === 0 ? 0 : (used[position - 1] ?? 0);
    if (number - previous <= 1) return;
    const missing =
      number - previous === 2 ? `No. ${previous + 1} is` : `Nos. ${previous + 1}–${number - 1} are`;
    warnings.push({
      file: owners.get(number) ?? "",
      field: "number",
      message: `${missing} missing: the numbers go from ${previous === 0 ? "the start" : previous} to ${number} here — check for a mistyped number, or ignore this if those issues were never published`,
    });
  });
  return { problems, warnings };
}
