/**
 * Reading and checking issues. The whole set is checked before Eleventy renders
 * anything, so one failed build lists every problem in every file, not only the first.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "@11ty/gray-matter";
import { closest, distance } from "fastest-levenshtein";
import yaml from "js-yaml";
import type { DateTime } from "luxon";
import type { z } from "zod";
import {
  ENTITY_KIND_INFO,
  ENTITY_KINDS,
  type Entities,
  findUnlistedMentions,
} from "../../contract/entities.ts";
import {
  type Authors,
  correctionFieldNames,
  findById,
  type IssueFrontMatter,
  idPattern,
  issueFieldNames,
  issueFrontMatterSchema,
  offsetDateTime,
  photoFieldNames,
  type Site,
  type Topics,
  updateFieldNames,
} from "../../contract/schema.ts";
import { THREADS_FILE, type Threads } from "../../contract/threads.ts";
import { issueUrl } from "../../contract/urls.ts";
import { inZone, parseOffsetDateTime } from "../../shared/dates.ts";
import { nearestId } from "../../shared/suggest.ts";
import { removeControlCharacters, slugify } from "../../shared/text.ts";
import { bodyImages } from "../photos/body-images.ts";
import { checkPhotoReference, type PhotoManifest } from "../photos/index.ts";
import { findBodyProblems, findLinks, isSourceLink, sourceLinkCandidates } from "./markdown.ts";
import { checkIssueNumbers } from "./numbering.ts";
import { findPreflightProblems } from "./preflight.ts";
import { findUnsafeHtml } from "./raw-html.ts";
import { lastChangeOf } from "./record.ts";

export { issueUrl } from "../../contract/urls.ts";

import type { Problem } from "../../shared/problems.ts";

/** A checked issue: its front matter, body and where it is published. */
export interface Issue {
  /** Project-relative path, e.g. `src/issues/2025/istanbul-talks.md`. */
  inputPath: string;
  slug: string;
  /** Site-relative URL, `/<yyyy>/<mm>/<slug>/`, from the date in the site's zone. */
  url: string;
  data: IssueFrontMatter;
  body: string;
  /** The file line the body starts on, so body problems can name file lines. */
  bodyLine?: number;
  published: DateTime;
  /** The latest of `date`, `updated` and the corrections' and updates' dates. */
  modified: DateTime;
}

/**
 * A YAML anchor (`&name`) in front matter. Issues never need one, and aliases to nested anchors
 * make a few hundred bytes expand into billions of values (an "alias bomb"), so the first anchor
 * stops the parse before any alias can refer to it.
 */
class YamlAnchorError extends Error {
  constructor(
    /** The top-level field the anchor is in, or "front matter". */
    readonly field: string,
  ) {
    super(`YAML anchor in ${field}`);
    this.name = "YamlAnchorError";
  }
}

const YAML_ANCHOR_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed — write the value out";

/**
 * YAML with the core schema: timestamps stay the strings the writer typed, so the offset
 * survives and a date-only value can be rejected (the default schema makes a UTC Date).
 * Anchors are refused (see YamlAnchorError); an alias needs one, so aliases never resolve.
 */
function parseYaml(source: string): object {
  const opened: number[] = [];
  const listener = (event: yaml.EventType, state: yaml.State) => {
    if (event === "open") {
      opened.push(state.position);
      return;
    }
    const start = opened.pop() ?? 0;
    // The loader sets `anchor` on its state (the types leave it out) for a node written `&name …`.
    const { anchor } = state as yaml.State & { anchor: string | null };
    if (anchor !== null)
      throw new YamlAnchorError(topLevelFieldAt(source, source.indexOf(`&${anchor}`, start)));
  };
  return removeControlCharacters(yaml.load(source, { schema: yaml.CORE_SCHEMA, listener }) ?? {}) as object;
}

/** The last unindented `key:` at or before `offset`: the field a value belongs to. */
function topLevelFieldAt(source: string, offset: number): string {
  const before = source.slice(0, offset < 0 ? source.length : offset);
  const keys = [...before.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)];
  return keys.at(-1)?.[1] ?? "front matter";
}

/**
 * Splits front matter from the body. A byte-order mark and CRLF line endings are accepted.
 * `bodyLine` is the file's line the body starts on, so body problems can name file lines.
 */
