/**
 * The performance budgets on one page's facts: what a page reads into them (lead photo as a phone
 * picks it, body size, scripts), and which page, photo, script or stylesheet goes over.
 */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import {
  type BudgetProblem,
  type Budgets,
  budgetFacts,
  DEFAULT_BUDGETS,
  pageBudgetProblems,
  stylesheetProblems,
} from "../../lib/checks/budgets.ts";
import type { PageFacts } from "../../lib/checks/page-facts-schema.ts";
import { type BuiltSite, makeSite } from "../../lib/checks/site.ts";

const ORIGIN = "https://dateline.example";
const KB = 1024;
const ISSUE = "2025/04/alpha/index.html";

/** File sizes of a small site, by file. */
const SIZES: Readonly<Record<string, number>> = {
  [ISSUE]: 0,
  "about/index.html": 0,
  "search/index.html": 0,
  "photos/lead-800.avif": 130 * KB,
  "photos/lead-400.avif": 60 * KB,
  "assets/site.css": 21 * KB,
  "assets/print.css": 2 * KB,
};
const site: BuiltSite = {
  ...makeSite("/nowhere", Object.keys(SIZES).sort(), ORIGIN),
  size: (file) => SIZES[file] ?? 0,
};

type BudgetFacts = Pick<PageFacts, "bytes" | "isIssue" | "leadImage" | "bodyBytes" | "scripts">;
const page = (facts: Partial<BudgetFacts>): BudgetFacts => ({
  bytes: 1000,
  isIssue: false,
  scripts: [],
  ...facts,
});

describe("pageBudgetProblems", () => {
  it.each<[string, string, Partial<BudgetFacts>, BudgetProblem[]]>([
    ["an issue page within its budget", ISSUE, { isIssue: true, bytes: 40 * KB }, []],
    [
      "an issue page over its budget, mostly other markup",
      ISSUE,
      { isIssue: true, bytes: 41 * KB, bodyBytes: 20 * KB },
      [{ message: "issue page is 41984 bytes (41 KB), over the 40 KB budget" }],
    ],
    [
      "an issue page over its budget, mostly body: the writer is told to shorten it",
      ISSUE,
      { isIssue: true, bytes: 41 * KB, bodyBytes: 30 * KB },
      [
        {
          message: "issue page is 41984 bytes (41 KB), over the 40 KB budget",
          field: "body",
          hint: "; the body is 30 KB of it — shorten it or split the issue",
        },
      ],
    ],
    ["another page at 41 KB, within the 100 KB budget", "about/index.html", { bytes: 41 * KB }, []],
    [
      "another page over 100 KB",
      "about/index.html",
      { bytes: 101 * KB },
      [{ message: "page is 103424 bytes (101 KB), over the 100 KB budget" }],
    ],
    [
      "a lead photo over its budget",
      ISSUE,
      { isIssue: true, leadImage: "/photos/lead-800.avif" },
      [
        {
          message:
            "lead image /photos/lead-800.avif (picked at a 400px viewport, DPR 2) is 133120 bytes (130 KB), over the 120 KB budget",
          field: "photo",
          hint: " — use a smaller or more compressed original",
        },
      ],
    ],
    [
      "a lead photo within its budget",
      ISSUE,
      { isIssue: true, leadImage: "../../../photos/lead-400.avif" },
      [],
    ],
    [
      "a missing lead photo, which the link check reports",
      ISSUE,
      { isIssue: true, leadImage: "/photos/gone.avif" },
      [],
    ],
    ["a lead photo elsewhere", ISSUE, { isIssue: true, leadImage: "https://cdn.example/big.avif" }, []],
    [
      "a heavy photo on a page that is not an issue",
      "about/index.html",
      { leadImage: "/photos/lead-800.avif" },
      [],
    ],
    [
      "scripts on a reading page",
      "about/index.html",
      { scripts: ["inline <script>", "onclick handler on <a>"] },
      [
        { message: "JavaScript on a reading page: inline <script>" },
        { message: "JavaScript on a reading page: onclick handler on <a>" },
      ],
    ],
    [
      "a script on the search page, which may have one",
      "search/index.html",
      { scripts: ['<script src="/s.js">'] },
      [],
    ],
  ])("%s", (_name, file, facts, expected) => {
    expect(pageBudgetProblems(site, file, page(facts), DEFAULT_BUDGETS)).toEqual(expected);
  });

  it.each([
    ["a file", ["about/index.html"]],
    ["a URL path", ["/about/"]],
  ])("allows scripts on a page named by %s", (_name, scriptPages) => {
    const budgets: Budgets = { ...DEFAULT_BUDGETS, scriptPages };
    expect(
      pageBudgetProblems(site, "about/index.html", page({ scripts: ["inline <script>"] }), budgets),
    ).toEqual([]);
    expect(
      pageBudgetProblems(site, "search/index.html", page({ scripts: ["inline <script>"] }), budgets),
    ).toEqual([{ message: "JavaScript on a reading page: inline <script>" }]);
  });
});

describe("budgetFacts", () => {
  const viewport = DEFAULT_BUDGETS.leadImageViewport;

  it.each<[string, string, ReturnType<typeof budgetFacts>]>([
    ["a page with nothing to weigh", "<main><p>Text.</p></main>", { scripts: [] }],
    [
      "the AVIF a 400px, DPR 2 phone picks from the lead picture",
      [
        '<figure class="lead-figure"><picture>',
        '<source type="image/avif" srcset="/l-480.avif 480w, /l-800.avif 800w, /l-1600.avif 1600w" sizes="100vw">',
        '<img src="/l.jpg" srcset="/l-800.jpg 800w" sizes="100vw" alt=""></picture></figure>',
      ].join(""),
      { leadImage: "/l-800.avif", scripts: [] },
    ],
    // 40 bytes: the body's markup with its own tag, as it weighs in the page.
    ["the body's size", '<div class="issue__body"><p>Hi</p></div>', { bodyBytes: 40, scripts: [] }],
    [
      "scripts that run, not JSON-LD",
      [
        '<script type="application/ld+json">{}</script><script> go() </script>',
        '<script src="/s.js"></script><a href="#" onclick="go()">Go</a><body onload="go()"></body>',
      ].join(""),
      {
        scripts: [
          "inline <script>",
          '<script src="/s.js">',
          "onload handler on <body>",
          "onclick handler on <a>",
        ],
      },
    ],
  ])("reads %s", (_name, html, expected) => {
    expect(budgetFacts(load(html), viewport)).toEqual(expected);
  });
});

describe("stylesheetProblems", () => {
  it("reports each stylesheet over its budget, and only those", () => {
    expect(stylesheetProblems(site, DEFAULT_BUDGETS)).toEqual([
      { file: "assets/site.css", message: "stylesheet is 21504 bytes (21 KB), over the 20 KB budget" },
    ]);
    expect(stylesheetProblems(site, { ...DEFAULT_BUDGETS, cssBytes: 1 * KB })).toHaveLength(2);
  });
});
