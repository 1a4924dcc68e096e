/**
 * One issue's checks: its front matter against the schema, its references (authors, topics,
 * entities, thread, photos), its body and file name. Every problem is collected, never thrown.
 */

import { existsSync } from "node:fs";
import path from "node:path";
import { closest } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { parseDigitalSourceType } from "../../contract/digital-source.ts";
import {
  ENTITY_KIND_INFO,
  ENTITY_KINDS,
  type Entities,
  findUnlistedMentions,
} from "../../contract/entities.ts";
import type { PhotoManifest } from "../../contract/photo-manifest.ts";
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
import { sourceFieldNames, sourcesWithoutArchive } from "../../contract/sources.ts";
import { THREADS_FILE, type Threads } from "../../contract/threads.ts";
import { issueUrl } from "../../contract/urls.ts";
import { inZone, parseOffsetDateTime } from "../../shared/dates.ts";
import { findMergeTagLookalikes } from "../../shared/merge-tags.ts";
import type { Problem } from "../../shared/problems.ts";
import { nearestId } from "../../shared/suggest.ts";
import { slugify } from "../../shared/text.ts";
import { bodyImages } from "../photos/body-images.ts";
import { checkPhotoReference } from "../photos/index.ts";
import { findBodyProblems } from "./markdown.ts";
import { findPreflightProblems } from "./preflight.ts";
import { lastChange } from "./publication.ts";
import { findUnsafeHtml } from "./raw-html.ts";
import {
  type IssueSource,
  readIssueSource,
  YAML_ANCHOR_MESSAGE,
  YamlAnchorError,
  YamlFieldError,
  yamlReason,
} from "./read.ts";

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

/** Checks one issue file's text. Returns the issue when it has no problems. */
export function checkIssue(
  file: string,
  text: string,
  context: CheckContext,
): { issue?: Issue; problems: Problem[]; warnings: Problem[] } {
  return checkIssueSource(readIssueSource(file, text), context);
}

/** Checks one issue already read and split. */
export function checkIssueSource(
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
  // Past these no real issue goes, and the Markdown passes would take minutes: say so, parse nothing.
  const tooBig = bodyOverLimits(raw.body);
  if (tooBig) {
    add("body", tooBig);
    return { problems, warnings };
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
  // The email services would read these as their own template tags; they go out as text instead.
  for (const found of findMergeTagLookalikes(raw.data)) warnings.push({ file, ...found });
  const backstory = typeof raw.data.backstory === "string" ? raw.data.backstory : "";
  for (const [field, markdown] of [
    ["body", raw.body],
    ["backstory", backstory],
  ] as const) {
    for (const what of findUnsafeHtml(markdown)) {
      warnings.push({
        file,
        field,
        message: `has ${what}, which was removed — raw HTML may not run code or carry styles`,
      });
    }
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
    // A draft's body image without alt is a warning, as the preflight's finding is: the preview works.
    checkPhoto(image, "body", context, (field, message) =>
      isDraft && message.startsWith("alt ") ? warnings.push({ file, field, message }) : add(field, message),
    );
  }

  const slug = path.basename(file, path.extname(file));
  checkSlug(slug, path.extname(file), add);

  if (!result.success || problems.length > 0) return { problems, warnings };
  // Links rot: an issue going out should carry an archived copy of each source.
  if (!isDraft)
    for (const found of sourcesWithoutArchive(result.data.sources)) warnings.push({ file, ...found });

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
            : issue.path[0] === "sources"
              ? sourceFieldNames
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
 * A photo reference (lead or body): the path stays inside assets/photos, the file exists, and
 * `checkPhotoReference`'s rules hold (alt text, credit, a source that hides no label).
 */
function checkPhoto(
  photo: { src: string; alt?: unknown; caption?: unknown; credit?: unknown; source?: unknown },
  where: "lead" | "body",
  context: CheckContext,
  add: (field: string, message: string) => void,
): void {
  const { src } = photo;
  // Lead photo: `photo.src: …`; body image: `body image 2025/x.jpg: alt is empty — …`.
  const report = (part: "src" | "alt" | "credit" | "source", message: string) =>
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
    source: typeof photo.source === "string" ? parseDigitalSourceType(photo.source) : undefined,
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

/** The largest body an issue may have: about 150,000 words, fifteen times a long read. */
const MAX_BODY_BYTES = 1_000_000;
/** The most footnotes an issue may have. */
const MAX_FOOTNOTES = 500;

/** Why a body is over the limits, or undefined when it is within them. */
function bodyOverLimits(body: string): string | undefined {
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_BODY_BYTES) {
    return `is ${(bytes / 1_000_000).toFixed(1)} MB, over the ${MAX_BODY_BYTES / 1_000_000} MB an issue may have — split it into several issues, or move data to a linked file`;
  }
  const footnotes = body.match(/^\[\^[^\]\n]+\]:/gm)?.length ?? 0;
  if (footnotes > MAX_FOOTNOTES) {
    return `has ${footnotes} footnotes, over the ${MAX_FOOTNOTES} an issue may have — split it into several issues`;
  }
  return undefined;
}