export function readFrontMatter(text: string): {
  data: Record<string, unknown> | null;
  body: string;
  bodyLine: number;
} {
  const normalised = removeControlCharacters(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const parsed = matter(normalised, { engines: { yaml: parseYaml } });
  const data: unknown = parsed.data;
  const isRecord = typeof data === "object" && data !== null && !Array.isArray(data);
  const head = normalised.endsWith(parsed.content)
    ? normalised.slice(0, normalised.length - parsed.content.length)
    : "";
  return {
    // A fresh object each call: gray-matter caches by input string and would share one.
    data: isRecord ? { ...(data as Record<string, unknown>) } : null,
    body: parsed.content,
    bodyLine: (head.match(/\n/g)?.length ?? 0) + 1,
  };
}

export interface CheckContext {
  site: Pick<Site, "timeZone" | "numberedIssues">;
  authors: Authors;
  topics: Topics;
  /** Folder of original photos, for `photo.src` and body images. */
  photosDir: string;
  /** This build's photo manifest: credits and captions the photos carry themselves. */
  photos: PhotoManifest;
  /**
   * People, places and organisations (`_data/<kind>.ts`, checked by lib/entities.ts). Without
   * them, the entity ids an issue lists and the names its body holds are not checked.
   */
  entities?: Entities;
  /** Story threads (`_data/threads.ts`, checked by lib/threads.ts); without them `thread` is not checked. */
  threads?: Threads;
}

/**
 * One issue file, read and split once. The photo stage takes each lead photo's focus from
 * it and the checks take everything else, so no stage reads or parses the file again.
 */
export type IssueSource =
  | { file: string; frontMatter: ReturnType<typeof readFrontMatter>; error?: undefined }
  | { file: string; frontMatter?: undefined; error: unknown };

/** Splits one file's text; a YAML error is kept for the checks to report. */
export function readIssueSource(file: string, text: string): IssueSource {
  try {
    return { file, frontMatter: readFrontMatter(text) };
  } catch (error) {
    return { file, error: explainYamlError(error, text) };
  }
}

/** A YAML mistake pinned to the field it is in, in the writer's terms. */
class YamlFieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "YamlFieldError";
  }
}

/**
 * The commonest YAML mistakes in front matter, named by field: a value with ": " in it
 * (`title: Moscow: the talks`), and a value that opens with a quote and goes on after it
 * (`title: "Kremlin" hints`). Anything else is kept as js-yaml's own error.
 */
function explainYamlError(error: unknown, text: string): unknown {
  if (!(error instanceof yaml.YAMLException) || !error.mark) return error;
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  // The mark counts from the text after the opening "---", so its line is the file's (0-based).
  const lineIndex = error.mark.line;
  const match = /^(\s*)([A-Za-z_][\w-]*):[ \t]+(\S.*?)\s*$/.exec(lines[lineIndex] ?? "");
  if (!match) return error;
  const [, indent = "", key = "", value = ""] = match;
  const field = indent ? `${parentField(lines, lineIndex, indent.length)}${key}` : key;
  const quoted = yamlQuote(value);
  if (/^["']/.test(value)) {
    return new YamlFieldError(
      field,
      `the value starts with a quote and goes on after it closes — put the whole value in quotes: ${key}: ${yamlQuote(value)}`,
    );
  }
  if (/:\s/.test(value)) {
    return new YamlFieldError(
      field,
      `the value holds ": ", which YAML reads as the start of another field — put the whole value in quotes: ${key}: ${quoted}`,
    );
  }
  return error;
}

/** `photo.` for a line indented under `photo:`, "" when none is found. */
function parentField(lines: readonly string[], lineIndex: number, indent: number): string {
  for (let index = lineIndex - 1; index >= 0; index--) {
    const parent = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):/.exec(lines[index] ?? "");
    if (parent && (parent[1]?.length ?? 0) < indent) return `${parent[2]}.`;
  }
  return "";
}

/** A value as a YAML quoted string: double quotes, or single ones when it holds a double quote. */
function yamlQuote(value: string): string {
  return value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
}

