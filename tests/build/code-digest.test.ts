/**
 * The code digest changes with every file that turns views into pages, and with nothing that is
 * content (issues, agency photos, the records in _data/), whose effect reaches pages through the
 * views instead.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeDigest } from "../../lib/build/code-digest.ts";

const FILES: Record<string, string> = {
  "eleventy.config.ts": "export default {};\n",
  "package-lock.json": '{"lockfileVersion":3}\n',
  "lib/outputs/json-ld.ts": "export const a = 1;\n",
  "src/issue.njk": "<h1>{{ issuePage.title }}</h1>\n",
  "src/issues/2025/alpha.md": "---\ntitle: Alpha\n---\nBody\n",
  "_includes/partials/figure.njk": "<figure></figure>\n",
  "_data/authors.ts": "export default {};\n",
  "assets/css/site.css": "body { margin: 0; }\n",
  "assets/photos/2025/wire.jpg": "jpeg bytes",
  "assets/photos/site/card.jpg": "card bytes",
};

let project = "";
afterEach(() => rmSync(project, { recursive: true, force: true }));

function makeProject(): string {
  project = mkdtempSync(path.join(os.tmpdir(), "dateline-code-digest-"));
  for (const [file, text] of Object.entries(FILES)) write(file, text);
  return project;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
}

describe("codeDigest", () => {
  it.each([
    ["eleventy.config.ts", true],
    ["package-lock.json", true],
    ["lib/outputs/json-ld.ts", true],
    ["src/issue.njk", true],
    ["_includes/partials/figure.njk", true],
    ["assets/css/site.css", true],
    ["assets/photos/site/card.jpg", true],
    ["src/issues/2025/alpha.md", false],
    ["assets/photos/2025/wire.jpg", false],
    ["_data/authors.ts", false],
  ])("an edit to %s changes it: %s", (file, changes) => {
    const root = makeProject();
    const before = codeDigest(root, "src/issues");
    write(file, `${FILES[file]}/* edited */\n`);
    expect(codeDigest(root, "src/issues") !== before).toBe(changes);
  });

  it("changes when a template is added or removed, and is the same for the same files", () => {
    const root = makeProject();
    const before = codeDigest(root, "src/issues");
    expect(codeDigest(root, "src/issues")).toBe(before);
    write("_includes/partials/new.njk", "<p></p>\n");
    const added = codeDigest(root, "src/issues");
    expect(added).not.toBe(before);
    rmSync(path.join(root, "_includes/partials/new.njk"));
    expect(codeDigest(root, "src/issues")).toBe(before);
  });
});
