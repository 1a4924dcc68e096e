/**
 * axe-core (WCAG 2.2 AA) on a page that stays loaded: injected once per document, then run as
 * often as the page is re-rendered (another colour scheme, another width). AxeBuilder
 * (@axe-core/playwright) injects axe twice per analysis and finishes each one in a new page.
 * Four renderings of a page, measured on a busy 2-core machine: 16-19 s with a fresh page and
 * AxeBuilder each, 5-8 s with AxeBuilder on one loaded page, about 2 s this way. The rules,
 * the axe-core package and its results are the same.
 */
import axe, { type Result } from "axe-core";
import type { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One line per failing element: rule, impact, CSS target, and axe's summary. */
export function violationLines(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "?"}) at ${node.target.join(" ")}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}

/**
 * axe's violations on the page as it is rendered now. Every frame gets axe if its document does
 * not have it yet (as AxeBuilder's legacy mode does, so same-origin frames are checked too).
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate<boolean>("typeof window.axe?.run === 'function'")))
      await frame.evaluate(axe.source);
  }
  // Only violations are aggregated in full; they are all the tests read.
  const options = { runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"] };
  return page.evaluate<Result[]>(
    `axe.run(document, ${JSON.stringify(options)}).then((results) => results.violations)`,
  );
}
