/**
 * `npm run new-issue -- "Headline" --author ayse-demir --topic russia [--topic diplomacy]`
 * Starts a draft issue with every required field, dated now in the site's zone.
 * It never overwrites a file. `--help` prints the usage.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import authors from "../_data/authors.ts";
import site from "../_data/site.ts";
import threads from "../_data/threads.ts";
import topics from "../_data/topics.ts";
import { DEFAULT_WORK_TYPE, unknownWorkTypeMessage, WORK_TYPE_IDS } from "../lib/contract/work-types.ts";
import { nextIssueNumber } from "../lib/pipeline/content/numbering.ts";
import { SCAFFOLD_BODY, SCAFFOLD_DEK } from "../lib/pipeline/content/preflight.ts";
import { readIssueSources } from "../lib/pipeline/content/read.ts";
import { WORDS_PER_MINUTE } from "../lib/pipeline/views/issue.ts";
import { buildTime } from "../lib/shared/dates.ts";
import { slugify } from "../lib/shared/text.ts";

/** Longest slug made from a headline; longer ones are cut at a word boundary. */
const MAX_SLUG = 80;

const USAGE = `Usage: npm run new-issue -- "Headline" --author <id> --topic <id> [options]

Starts a draft at src/issues/<year>/<slug>.md, dated now (${site.timeZone}), with draft: true.

  --author <id>      an author id from _data/authors.ts (repeat for several): ${Object.keys(authors).join(", ")}
  --topic <id>       a topic id from _data/topics.ts (repeat for several): ${Object.keys(topics).join(", ")}
  --dateline <text>  where the reporting was done, e.g. ISTANBUL (left as a comment otherwise)
  --type <type>      the type of work: ${WORK_TYPE_IDS.join(", ")} (default: ${site.defaultType ?? DEFAULT_WORK_TYPE})
  --kicker <text>    a section label, e.g. Diplomacy (left as a comment otherwise)
  --slug <slug>      the file name and last URL segment (default: the headline's words)
  --help             print this and exit

The slug is the headline in lowercase ASCII letters and digits joined by hyphens (an apostrophe inside
a word is dropped: Russia's → russias), every word kept,
cut at the last whole word within ${MAX_SLUG} characters.`;

function fail(message: string): never {
  console.error(`new-issue: ${message}`);
  process.exit(1);
}

/** The headline's words as a slug, every word kept up to MAX_SLUG characters. */
function slugFromHeadline(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      author: { type: "string", multiple: true },
      topic: { type: "string", multiple: true },
      dateline: { type: "string" },
      type: { type: "string" },
      kicker: { type: "string" },
      slug: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const title = positionals.join(" ").trim();
if (!title) fail(`give the headline\n\n${USAGE}`);
const authorIds = values.author ?? [];
const topicIds = values.topic ?? [];
if (authorIds.length === 0) fail(`give at least one --author: ${Object.keys(authors).join(", ")}`);
if (topicIds.length === 0) fail(`give at least one --topic: ${Object.keys(topics).join(", ")}`);
for (const id of authorIds)
  if (!Object.hasOwn(authors, id)) fail(`--author ${id} is not in _data/authors.ts`);
for (const id of topicIds) if (!Object.hasOwn(topics, id)) fail(`--topic ${id} is not in _data/topics.ts`);
const workType = values.type ?? site.defaultType ?? DEFAULT_WORK_TYPE;
if (!(WORK_TYPE_IDS as readonly string[]).includes(workType))
  fail(`--type ${unknownWorkTypeMessage(workType)}`);

const slug = values.slug ?? slugFromHeadline(title);
if (!slug)
  fail("the headline has no Latin letters or digits to make a file name from — give one with --slug");
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  fail(`--slug ${slug} may hold only lowercase letters, digits and hyphens, e.g. istanbul-talks`);
}
const now = buildTime().setZone(site.timeZone).startOf("minute");
const file = path.join("src/issues", now.toFormat("yyyy"), `${slug}.md`);
if (existsSync(file)) fail(`${file} already exists — choose another headline or --slug, or edit that file`);

const yamlString = (text: string) => JSON.stringify(text);
/** The next number after every issue written so far, drafts included (numbers are never reused). */
const nextNumber = () =>
  nextIssueNumber(
    readIssueSources(process.cwd(), "src/issues").map((source) => {
      const written = (source.frontMatter?.data as { number?: unknown } | null | undefined)?.number;
      return { inputPath: source.file, data: typeof written === "number" ? { number: written } : {} };
    }),
  );
const threadIds = Object.keys(threads);
const optional = (key: string, value: string | undefined, example: string, note: string) =>
  value === undefined ? `# ${key}: ${example}   # ${note}` : `${key}: ${yamlString(value)}`;
const frontMatter = [
  "---",
  `title: ${yamlString(title)}`,
  `dek: ${yamlString(SCAFFOLD_DEK)}`,
  `date: ${now.toISO({ suppressMilliseconds: true, suppressSeconds: false })}`,
  optional("dateline", values.dateline, "ISTANBUL", "optional: where the reporting was done"),
  `type: ${workType}`,
  optional("kicker", values.kicker, "Diplomacy", "optional: a section label"),
  ...(site.numberedIssues ? [`number: ${nextNumber()}`] : []),
  ...(threadIds.length > 0
    ? [`# thread: ${threadIds[0]}   # optional: the story it continues (${threadIds.join(", ")})`]
    : []),
  `authors: [${authorIds.join(", ")}]`,
  `topics: [${topicIds.join(", ")}]`,
  "draft: true",
  "---",
  "",
  SCAFFOLD_BODY,
  "",
].join("\n");

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, frontMatter, { flag: "wx" });
console.log(
  [
    `Created ${file} (a draft).`,
    "Body: 0 words so far (the scaffold's line does not count).",
    `Reading time: 1 min per ${WORDS_PER_MINUTE} words, shown beside the date; npm start shows the count as you write.`,
    "Next: write the dek and the body, preview with npm start, then delete draft: true to publish.",
  ].join("\n"),
);
