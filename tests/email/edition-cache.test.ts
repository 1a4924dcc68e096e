/**
 * The edition cache (lib/email/edition-cache.ts): a warm cache gives exactly what rendering
 * gives, a changed view is rendered again, and a damaged entry is a miss, never an error.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderEmailFragment } from "../../lib/outputs/email/fragment.ts";
import {
  buildEmailView,
  openEditionCache,
  openFragmentCache,
  renderEmailHtml,
  renderEmailText,
} from "../../lib/outputs/email/index.ts";
import { sha256 } from "../../lib/shared/store.ts";
import { fixtureContext, fixtureView } from "./fixture-view.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-email-cache-"));
  made.push(dir);
  return dir;
}

function entryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const view = buildEmailView(fixtureView(), fixtureContext());
const rendered = { html: renderEmailHtml(view), text: renderEmailText(view) };

/** A cache folder after a build that rendered the fixture's edition, and that edition's entry file. */
async function cacheOfOneEdition(): Promise<{ dir: string; entry: string }> {
  const dir = cacheDir();
  const first = openEditionCache(dir);
  first.parts(view);
  await first.finish();
  const [entry] = entryFiles(dir);
  if (entry === undefined) throw new Error("no cache entry was written");
  return { dir, entry };
}

describe("the email edition cache", () => {
  it("renders on a cold cache, then gives the same HTML and text from the warm one", async () => {
    const dir = cacheDir();
    const cold = openEditionCache(dir);
    expect(cold.parts(view)).toEqual(rendered);
    expect(cold.counts).toEqual({ cached: 0, rendered: 1 });
    await cold.finish();

    const warm = openEditionCache(dir);
    expect(warm.parts(view)).toEqual(rendered);
    expect(warm.counts).toEqual({ cached: 1, rendered: 0 });
    await warm.finish();
  });

  it("renders a view that changed, even by one word of the body", async () => {
    const dir = cacheDir();
    const first = openEditionCache(dir);
    first.parts(view);
    await first.finish();

    const edited = { ...view, bodyHtml: view.bodyHtml.replace("talks", "meeting") };
    expect(edited.bodyHtml).not.toBe(view.bodyHtml);
    const second = openEditionCache(dir);
    const parts = second.parts(edited);
    expect(second.counts).toEqual({ cached: 0, rendered: 1 });
    expect(parts).toEqual({ html: renderEmailHtml(edited), text: renderEmailText(edited) });
    expect(parts.html).toContain("meeting");
    // The cache writes in the background until finish(): without it, afterEach's rmSync races the write.
    await second.finish();
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, 40)],
    ["corrupted", (text: string) => text.replace("<", "[")],
    ["emptied", () => ""],
  ])("reads a %s entry as a miss and renders the edition again", async (_name, damage) => {
    const { dir, entry } = await cacheOfOneEdition();
    writeFileSync(entry, damage(readFileSync(entry, "utf8")));

    const second = openEditionCache(dir);
    expect(second.parts(view)).toEqual(rendered);
    expect(second.counts).toEqual({ cached: 0, rendered: 1 });
    await second.finish();
  });

  it.each([
    ["keeps every issue's edition through a build that reads none of them", 112, 112],
    ["prunes the editions nobody said were live", 0, 1],
  ])("%s", async (_name, live, left) => {
    const { dir, entry } = await cacheOfOneEdition();
    // 110 more old issues' editions (copies of the first under other keys: the store reads names, not views).
    for (let n = 0; n < 110; n += 1) {
      const key = sha256(`old issue ${n}`);
      mkdirSync(path.join(path.dirname(entry), "..", key.slice(0, 2)), { recursive: true });
      copyFileSync(entry, path.join(path.dirname(entry), "..", key.slice(0, 2), `${key}.json`));
    }
    // The store's own count, as if it had written them.
    writeFileSync(path.join(path.dirname(entry), "..", "last-used"), "111\n");
    // A new-issue build: the old editions came from the output store; one new one is rendered.
    const second = openEditionCache(dir);
    second.parts({ ...view, headline: "A new issue" });
    second.expectLive(live);
    await second.finish();
    expect(entryFiles(dir)).toHaveLength(left);
  });

  it("stores nothing when turned off", async () => {
    const off = openEditionCache(false);
    expect(off.parts(view)).toEqual(rendered);
    expect(off.parts(view)).toEqual(rendered);
    expect(off.counts).toEqual({ cached: 0, rendered: 2 });
    await off.finish();
  });
});

describe("the feeds' fragment cache", () => {
  const body =
    '<p>The delegations met at the consulate in Istanbul.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>\n<section class="footnotes"><ol><li id="fn1"><p>For six hours. <a href="#fnref1">↩</a></p></li></ol></section>';
  const url = "https://dateline.example/2025/04/talks/";
  const lead = { src: "https://dateline.example/photo.jpg", width: 600, height: 400, alt: "The consulate" };
  const fresh = renderEmailFragment(body, url, lead);

  it("renders on a cold cache, then gives the same HTML from the warm one", async () => {
    const dir = cacheDir();
    const cold = openFragmentCache(dir);
    expect(cold.fragment(body, url, lead)).toBe(fresh);
    expect(cold.counts).toEqual({ cached: 0, rendered: 1 });
    await cold.finish();

    const warm = openFragmentCache(dir);
    expect(warm.fragment(body, url, lead)).toBe(fresh);
    expect(warm.counts).toEqual({ cached: 1, rendered: 0 });
    await warm.finish();
  });

  type Args = Parameters<typeof renderEmailFragment>;
  it.each<[string, () => Args, string]>([
    ["the body", () => [body.replace("six", "seven"), url, lead], "seven hours"],
    ["the page's address", () => [body, url.replace("talks", "meeting"), lead], "/2025/04/meeting/"],
    ["the lead photo", () => [body, url, { ...lead, alt: "The embassy" }], 'alt="The embassy"'],
    ["no lead photo", () => [body, url, undefined], "consulate in Istanbul"],
  ])("renders again when %s changed", async (_change, args, shows) => {
    const dir = cacheDir();
    const first = openFragmentCache(dir);
    first.fragment(body, url, lead);
    await first.finish();

    const second = openFragmentCache(dir);
    const html = second.fragment(...args());
    expect(second.counts).toEqual({ cached: 0, rendered: 1 });
    expect(html).toBe(renderEmailFragment(...args()));
    expect(html).toContain(shows);
    await second.finish();
  });

  it("keeps its entries apart from the editions' in the same folder", async () => {
    const dir = cacheDir();
    const editions = openEditionCache(dir);
    const fragments = openFragmentCache(dir);
    editions.parts(view);
    fragments.fragment(body, url, lead);
    await Promise.all([editions.finish(), fragments.finish()]);
    const folders = readdirSync(dir).filter((name) => /^[0-9a-f]{32}$/.test(name));
    expect(folders).toHaveLength(2);
    expect(openFragmentCache(dir).fragment(body, url, lead)).toBe(fresh);
  });
});
