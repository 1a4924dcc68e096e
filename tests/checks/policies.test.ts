/**
 * Every policy path in _data/site.ts must lead to a page of the built site and, with a fragment,
 * to an id on it; a broken one is reported against the setting, not a page.
 */
import { describe, expect, it } from "vitest";
import { policyProblems } from "../../lib/checks/policies.ts";
import { formatProblem, makeSite } from "../../lib/checks/site.ts";

const ORIGIN = "https://dateline.example";
const site = makeSite("/nowhere", ["about/index.html", "masthead/index.html", "index.html"], ORIGIN);
const ids: Record<string, string[]> = {
  "about/index.html": ["ethics", "corrections"],
  "masthead/index.html": [],
};
const anchors = (file: string) => new Set(ids[file] ?? []);

describe("policyProblems", () => {
  it.each<[string, string, string[]]>([
    ["a page", "/masthead/", []],
    ["a section that exists", "/about/#ethics", []],
    [
      "a page the site lacks",
      "/ethics/",
      [
        "_data/site.ts: policies.ethics: /ethics/ is not a page of the site (no ethics/index.html) — point it at a page or section that exists, e.g. /about/#ethics",
      ],
    ],
    [
      "a section the page lacks",
      "/about/#ethic",
      [
        '_data/site.ts: policies.ethics: /about/#ethic: about/index.html has no id "ethic" — point it at a heading that exists on that page',
      ],
    ],
    [
      "another site's page",
      "//elsewhere.example/ethics",
      [
        "_data/site.ts: policies.ethics: //elsewhere.example/ethics is not a page of the site (no //elsewhere.example/ethics) — point it at a page or section that exists, e.g. /about/#ethics",
      ],
    ],
  ])("%s (%s)", (_case, path, expected) => {
    expect(policyProblems(site, { ethics: path }, anchors).map(formatProblem)).toEqual(expected);
  });
});
