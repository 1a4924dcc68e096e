/**
 * A deterministic synthetic corpus for the build benchmark: N issues that follow the
 * content contract (lib/contract/schema.ts), with bodies shaped like real ones (headings, quotes,
 * lists, links, footnotes) so Markdown and typography cost what they cost on the site.
 * Same (n, seed) gives the same bytes: a seeded PRNG, no Math.random, no clock.
 */

import path from "node:path";

/** One Markdown file, `path` relative to the project root. */
export interface CorpusFile {
  path: string;
  text: string;
}

export const AUTHOR_COUNT = 8;
export const TOPIC_COUNT = 20;

/** Every issue date is before this instant, so SOURCE_DATE_EPOCH can be set after it. */
export const CORPUS_END = Date.UTC(2026, 0, 1, 5, 0);
const CORPUS_START = Date.UTC(2019, 0, 1, 5, 0);

/** Seeded 32-bit PRNG (mulberry32): small, fast and good enough for text. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [name: string, offsetMinutes: number][] = [
  ["ISTANBUL", 180],
  ["ANKARA", 180],
  ["MOSCOW", 180],
  ["KYIV", 120],
  ["WASHINGTON", -300],
  ["BRUSSELS", 60],
  ["TEHRAN", 210],
  ["CAIRO", 120],
  ["BAKU", 240],
  ["ATHENS", 120],
];
const KICKERS = ["Analysis", "Briefing", "Explainer"];
const COUNTRIES = [
  "Turkey",
  "Russia",
  "Ukraine",
  "Iran",
  "Egypt",
  "Greece",
  "Armenia",
  "Azerbaijan",
  "Georgia",
  "Israel",
  "Iraq",
  "Qatar",
  "Poland",
  "Germany",
  "France",
  "China",
  "India",
  "Britain",
  "Washington",
  "Brussels",
];
const NOUNS = [
  "grain corridor",
  "gas pipeline",
  "sanctions regime",
  "ceasefire",
  "prisoner exchange",
  "arms deal",
  "border crossing",
  "nuclear file",
  "naval build-up",
  "election",
  "refugee deal",
  "trade pact",
  "energy bill",
  "peace plan",
  "summit",
  "embassy row",
  "airspace dispute",
  "water treaty",
];
const VERBS = ["spar", "bargain", "clash", "haggle", "edge closer", "trade blame", "quietly agree", "stall"];
const WORDS = (
  "the a of and to in that for on with as by at from its their this which but not more than after before " +
  "minister ministry envoy embassy consulate diplomat diplomats official officials government cabinet parliament " +
  "president premier foreign policy talks negotiations treaty agreement deal draft clause text round summit " +
  "capital border region province coast strait port pipeline corridor grain gas oil energy prices market " +
  "sanctions tariffs exports imports shipments convoy troops army navy drones missiles ceasefire truce front " +
  "refugees aid convoy mediator mediation guarantees security alliance partners neighbours rivals allies " +
  "week month year spring autumn winter summer morning evening night weekend " +
  "quietly openly slowly sharply briefly again still already never often rarely perhaps " +
  "said says argued warned insisted suggested conceded denied signalled hinted promised refused offered " +
  "new old long short hard soft fragile durable narrow broad public private formal informal " +
  "question answer promise warning signal message letter statement briefing leak account version " +
  "people voters markets bankers generals analysts observers critics supporters negotiators " +
  "leverage pressure patience trust doubt ambition caution momentum deadline timetable framework"
).split(" ");

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** `count` distinct integers in [1, max], ascending. */
function distinct(rand: () => number, count: number, max: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(int(rand, 1, max));
  return [...chosen].sort((a, b) => a - b);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(rand: () => number, count: number): string {
  return Array.from({ length: count }, () => pick(rand, WORDS)).join(" ");
}

function sentence(rand: () => number): string {
  const parts = Array.from({ length: int(rand, 8, 22) }, () => pick(rand, WORDS));
  if (rand() < 0.35) parts[int(rand, 2, parts.length - 3)] += ",";
  if (rand() < 0.15) parts.splice(int(rand, 3, parts.length - 2), 0, "--");
  if (rand() < 0.15) parts.splice(int(rand, 2, parts.length - 2), 0, `'${pick(rand, WORDS)}'`);
  if (rand() < 0.1) parts.push(`"${words(rand, int(rand, 2, 5))}"`);
  return `${capitalise(parts.join(" "))}${rand() < 0.08 ? "?" : "."}`;
}

function headline(rand: () => number): string {
  const a = pick(rand, COUNTRIES);
  const b = pick(
    rand,
    COUNTRIES.filter((c) => c !== a),
  );
  const noun = pick(rand, NOUNS);
  const templates = [
    () => `${a} and ${b} ${pick(rand, VERBS)} over the ${noun}`,
    () => `Why the ${noun} matters for ${b}`,
    () => `Inside the ${noun} talks between ${a} and ${b}`,
    () => `${a}'s ${noun} leaves ${b} with few good options`,
    () => `What the ${noun} would mean for ${a}, and for ${b}`,
  ];
  return pick(rand, templates)();
}

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 7)
    .join("-");
}

