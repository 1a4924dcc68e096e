/**
 * The search index over small synthetic sites, searched with Pagefind's own engine: Pagefind is
 * given the marked pages alone, in path order, and finds what it found reading the whole site;
 * a warm search store gives the same bytes as a cold run after pages are added, changed and
 * removed, or when none changed; and a damaged or misplaced stored file only ever costs time.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { indexSite, indexSiteReport } from "../../lib/search/index-site.ts";
import { sha256 } from "../../lib/shared/store.ts";
import { hashTree } from "../helpers/hash-tree.ts";
import { closeEngines, type Engine, type Hit, openBundle, openIndex } from "./pagefind-engine.ts";

/** Writes over a store object, which the store keeps read-only (as a writer's account sees it). */
function overwrite(file: string, bytes: string | Buffer): void {
  chmodSync(file, 0o644);
  writeFileSync(file, bytes);
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(closeEngines);

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dateline-search-${name}-`));
  made.push(dir);
  return dir;
}

type Pages = Record<string, string | null>;

/** Writes pages into `dir` in the order given (null removes one). */
function writePages(dir: string, pages: Pages): void {
  for (const [file, html] of Object.entries(pages)) {
    const target = path.join(dir, file);
    if (html === null) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
  }
}

interface IssueOptions {
  people?: string[];
  date?: string;
}

/** An issue page as the issue layout marks it: the article is the body, with filters, meta and headings. */
function issue(title: string, body: string, options: IssueOptions = {}): string {
  const people = (options.people ?? [])
    .map((name) => `<li><a href="/people/x/" data-pagefind-filter="person">${name}</a></li>`)
    .join("");
  return [
    `<!doctype html><html lang="en-GB"><head><title>${title} | Dateline</title></head><body>`,
    `<header><nav>Home Archive Topics Search</nav></header>`,
    `<main><article class="issue" data-pagefind-body>`,
    `<h1>${title}</h1>`,
    `<p>Published <time data-pagefind-meta="date">${options.date ?? "10 April 2025"}</time><span data-pagefind-ignore> · 2 min read</span></p>`,
    `<h2 id="background">Background</h2><p>${body}</p>`,
    `<h2 id="what-next">What next</h2><p>Diplomats expect more talks.</p>`,
    people ? `<ul class="in-this-issue">${people}</ul>` : "",
    `</article></main><footer>Footer words everywhere</footer></body></html>`,
  ].join("\n");
}

/** A page without the attribute (a listing, an email, the about page). */
function plain(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;
}

const FIRST: Pages = {
  "2025/04/alpha/index.html": issue(
    "Delegations meet in Istanbul",
    "Grain corridor talks between the delegations.",
    {
      people: ["Alexander Darchiev"],
    },
  ),
  "2025/04/bravo/index.html": issue(
    "A ceasefire proposal",
    "The Kremlin floats a ceasefire along the front.",
    {
      people: ["Sonata Coulter"],
    },
  ),
  "2025/05/charlie/index.html": issue("Glacier diplomacy", "Arctic glacier claims divide the council.", {
    date: "2 May 2025",
  }),
  "2025/05/delta/index.html": issue("Sanctions renewed", "Brussels renews sanctions on grain exports.", {
    people: ["Alexander Darchiev", "Sonata Coulter"],
    date: "9 May 2025",
  }),
  "index.html": plain("Dateline", "Delegations Istanbul ceasefire glacier sanctions zeppelin armistice"),
  "2025/04/alpha/email.html": plain("Delegations meet in Istanbul", "Grain corridor talks, by email."),
  "about/index.html": plain("About", "About the newsletter and its glacier of footnotes."),
  "404.html": plain("Not found", "Nothing here."),
};

/** The second build: an issue added, one changed, one removed (and the listing with them). */
const SECOND: Pages = {
  "2025/06/echo/index.html": issue("Zeppelin over the border", "A zeppelin crossed the border at dawn.", {
    people: ["Sonata Coulter"],
    date: "1 June 2025",
  }),
  "2025/04/bravo/index.html": issue(
    "An armistice proposal",
    "The Kremlin floats an armistice along the front.",
    {
      people: ["Sonata Coulter"],
    },
  ),
  "2025/05/charlie/index.html": null,
  "index.html": plain("Dateline", "Delegations Istanbul armistice sanctions zeppelin"),
};

const TERMS = [
  "istanbul",
  "ceasefire",
  "armistice",
  "glacier",
  "zeppelin",
  "grain",
  "delegations",
  "talks",
  "footer",
];

/** Every term's results, and the filter-only results for each person, as comparable data. */
async function resultsOf(engine: Engine): Promise<Record<string, Hit[]>> {
  const results: Record<string, Hit[]> = {};
  for (const term of TERMS) results[term] = await engine.search(term);
  for (const person of ["Alexander Darchiev", "Sonata Coulter"])
    results[`person:${person}`] = await engine.search(null, { person });
  return results;
}

const urls = (hits: readonly Hit[]): string[] => hits.map((hit) => hit.url).sort();
/** Results with ties in any order: what a reader could tell apart. */
const unordered = (results: Record<string, Hit[]>): Record<string, Hit[]> =>
  Object.fromEntries(
    Object.entries(results).map(([key, hits]) => [
      key,
      [...hits].sort((a, b) => b.score - a.score || a.url.localeCompare(b.url)),
    ]),
  );

/** A copy of a written bundle, so a later run in the same site cannot change it. */
function keepBundle(site: string, name: string): string {
  const copy = path.join(tempDir(name), "pagefind");
  mkdirSync(copy);
  for (const [file] of Object.entries(hashTree(path.join(site, "pagefind")))) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    writeFileSync(path.join(copy, file), readFileSync(path.join(site, "pagefind", file)));
  }
  return copy;
}

/** The index Pagefind writes reading the whole site itself (what indexSite did before). */
async function wholeSiteIndex(site: string): Promise<string> {
  const outputPath = path.join(tempDir("whole"), "pagefind");
  try {
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error("no index");
    expect((await index.addDirectory({ path: site })).errors).toEqual([]);
    expect((await index.writeFiles({ outputPath })).errors).toEqual([]);
  } finally {
    await pagefind.close();
  }
  return outputPath;
}

describe("which pages Pagefind is given", () => {
  it("finds what Pagefind finds reading the whole site, term by term and filter by filter", async () => {
    const site = tempDir("site");
    writePages(site, FIRST);
    expect(await indexSite(site, { cacheDir: false })).toEqual({ pages: 4 });
    const ours = await openIndex(path.join(site, "pagefind"));
    const whole = await openBundle(await wholeSiteIndex(site));
    const found = await resultsOf(ours);
    expect(unordered(found)).toEqual(unordered(await resultsOf(whole)));
    expect(await ours.filters()).toEqual(await whole.filters());
    // Only issues: the listing, the email and the about page mention these words too.
    expect(urls(found.glacier ?? [])).toEqual(["/2025/05/charlie/"]);
    expect(urls(found.footer ?? [])).toEqual([]);
    expect(urls(found["person:Sonata Coulter"] ?? [])).toEqual(["/2025/04/bravo/", "/2025/05/delta/"]);
  });

  it("numbers pages in path order, whatever order the files were written in", async () => {
    const names = ["zulu", "alpha", "mike", "bravo", "yankee", "charlie", "xray", "delta", "whiskey", "echo"];
    // The same page at ten paths: every result ties, so only the page numbers order them.
    const same = issue("Same words", "Identical text on every page.", { people: ["Sonata Coulter"] });
    const forwards = tempDir("forwards");
    const backwards = tempDir("backwards");
    writePages(forwards, Object.fromEntries(names.map((name) => [`2025/04/${name}/index.html`, same])));
    writePages(
      backwards,
      Object.fromEntries([...names].reverse().map((name) => [`2025/04/${name}/index.html`, same])),
    );
    await indexSite(forwards, { cacheDir: false });
    await indexSite(backwards, { cacheDir: false });
    expect(hashTree(path.join(backwards, "pagefind"))).toEqual(hashTree(path.join(forwards, "pagefind")));
    // Ties (and filter-only searches) come out in page order: path order, on any file system.
    const engine = await openIndex(path.join(forwards, "pagefind"));
    const inPathOrder = [...names].sort().map((name) => `/2025/04/${name}/`);
    expect((await engine.search("identical")).map((hit) => hit.url)).toEqual(inPathOrder);
    expect((await engine.search(null, { person: "Sonata Coulter" })).map((hit) => hit.url)).toEqual(
      inPathOrder,
    );
  });

  it("gives a page whose name has glob syntax or other letters the URL Pagefind gives it", async () => {
    const site = tempDir("names");
    writePages(site, {
      "2025/04/plain/index.html": issue("Plain", "Plain words."),
      "2025/04/a b[1]{x,y}/index.html": issue("Odd name", "Bracketed words."),
      "2025/04/ümlaut-ı/index.html": issue("Letters", "Lettered words."),
      "2025/04/star*/note.html": issue("Star", "Starred words."),
    });
    expect(await indexSite(site, { cacheDir: false })).toEqual({ pages: 4 });
    const ours = urls(await (await openIndex(path.join(site, "pagefind"))).search("words"));
    const whole = urls(await (await openBundle(await wholeSiteIndex(site))).search("words"));
    expect(ours).toEqual(whole);
    expect(ours).toHaveLength(4);
  });

  it("still names a page it counts as marked when Pagefind finds no marked element anywhere", async () => {
    const site = tempDir("probe");
    writePages(site, {
      // <plaintext> makes the rest of the page text for an HTML parser; the attribute scan reads on.
      "2025/04/x/index.html":
        '<!doctype html><html lang="en"><body><p>Intro words</p><plaintext><main data-pagefind-body>Text</main></body></html>',
      "about.html": plain("About", "About us."),
    });
    await expect(indexSite(site, { cacheDir: false })).rejects.toThrow(
      "Search index: /about.html: Pagefind indexed the page, but none of its elements carries data-pagefind-body — mark the part to index",
    );
  });

  it("lists no bundle when no page is marked, and keeps no store", async () => {
    const site = tempDir("empty");
    const store = path.join(tempDir("store"), "search");
    writePages(site, { "index.html": plain("Home", "Words."), "about/index.html": plain("About", "More.") });
    expect(await indexSite(site, { cacheDir: store })).toEqual({ pages: 0 });
    expect(readFileSync(path.join(site, "pagefind/bundles.json"), "utf8")).toBe('{"bundles":[]}\n');
    expect(readdirSync(path.join(site, "pagefind"))).toEqual(["bundles.json"]);
    expect(existsSync(store)).toBe(false);
  });
});

describe("the search store", () => {
  /** A site indexed once with a store, then changed to SECOND; returns the folders. */
  async function warmedSite(): Promise<{ site: string; store: string }> {
    const site = tempDir("site");
    const store = path.join(tempDir("store"), "search");
    writePages(site, FIRST);
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 0 });
    writePages(site, SECOND);
    return { site, store };
  }

  /** The bundle a cold run (no store) writes for the site as it is now. */
  async function coldTree(site: string): Promise<Record<string, string>> {
    const cold = tempDir("cold");
    for (const [file] of Object.entries(hashTree(site))) {
      if (file.startsWith(`pagefind${path.sep}`)) continue;
      writePages(cold, { [file]: readFileSync(path.join(site, file), "utf8") });
    }
    await indexSite(cold, { cacheDir: false });
    return hashTree(path.join(cold, "pagefind"));
  }

  it("after an issue is added, one changed and one removed, gives the cold run's bytes and finds what the pages now say", async () => {
    const { site, store } = await warmedSite();
    // alpha and delta are unchanged: their fragments come from the store.
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 2 });
    const warm = hashTree(path.join(site, "pagefind"));
    expect(warm).toEqual(await coldTree(site));
    const warmBundle = keepBundle(site, "warm");

    // A second warm run over the same pages takes every fragment and is the same again.
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 4 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(warm);

    const found = await resultsOf(await openIndex(warmBundle));
    expect(unordered(found)).toEqual(
      unordered(await resultsOf(await openBundle(await wholeSiteIndex(site)))),
    );
    expect(urls(found.zeppelin ?? [])).toEqual(["/2025/06/echo/"]);
    expect(urls(found.armistice ?? [])).toEqual(["/2025/04/bravo/"]);
    expect(urls(found.ceasefire ?? [])).toEqual([]);
    expect(urls(found.glacier ?? [])).toEqual([]);
    expect(urls(found.delegations ?? [])).toEqual(["/2025/04/alpha/"]);
    expect(urls(found["person:Sonata Coulter"] ?? [])).toEqual([
      "/2025/04/bravo/",
      "/2025/05/delta/",
      "/2025/06/echo/",
    ]);
    expect(found.armistice?.[0]?.title).toBe("An armistice proposal");
  });

  it.each([
    ["truncated", (object: string) => overwrite(object, readFileSync(object).subarray(0, 10))],
    ["changed at the same size", (object: string) => overwrite(object, flipLastByte(readFileSync(object)))],
    ["missing", (object: string) => rmSync(object)],
  ])("reads a stored fragment that is %s as a miss", async (_name, damage) => {
    const { site, store } = await warmedSite();
    for (const object of objectFiles(store)) damage(object);
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 0 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));
  });

  it("indexes only the bundle a new issue joins, takes the others whole, and searches across them all", async () => {
    const site = tempDir("bundles");
    const store = path.join(tempDir("store"), "search");
    const winter = issue("Winter talks", "Envoys met in the snow about the embassy.", {
      people: ["Alexander Darchiev"],
      date: "4 November 2024",
    });
    writePages(site, { ...FIRST, "2024/11/foxtrot/index.html": winter });
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 5, reused: 0 });
    expect(JSON.parse(readFileSync(path.join(site, "pagefind/bundles.json"), "utf8"))).toEqual({
      bundles: ["/pagefind/2025/", "/pagefind/2024/"],
    });
    const older = hashTree(path.join(site, "pagefind/2024"));

    writePages(site, { "2025/06/echo/index.html": SECOND["2025/06/echo/index.html"] ?? null });
    // 2024's bundle whole (1 page), and 2025's four unchanged fragments.
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 6, reused: 5 });
    expect(hashTree(path.join(site, "pagefind/2024"))).toEqual(older);
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));

    const engine = await openIndex(path.join(site, "pagefind"));
    expect(urls(await engine.search("embassy"))).toEqual(["/2024/11/foxtrot/"]);
    expect(urls(await engine.search("zeppelin"))).toEqual(["/2025/06/echo/"]);
    expect(urls(await engine.search(null, { person: "Alexander Darchiev" }))).toEqual([
      "/2024/11/foxtrot/",
      "/2025/04/alpha/",
      "/2025/05/delta/",
    ]);
    expect(await engine.filters()).toEqual({ person: { "Alexander Darchiev": 3, "Sonata Coulter": 3 } });
  });

  it("reads a damaged index of the store as empty", async () => {
    const { site, store } = await warmedSite();
    const index = path.join(store, "index.json");
    writeFileSync(index, readFileSync(index, "utf8").slice(0, 100));
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 0 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));
  });

  it("runs cold when a fragment it put in place is not the one Pagefind numbers there", async () => {
    const { site, store } = await warmedSite();
    // Two unchanged pages' entries with their names swapped: each name now holds the other page.
    const file = path.join(store, "index.json");
    const index = JSON.parse(readFileSync(file, "utf8")) as {
      fragments: Record<string, { name: string; url: string }>;
    };
    const entries = Object.values(index.fragments);
    const alpha = entries.find((entry) => entry.url === "/2025/04/alpha/");
    const delta = entries.find((entry) => entry.url === "/2025/05/delta/");
    if (!alpha || !delta) throw new Error("the store has no entry for alpha or delta");
    [alpha.name, delta.name] = [delta.name, alpha.name];
    writeFileSync(file, JSON.stringify(index));
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 0 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));
    // And the cold run put the store right.
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 4 });
  });

  it("when no indexed page changed, takes the whole bundle, byte for byte what a cold run writes", async () => {
    const { site, store } = await warmedSite();
    await indexSiteReport(site, { cacheDir: store });
    // An unmarked page changes: Pagefind never indexed it, so the bundle still holds.
    writePages(site, { "index.html": plain("Dateline", "A new listing"), "about/index.html": null });
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 4 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));
    expect(urls(await (await openIndex(path.join(site, "pagefind"))).search("zeppelin"))).toEqual([
      "/2025/06/echo/",
    ]);
  });

  it("reads a bundle with a damaged file as a miss, and indexes from the fragments", async () => {
    const { site, store } = await warmedSite();
    await indexSiteReport(site, { cacheDir: store });
    const engine = readFileSync(path.join(site, "pagefind/2025/pagefind.js"));
    const object = objectFiles(store).find((file) => path.basename(file) === sha256(engine));
    if (!object) throw new Error("pagefind.js is not in the store");
    overwrite(object, Buffer.concat([engine, Buffer.from("// changed")]));
    rmSync(path.join(site, "pagefind"), { recursive: true });
    expect(await indexSiteReport(site, { cacheDir: store })).toEqual({ pages: 4, reused: 4 });
    expect(hashTree(path.join(site, "pagefind"))).toEqual(await coldTree(site));
  });

  it("keeps nothing with cacheDir false, and refuses a folder that is not a cache", async () => {
    const site = tempDir("site");
    writePages(site, FIRST);
    expect(await indexSiteReport(site, { cacheDir: false })).toEqual({ pages: 4, reused: 0 });
    const foreign = tempDir("foreign");
    writeFileSync(path.join(foreign, "notes.txt"), "mine\n");
    await expect(indexSite(site, { cacheDir: foreign })).rejects.toThrow(
      `DATELINE_SEARCH_CACHE: ${foreign} is not a Dateline cache folder (it holds notes.txt and no .dateline-store) — set DATELINE_SEARCH_CACHE to an empty or new folder; nothing in it was touched`,
    );
    expect(readdirSync(foreign)).toEqual(["notes.txt"]);
  });

  it("does not index a page the store knows but the site no longer has", async () => {
    const { site, store } = await warmedSite();
    await indexSiteReport(site, { cacheDir: store });
    const found = await (await openIndex(path.join(site, "pagefind"))).search("glacier");
    expect(found).toEqual([]);
    expect(readdirSync(path.join(site, "pagefind/2025/fragment"))).toHaveLength(4);
  });
});

function objectFiles(store: string): string[] {
  const objects = path.join(store, "objects");
  return readdirSync(objects, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function flipLastByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0xff;
  return copy;
}