/** Every issue file under `issuesDir`, in path order, read and split once. */
export function readIssueSources(root: string, issuesDir: string): IssueSource[] {
  return listMarkdown(path.join(root, issuesDir)).map((absolute) => {
    const file = path.relative(root, absolute).split(path.sep).join("/");
    return readIssueSource(file, readFileSync(absolute, "utf8"));
  });
}

/** The sources as the photo stage reads them: each file's unchecked front matter and body. */
export function toFocusSources(
  sources: readonly IssueSource[],
): { file: string; data: unknown; body: string }[] {
  return sources.map((source) => ({
    file: source.file,
    data: source.frontMatter?.data,
    body: source.frontMatter?.body ?? "",
  }));
}

/** Checks one issue file's text. Returns the issue when it has no problems. */
export function checkIssue(
  file: string,
  text: string,
  context: CheckContext,
): { issue?: Issue; problems: Problem[]; warnings: Problem[] } {
  return checkIssueSource(readIssueSource(file, text), context);
}

/** Checks one issue already read and split. */
function checkIssueSource(
  source: IssueSource,
  context: CheckContext,
): { issue?: Issue; problems: Problem[]; warnings: Problem[] } {
  const { file } = source;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });

  if (source.frontMatter === undefined) {
    const { error } = source;
    if (error instanceof YamlAnchorError) add(error.field, YAML_ANCHOR_MESSAGE);
    else if (error instanceof YamlFieldError) add(error.field, error.problem);
    else
      add("front matter", `is not valid YAML (${yamlReason(error)}) — check indentation, colons and quotes`);
    return { problems, warnings };
  }
  const raw = source.frontMatter;
  if (raw.data === null) {
    add(
      "front matter",
      "must be fields like title: …, not a list or plain text — see README, Write and publish an issue",
    );
    return { problems, warnings };
  }
  if (Object.keys(raw.data).length === 0) {
    add(
      "front matter",
      "missing — start the file with a --- block holding title, dek, date, authors and topics",
    );
    return { problems, warnings };
  }

  const result = issueFrontMatterSchema.safeParse(raw.data);
  if (!result.success) {
    for (const zodIssue of result.error.issues) problems.push(...describeZodIssue(file, zodIssue));
  }
  if (raw.body.trim() === "") add("body", "is empty — write the issue below the front matter");
  for (const { line, message } of findBodyProblems(raw.body)) {
    add("body", `line ${raw.bodyLine + line - 1}: ${message}`);
  }
  checkDateOrder(raw.data, add);
  // A draft is work in progress: what the preflight finds is shown, and stops it only once it is not a draft.
  const isDraft = raw.data.draft === true;
  for (const finding of findPreflightProblems(raw.data, raw.body, raw.bodyLine)) {
    const problem = { file, field: finding.field, message: finding.message };
    if (finding.severity === "error" && !isDraft) problems.push(problem);
    else warnings.push(problem);
  }
  for (const what of findUnsafeHtml(raw.body)) {
    warnings.push({
      file,
      field: "body",
      message: `has ${what}, which was removed — raw HTML may not run code or carry styles`,
    });
  }

  // Cross-references are checked even when other fields failed, so one run shows them all.
  const data = raw.data as Partial<IssueFrontMatter>;
  checkReferences(data.authors, "authors", context.authors, add);
  checkReferences(data.topics, "topics", context.topics, add);
  if (context.entities) {
    for (const kind of ENTITY_KINDS) checkReferences(data[kind], kind, context.entities[kind], add);
    warnings.push(...findUnlistedMentions(file, raw.body, data, context.entities));
  }
  // A thread id in the wrong form has the schema's message; a well-formed unknown one gets a did-you-mean.
  if (context.threads && typeof data.thread === "string" && idPattern.test(data.thread)) {
    checkReferences([data.thread], "thread", context.threads, (_field, message) => add("thread", message));
  }
  if (data.photo && typeof data.photo === "object" && typeof data.photo.src === "string") {
    checkPhoto(data.photo, "lead", context, add);
  }
  for (const image of bodyImages(raw.body)) {
    checkPhoto(image, "body", context, add);
  }

  const slug = path.basename(file, path.extname(file));
  checkSlug(slug, path.extname(file), add);

  if (!result.success || problems.length > 0) return { problems, warnings };

  const frontMatter = result.data;
  const published = inZone(frontMatter.date, context.site.timeZone);
  const modified = inZone(lastChange(frontMatter), context.site.timeZone);
  return {
    issue: {
      inputPath: file,
      slug,
      url: issueUrl(slug, published),
      data: frontMatter,
      body: raw.body,
      bodyLine: raw.bodyLine,
      published,
      modified,
    },
    problems,
    warnings,
  };
}