/** `2019-01-01T08:00:00+03:00`: the instant shown at a fixed offset. */
export function offsetDateTime(utcMs: number, offsetMinutes: number): string {
  const local = new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

function link(rand: () => number, text: string): string {
  const url =
    rand() < 0.6
      ? `https://example.org/${pick(rand, ["reports", "news", "data"])}/${slugify(text)}`
      : "/about/";
  return `[${text}](${url})`;
}

/** 900–1,400 words: paragraphs under 2–4 headings, a quote, a list, links and footnotes. */
function body(rand: () => number): string {
  const target = int(rand, 800, 1170);
  const paragraphs: string[][] = [];
  let count = 0;
  while (count < target) {
    const paragraph = Array.from({ length: int(rand, 3, 6) }, () => sentence(rand));
    count += paragraph.join(" ").split(" ").length;
    paragraphs.push(paragraph);
  }
  const at = () => int(rand, 1, paragraphs.length - 1);
  for (let i = int(rand, 2, 4); i > 0; i--) {
    const paragraph = paragraphs[at()] as string[];
    const index = int(rand, 0, paragraph.length - 1);
    if (paragraph[index]?.includes("](")) {
      i++; // one link per sentence: pick again
      continue;
    }
    const parts = (paragraph[index] as string).split(" ");
    const start = int(rand, 1, Math.max(1, parts.length - 4));
    const span = parts
      .splice(start, 3)
      .join(" ")
      .replace(/[,.?'"-]/g, "");
    parts.splice(start, 0, link(rand, span || "the report"));
    paragraph[index] = parts.join(" ");
  }
  const notes = int(rand, 1, 3);
  const noteAt = distinct(rand, notes, paragraphs.length - 1).map((i) => i - 1);
  noteAt.forEach((p, n) => {
    const paragraph = paragraphs[p] as string[];
    paragraph[paragraph.length - 1] += `[^${n + 1}]`;
  });

  const blocks = paragraphs.map((paragraph) => paragraph.join(" "));
  const quote = `> ${sentence(rand)} ${sentence(rand)}\n>\n> -- a ${pick(rand, ["senior", "former", "junior"])} ${pick(rand, ["diplomat", "official", "negotiator"])}`;
  const list = Array.from(
    { length: int(rand, 3, 5) },
    () => `- ${capitalise(words(rand, int(rand, 4, 10)))}.`,
  );
  blocks.splice(at(), 0, quote);
  blocks.splice(at(), 0, list.join("\n"));
  const headings = int(rand, 2, 4);
  for (let h = headings; h > 0; h--) {
    const position = Math.max(1, Math.floor((blocks.length * h) / (headings + 1)));
    blocks.splice(position, 0, `## ${capitalise(words(rand, int(rand, 2, 5)))}`);
  }
  for (let n = 1; n <= notes; n++) blocks.push(`[^${n}]: ${sentence(rand)}`);
  return `${blocks.join("\n\n")}\n`;
}

/** The date of issue `i` (0 = oldest) of `n`: evenly spaced over 2019–2025, whole minutes. */
function issueInstant(i: number, n: number): number {
  return CORPUS_START + Math.floor(((CORPUS_END - CORPUS_START) * i) / n / 60_000) * 60_000;
}

/** N issues, one per evenly spaced instant over 2019–2025, each with a unique slug. */
export function generateCorpus(n: number, seed = 1): CorpusFile[] {
  const rand = mulberry32(seed);
  const slugs = new Set<string>();
  const files: CorpusFile[] = [];
  for (let i = 0; i < n; i++) {
    const [city, offset] = pick(rand, CITIES);
    const instant = issueInstant(i, n);
    const date = offsetDateTime(instant, offset);
    const title = headline(rand);
    let slug = slugify(title);
    for (let k = 2; slugs.has(slug); k++) slug = `${slugify(title)}-${k}`;
    slugs.add(slug);
    let dek = `${capitalise(words(rand, int(rand, 14, 28)))}.`;
    while (dek.length >= 250) dek = `${dek.slice(0, dek.lastIndexOf(" "))}.`;
    const authors = distinct(rand, int(rand, 1, 2), AUTHOR_COUNT).map((a) => `bench-author-${a}`);
    const topics = distinct(rand, int(rand, 1, 3), TOPIC_COUNT).map((t) => `bench-topic-${t}`);
    const frontMatter = [
      "---",
      `title: ${title}`,
      `dek: ${dek}`,
      `date: ${date}`,
      `dateline: ${city}`,
      `kicker: ${pick(rand, KICKERS)}`,
      `authors: [${authors.join(", ")}]`,
      `topics: [${topics.join(", ")}]`,
      "---",
    ].join("\n");
    files.push({
      path: `src/issues/${date.slice(0, 4)}/${slug}.md`,
      text: `${frontMatter}\n\n${body(rand)}`,
    });
  }
  return files;
}

/** `_data/authors.ts` for the bench project: 8 sample authors, shaped like the real file. */
/** `schemaModule`: where the project under test keeps its schemas (it moved; `--ref` builds older commits). */
export function benchAuthors(schemaModule: string): string {
  const authors: Record<string, { name: string; role?: string; bio: string }> = {};
  for (let i = 1; i <= AUTHOR_COUNT; i++) {
    authors[`bench-author-${i}`] = {
      name: `Bench Author ${i}`,
      ...(i % 2 === 0 ? {} : { role: `Correspondent ${i} (benchmark author)` }),
      bio: `Bench Author ${i} is a synthetic writer used by the build benchmark.`,
    };
  }
  return dataModule("Authors", "authorsSchema", "authors", authors, schemaModule);
}

/** `_data/topics.ts` for the bench project: 20 topics across the three kinds. */
export function benchTopics(schemaModule: string): string {
  const kinds = ["region", "country", "theme"] as const;
  const topics: Record<string, { name: string; kind: (typeof kinds)[number]; description: string }> = {};
  for (let i = 1; i <= TOPIC_COUNT; i++) {
    topics[`bench-topic-${i}`] = {
      name: `Bench Topic ${i}`,
      kind: kinds[i % kinds.length] as (typeof kinds)[number],
      description: `Synthetic topic ${i} for the build benchmark.`,
    };
  }
  return dataModule("Topics", "topicsSchema", "topics", topics, schemaModule);
}

function dataModule(
  type: string,
  schema: string,
  name: string,
  value: unknown,
  schemaModule: string,
): string {
  return [
    "/** Generated by scripts/bench/corpus.ts for the build benchmark. */",
    `import { type ${type}, ${schema} } from "../${schemaModule}";`,
    "",
    `const ${name}: ${type} = ${JSON.stringify(value, null, 2)};`,
    "",
    `export default ${schema}.parse(${name});`,
    "",
  ].join("\n");
}

/**
 * `count` issues to publish after the `n` of generateCorpus(n), one at a time: dated in order
 * between the last of them and CORPUS_END, with text from another seed and slugs ending in
 * `-new-<k>` so none clashes with an issue already there.
 */
export function laterIssues(n: number, count: number, seed = 1): CorpusFile[] {
  const last = issueInstant(n - 1, n);
  const gap = CORPUS_END - last;
  return generateCorpus(count, seed + 7919).map((file, k) => {
    const instant = last + Math.floor((gap * (k + 1)) / (count + 1) / 60_000) * 60_000;
    const date = offsetDateTime(instant, 180);
    const slug = `${path.basename(file.path, ".md")}-new-${k + 1}`;
    return {
      path: `src/issues/${date.slice(0, 4)}/${slug}.md`,
      text: file.text.replace(/^date: .*$/m, `date: ${date}`),
    };
  });
}

/** Words that occur nowhere in a generated issue, so an edit's word can be found in its page. */
const EDIT_WORDS = ["Reportedly", "Admittedly", "Ostensibly", "Seemingly", "Predictably"];

/**
 * A one-word edit, as a writer fixing a word makes it: the first word of the first paragraph of
 * the body becomes EDIT_WORDS[variant]. Returns the new text and the word it put in.
 */
export function editOneWord(text: string, variant: number): { text: string; word: string } {
  const word = EDIT_WORDS[variant % EDIT_WORDS.length] as string;
  const bodyStart = text.indexOf("\n---\n", 4) + 5;
  const paragraph = /^[A-Z][A-Za-z]*/m;
  const match = paragraph.exec(text.slice(bodyStart));
  if (bodyStart < 5 || !match) throw new Error("editOneWord: no paragraph in this issue's body");
  const at = bodyStart + match.index;
  return { text: `${text.slice(0, at)}${word}${text.slice(at + match[0].length)}`, word };
}
