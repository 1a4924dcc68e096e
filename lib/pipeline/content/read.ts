/**
 * Reading issue files: each file read and split once (front matter, body), with YAML mistakes
 * kept, pinned to their field, for the checks to report. No checks here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "@11ty/gray-matter";
import yaml from "js-yaml";
import { removeControlCharacters } from "../../shared/text.ts";

/**
 * A YAML anchor (`&name`) in front matter. Issues never need one, and aliases to nested anchors
 * make a few hundred bytes expand into billions of values (an "alias bomb"), so the first anchor
 * stops the parse before any alias can refer to it.
 */
export class YamlAnchorError extends Error {
  constructor(
    /** The top-level field the anchor is in, or "front matter". */
    readonly field: string,
  ) {
    super(`YAML anchor in ${field}`);
    this.name = "YamlAnchorError";
  }
}

export const YAML_ANCHOR_MESSAGE =
  "YAML anchors and aliases (&name, *name) are not allowed — write the value out";

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
export class YamlFieldError extends Error {
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

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Why YAML could not read the front matter, with the file line when js-yaml knows it. */
export function yamlReason(error: unknown): string {
  if (error instanceof yaml.YAMLException) {
    // gray-matter hands js-yaml the text after the opening "---" including its newline,
    // so mark.line (0-based) + 1 is the line in the file.
    const line = error.mark ? `, line ${error.mark.line + 1}` : "";
    return `${error.reason}${line}`;
  }
  return error instanceof Error ? error.message : String(error);
}
