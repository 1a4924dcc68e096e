/**
 * `npm run new-issue -- "Headline" --author ayse-demir --topic russia [--topic diplomacy]`
 * Starts a draft issue with every required field, dated now in the site's zone.
 * It never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import authors from "../_data/authors.ts";
import site from "../_data/site.ts";
import topics from "../_data/topics.ts";
import { buildTime } from "../lib/dates.ts";
import { slugifyHeading } from "../lib/markdown.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { author: { type: "string", multiple: true }, topic: { type: "string", multiple: true } },
});

function fail(message: string): never {
  console.error(`new-issue: ${message}`);
  process.exit(1);
}

const title = positionals.join(" ").trim();
if (!title) fail('give the headline: npm run new-issue -- "Headline" --author <id> --topic <id>');
const authorIds = values.author ?? [];
const topicIds = values.topic ?? [];
if (authorIds.length === 0) fail(`give at least one --author: ${Object.keys(authors).join(", ")}`);
if (topicIds.length === 0) fail(`give at least one --topic: ${Object.keys(topics).join(", ")}`);
for (const id of authorIds) if (!(id in authors)) fail(`--author ${id} is not in _data/authors.ts`);
for (const id of topicIds) if (!(id in topics)) fail(`--topic ${id} is not in _data/topics.ts`);

const now = buildTime().setZone(site.timeZone).startOf("minute");
const slug = slugifyHeading(title).split("-").slice(0, 8).join("-");
const file = path.join("src/issues", now.toFormat("yyyy"), `${slug}.md`);
if (existsSync(file)) fail(`${file} already exists — choose another headline or edit that file`);

const yamlString = (text: string) => JSON.stringify(text);
const frontMatter = [
  "---",
  `title: ${yamlString(title)}`,
  'dek: "One or two sentences that say what this issue is about."',
  `date: ${now.toISO({ suppressMilliseconds: true, suppressSeconds: false })}`,
  "dateline: ISTANBUL",
  "kicker: Analysis",
  `authors: [${authorIds.join(", ")}]`,
  `topics: [${topicIds.join(", ")}]`,
  "draft: true",
  "---",
  "",
  "Write the issue here. Remove `draft: true` when it is ready to publish.",
  "",
].join("\n");

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, frontMatter, { flag: "wx" });
console.log(`Created ${file} (a draft). Preview it with: npm start`);