/**
 * When an issue last changed: the latest of `date`, `updated` and its corrections' and updates' dates,
 * as the writer typed it. Feeds, JSON-LD and sitemaps all use this one answer.
 */
export function lastChange(
  data: Pick<IssueFrontMatter, "date" | "updated" | "corrections" | "updates">,
): string {
  return lastChangeOf(data).date;
}

function yamlReason(error: unknown): string {
  if (error instanceof yaml.YAMLException) {
    // gray-matter hands js-yaml the text after the opening "---" including its newline,
    // so mark.line (0-based) + 1 is the line in the file.
    const line = error.mark ? `, line ${error.mark.line + 1}` : "";
    return `${error.reason}${line}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function describeZodIssue(file: string, issue: z.core.$ZodIssue): Problem[] {
  const field = issue.path.map(String).join(".") || "front matter";
  if (issue.code === "unrecognized_keys") {
    const known =
      issue.path[0] === "corrections"
        ? correctionFieldNames
        : issue.path[0] === "updates"
          ? updateFieldNames
          : issue.path[0] === "photo"
            ? photoFieldNames
            : issueFieldNames;
    return issue.keys.map((key) => ({
      file,
      field: issue.path.length === 0 ? key : `${field}.${key}`,
      message: `unknown field — did you mean "${closest(key, known as string[])}"?`,
    }));
  }
  // An id in the wrong form is reported once, by checkReferences, with the id it was meant to be.
  if (issue.code === "invalid_format" && REFERENCE_FIELDS.includes(String(issue.path[0]))) return [];
  return [{ file, field, message: issue.message }];
}

/**
 * `updated` and corrections must not precede `date`. Checked here rather than in the
 * schema because zod skips object-level checks when any field fails, and one run must
 * list every problem.
 */
function checkDateOrder(data: Record<string, unknown>, add: (field: string, message: string) => void): void {
  const asDate = (value: unknown) =>
    typeof value === "string" && offsetDateTime.safeParse(value).success ? value : undefined;
  const date = asDate(data.date);
  if (!date) return;
  const published = parseOffsetDateTime(date);
  const updated = asDate(data.updated);
  if (updated && parseOffsetDateTime(updated) < published) {
    add("updated", `${updated} is before date ${date} — an update cannot precede publication`);
  }
  for (const [field, what] of [
    ["corrections", "a correction"],
    ["updates", "an update"],
  ] as const) {
    const notes = data[field];
    if (!Array.isArray(notes)) continue;
    notes.forEach((note: unknown, index) => {
      const when = asDate((note as { date?: unknown } | null)?.date);
      if (when && parseOffsetDateTime(when) < published) {
        add(`${field}.${index}.date`, `${when} is before date ${date} — ${what} cannot precede publication`);
      }
    });
  }
}

/**
 * The file name is the last segment of the issue's URL, so it must be a plain one: `..md` would
 * publish over the year's folder, `My Big Issue.md` at a URL with spaces and capitals.
 */
function checkSlug(slug: string, extension: string, add: (field: string, message: string) => void): void {
  if (idPattern.test(slug)) return;
  const suggestion = slugify(slug);
  const fix = suggestion
    ? `rename it to ${suggestion}${extension}`
    : `rename it after the story, e.g. istanbul-talks${extension}`;
  add(
    "file name",
    `"${slug}" becomes the issue's URL, which may hold only lowercase letters, digits and hyphens — ${fix}`,
  );
}

/** Front-matter fields that list ids from a data file. */
const REFERENCE_FIELDS: readonly string[] = ["authors", "topics", ...ENTITY_KINDS];

/** What a new id needs in its data file, for the "how to add one" hint. */
const RECORD_FIELDS = {
  authors: "a name and a bio",
  topics: "a name, a kind and a description",
  people: "a name, a role, a description and asOf",
  places: "a name, a country, a description and asOf",
  organisations: "a name, a description and asOf",
  thread: "a name and a summary",
} as const;

