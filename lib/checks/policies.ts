/**
 * The publisher's policies (`policies` in _data/site.ts) must lead somewhere: each path to a page
 * the site has, and its fragment to an id on that page. The JSON-LD of every page links them, so a
 * broken one would send search engines and readers to nothing. Problems name the setting.
 */
import { type BuiltSite, type CheckProblem, UNKNOWN_ORIGIN } from "./site.ts";

const SETTINGS_FILE = "_data/site.ts";

/** Each policy path that does not resolve, as a problem naming `policies.<name>` in _data/site.ts. */
export function policyProblems(
  site: Pick<BuiltSite, "origin" | "resolve">,
  policies: Readonly<Record<string, string>>,
  anchors: (file: string) => ReadonlySet<string> | undefined,
): CheckProblem[] {
  return Object.entries(policies).flatMap(([name, value]): CheckProblem[] => {
    const problem = (message: string): CheckProblem[] => [
      { file: SETTINGS_FILE, field: `policies.${name}`, message },
    ];
    const resolved = site.resolve(value, `${site.origin ?? UNKNOWN_ORIGIN}/`);
    if (typeof resolved === "string" || !resolved.exists) {
      const file = typeof resolved === "string" ? value : resolved.file;
      return problem(
        `${value} is not a page of the site (no ${file}) — point it at a page or section that exists, e.g. /about/#${name}`,
      );
    }
    const fragment = decodeURIComponent(resolved.hash.replace(/^#/, ""));
    if (fragment === "" || anchors(resolved.file)?.has(fragment)) return [];
    return problem(
      `${value}: ${resolved.file} has no id "${fragment}" — point it at a heading that exists on that page`,
    );
  });
}
