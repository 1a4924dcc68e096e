/**
 * The site checks reuse one validator for every page. Its config is resolved once, so each page
 * must get exactly the report a validator made for that page alone would give.
 */
import { describe, expect, it } from "vitest";
import { createValidator, loadConfig, PROJECT_CONFIG, validatorMessages } from "../../lib/checks/html.ts";

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const pages: Array<[string, string]> = [
  ["clean", page("A clean page", "<main><p>Talks in Istanbul.</p></main>")],
  ["duplicate id", page("Ids", `<main><p id="a">One</p><p id="a">Two</p></main>`)],
  ["unclosed element", page("Unclosed", "<main><div><p>Text</main>")],
  ["image without alt", page("Image", `<main><img src="a.jpg" width="1" height="1"></main>`)],
  ["long title of plain text", page("x".repeat(200), "<main><p>Long.</p></main>")],
  ["long title with references", page("&amp;".repeat(300), "<main><p>Long.</p></main>")],
  ["short title with references", page("Us &amp; them &quot;", "<main><p>Short.</p></main>")],
];

describe("one validator reused across pages", () => {
  it("reports for each page what a fresh validator reports, in any order", async () => {
    const { config } = await loadConfig(PROJECT_CONFIG);
    const fresh = new Map<string, string[]>();
    for (const [name, html] of pages) {
      fresh.set(name, validatorMessages(await createValidator(config).validateString(html, name)));
    }
    const reused = createValidator(config);
    for (const [name, html] of [...pages, ...[...pages].reverse()]) {
      expect(validatorMessages(await reused.validateString(html, name)), name).toEqual(fresh.get(name));
    }
    // The table holds both passing and failing pages, so equality above proves something.
    expect(fresh.get("clean")).toEqual([]);
    expect(fresh.get("duplicate id")?.join("\n")).toContain("no-dup-id");
    expect(fresh.get("long title of plain text")?.join("\n")).toContain("dateline/long-title");
    expect(fresh.get("long title with references")?.join("\n")).toContain("dateline/long-title");
    expect(fresh.get("short title with references")).toEqual([]);
  });
});