/** The data file each reference field's ids come from. */
const DATA_FILES = {
  authors: "_data/authors.ts",
  topics: "_data/topics.ts",
  people: "_data/people.ts",
  places: "_data/places.ts",
  organisations: "_data/organisations.ts",
  thread: THREADS_FILE,
} as const satisfies Record<keyof typeof RECORD_FIELDS, string>;

/** The singular of each reference field, for messages. */
const ONE_OF = {
  authors: "author",
  topics: "topic",
  people: ENTITY_KIND_INFO.people.one,
  places: ENTITY_KIND_INFO.places.one,
  organisations: ENTITY_KIND_INFO.organisations.one,
  thread: "thread",
} as const;

function checkReferences(
  ids: unknown,
  field: keyof typeof RECORD_FIELDS,
  known: Record<string, unknown>,
  add: (field: string, message: string) => void,
): void {
  if (!Array.isArray(ids)) return;
  const knownIds = Object.keys(known);
  ids.forEach((id, index) => {
    if (typeof id !== "string" || findById(known, id) !== undefined) return;
    const near = nearestId(id, knownIds);
    const what = ONE_OF[field];
    const hint = near
      ? `did you mean "${near}"?`
      : knownIds.length > 0
        ? `the ${what} ids are ${knownIds.join(", ")}; to add one, give it ${RECORD_FIELDS[field]} in ${DATA_FILES[field]}`
        : `add it to ${DATA_FILES[field]} with ${RECORD_FIELDS[field]}`;
    add(`${field}.${index}`, `"${id}" is not in ${DATA_FILES[field]} — ${hint}`);
  });
}

/**
 * A photo reference (lead or body): the path stays inside assets/photos, the file exists,
 * alt text is there and does not repeat the caption, and a credit comes from front matter
 * or from the photo's own IPTC/XMP.
 */
function checkPhoto(
  photo: { src: string; alt?: unknown; caption?: unknown; credit?: unknown },
  where: "lead" | "body",
  context: CheckContext,
  add: (field: string, message: string) => void,
): void {
  const { src } = photo;
  // Lead photo: `photo.src: …`; body image: `body image 2025/x.jpg: alt is empty — …`.
  const report = (part: "src" | "alt" | "credit", message: string) =>
    where === "lead"
      ? add(`photo.${part}`, message)
      : add(`body image ${src}`, part === "src" ? message : `${part} ${message}`);
  if (path.isAbsolute(src) || src.split(/[\\/]/).includes("..")) {
    report("src", `"${src}" must be a path inside assets/photos/, e.g. 2025/istanbul-consulate.jpg`);
    return;
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const reference = {
    src,
    alt: text(photo.alt) ?? "",
    caption: text(photo.caption),
    credit: text(photo.credit),
  };
  const exists = (candidate: string) => existsSync(path.join(context.photosDir, candidate));
  if (!context.photos.photos[src] && exists(src)) {
    report("src", `assets/photos/${src} could not be processed — fix the photo as its own problem line says`);
    return;
  }
  for (const problem of checkPhotoReference(reference, context.photos, { exists })) {
    // A missing alt in front matter is already reported by the schema.
    if (problem.field === "alt" && where === "lead" && photo.alt === undefined) continue;
    report(problem.field, problem.message);
  }
}

export interface LoadOptions extends CheckContext {
  /** Project root: paths in problems are relative to it. */
  root: string;
  /** Folder of issues, relative to root. */
  issuesDir: string;
  /** The files already read (`readIssueSources`); read from `issuesDir` when absent. */
  sources?: readonly IssueSource[];
}

/** Reads and checks every issue. Problems include URL clashes between issues. */
export function loadIssues(options: LoadOptions): {
  issues: Issue[];
  problems: Problem[];
  warnings: Problem[];
} {
  const sources = options.sources ?? readIssueSources(options.root, options.issuesDir);
  const issues: Issue[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const source of sources) {
    const result = checkIssueSource(source, options);
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.issue) issues.push(result.issue);
  }
  const byUrl = new Map<string, Issue>();
  for (const issue of issues) {
    const earlier = byUrl.get(issue.url);
    if (earlier) {
      problems.push({
        file: issue.inputPath,
        field: "date",
        message: `publishes at ${issue.url}, which ${earlier.inputPath} already uses — rename one of the files`,
      });
    } else {
      byUrl.set(issue.url, issue);
    }
  }
  problems.push(...findMissingSourceLinks(sources, options.issuesDir));
  const numbers = checkIssueNumbers(issues, options.site.numberedIssues === true);
  problems.push(...numbers.problems);
  warnings.push(...numbers.warnings);
  return { issues, problems, warnings };
}

