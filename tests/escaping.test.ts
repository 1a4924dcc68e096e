/**
 * Text is escaped once, wherever a page prints it: a name with "&" or a description with an
 * apostrophe reads as written in titles, meta descriptions and headings of every page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_EPOCH, sampleIssues } from "./e2e/sample-site.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/fixture-site.ts";

const AUTHORS = `import { type Authors, authorsSchema } from "../lib/contract/schema.ts";

const authors: Authors = {
  "ayse-demir": { name: "Ayşe & Demir", role: "Istanbul correspondent (sample author)", bio: "A sample author's \\"bio\\" <b>with</b> markup." },
  "daniel-hart": { name: "Daniel Hart", role: "Diplomatic editor (sample author)", bio: "A sample author." },
};

export default authorsSchema.parse(authors);
`;

let site: FixtureSite;
beforeAll(() => {
  site = buildFixtureSite({
    epoch: SAMPLE_EPOCH,
    issues: sampleIssues(),
    files: { "_data/authors.ts": AUTHORS },
  });
  if (site.status !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
}, 180_000);
afterAll(() => site?.remove());

function htmlPages(): string[] {
  return readdirSync(site.output, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".html"),
  );
}

describe("escaping", () => {
  it("escapes nothing twice on any page of the sample site", () => {
    const twice = htmlPages().flatMap((file) =>
      [...readFileSync(path.join(site.output, file), "utf8").matchAll(/&amp;(?:#\d+|quot|amp|lt|gt);/g)].map(
        (match) => `${file}: ${match[0]}`,
      ),
    );
    expect(htmlPages().length).toBeGreaterThan(20);
    expect(twice).toEqual([]);
  });

  it("prints an author's name and bio as written, escaped once", () => {
    const page = site.read("authors/ayse-demir/index.html");
    expect(page).toContain("<title>Ayşe &amp; Demir · Dateline</title>");
    expect(page).toContain(
      '<meta name="description" content="A sample author&#39;s &quot;bio&quot; &lt;b&gt;with&lt;/b&gt; markup.">',
    );
  });
});
