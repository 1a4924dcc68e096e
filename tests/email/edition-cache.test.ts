/**
 * The edition cache (lib/email/edition-cache.ts): a warm cache gives exactly what rendering
 * gives, a changed view is rendered again, and a damaged entry is a miss, never an error.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildEmailView,
  openEditionCache,
  renderEmailHtml,
  renderEmailText,
} from "../../lib/outputs/email/index.ts";
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
    const dir = cacheDir();
    const first = openEditionCache(dir);
    first.parts(view);
    await first.finish();
    const [entry] = entryFiles(dir);
    if (entry === undefined) throw new Error("no cache entry was written");
    writeFileSync(entry, damage(readFileSync(entry, "utf8")));

    const second = openEditionCache(dir);
    expect(second.parts(view)).toEqual(rendered);
    expect(second.counts).toEqual({ cached: 0, rendered: 1 });
    await second.finish();
  });

  it("stores nothing when turned off", async () => {
    const off = openEditionCache(false);
    expect(off.parts(view)).toEqual(rendered);
    expect(off.parts(view)).toEqual(rendered);
    expect(off.counts).toEqual({ cached: 0, rendered: 2 });
    await off.finish();
  });
});