/**
 * Links to issue source files (`../2025/x.md`) that name no file, with the nearest file as a
 * did-you-mean, written from the linking file as the writer wrote theirs.
 */
function findMissingSourceLinks(sources: readonly IssueSource[], issuesDir: string): Problem[] {
  const files = sources.map((source) => source.file);
  const known = new Set(files);
  const problems: Problem[] = [];
  for (const source of sources) {
    if (!source.frontMatter) continue;
    const { body, bodyLine } = source.frontMatter;
    for (const { href, line } of findLinks(body)) {
      if (!isSourceLink(href)) continue;
      const { files: candidates, path: linkPath } = sourceLinkCandidates(source.file, href, issuesDir);
      if (candidates.some((candidate) => known.has(candidate))) continue;
      const meant = candidates[0] ?? linkPath;
      const nearest = files.length > 0 ? closest(meant, files) : undefined;
      const close =
        nearest !== undefined &&
        distance(path.posix.basename(meant), path.posix.basename(nearest)) <=
          Math.max(3, Math.floor(path.posix.basename(meant).length / 3));
      const fix =
        close && nearest
          ? `did you mean ${path.posix.relative(path.posix.dirname(source.file), nearest)}?`
          : `link to an issue's file in ${issuesDir}/, e.g. ../2025/istanbul-talks.md`;
      problems.push({
        file: source.file,
        field: "body",
        message: `line ${bodyLine + line - 1}: links to ${linkPath}, which does not exist — ${fix}`,
      });
    }
  }
  return problems;
}

/**
 * Links from issues about to be shown to issues that are not (a draft, or dated after the
 * build): in production they would lead readers to a page that does not exist yet.
 */
export function findLinksToHiddenIssues(
  shown: readonly Issue[],
  all: readonly Issue[],
  issuesDir: string,
  now: DateTime,
): Problem[] {
  const shownFiles = new Set(shown.map((issue) => issue.inputPath));
  const byFile = new Map(all.map((issue) => [issue.inputPath, issue]));
  const problems: Problem[] = [];
  for (const issue of shown) {
    for (const { href, line } of findLinks(issue.body)) {
      if (!isSourceLink(href)) continue;
      const { files, path: linkPath } = sourceLinkCandidates(issue.inputPath, href, issuesDir);
      const target = files.map((file) => byFile.get(file)).find((found) => found !== undefined);
      if (!target || shownFiles.has(target.inputPath)) continue;
      const why =
        target.data.draft === true
          ? "a draft"
          : `dated ${target.data.date}, after this build (${now.toISO({ suppressMilliseconds: true })})`;
      problems.push({
        file: issue.inputPath,
        field: "body",
        message: `line ${(issue.bodyLine ?? 1) + line - 1}: links to ${linkPath}, which is ${why} — publish it first, or remove the link until it is out`,
      });
    }
  }
  return problems;
}

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Whether production shows the issue: not a draft, and not dated after the build time. */
export function isPublishable(
  issue: { data: Pick<IssueFrontMatter, "draft">; published: DateTime },
  now: DateTime,
): boolean {
  return issue.data.draft !== true && issue.published <= now;
}

/**
 * When the next issue dated after `now` is due (not drafts), as a UTC ISO string, or null:
 * what the scheduled publishing function reads from the built site's schedule.json.
 */
export function nextDueIssue(
  issues: readonly Pick<Issue, "data" | "published">[],
  now: DateTime,
): string | null {
  const due = issues
    .filter((issue) => issue.data.draft !== true && issue.published > now)
    .map((issue) => issue.published.toUTC())
    .sort((a, b) => a.toMillis() - b.toMillis())[0];
  return due?.toISO({ suppressMilliseconds: true }) ?? null;
}
