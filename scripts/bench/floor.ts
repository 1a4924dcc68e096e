/**
 * The floor: the least any generator could do with the corpus. Reads every `.md` under the
 * directory given, splits off the front matter and renders the body with a fresh
 * markdown-it (typographer on). No Eleventy, no templates, nothing written.
 * Usage: node --import tsx scripts/bench/floor.ts <dir>
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import markdownIt from "markdown-it";

const dir = process.argv[2];
if (!dir) throw new Error("usage: floor.ts <dir>");

const md = markdownIt({ html: true, typographer: true });
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
let bytes = 0;
for (const file of files) {
  const text = readFileSync(path.join(dir, file), "utf8");
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  bytes += md.render(match ? text.slice(match[0].length) : text).length;
}
// The sum keeps the rendering observable; the count matches Eleventy's "Wrote N files".
console.log(`Wrote ${files.length} files (${bytes} bytes of HTML)`);
