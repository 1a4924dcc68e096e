/**
 * The preflight: what should never reach readers, though it is valid Markdown and YAML.
 * Text left from `npm run new-issue`'s scaffold, "TK"/"TODO" placeholders, a link with no
 * text and an image with no alt are errors for an issue that will be published (warnings
 * while it is a draft); a value wrapped in curly quotes and a repeated heading are warnings.
 */
import type { Token } from "markdown-it";
import type { BodyImage } from "../photos/body-images.ts";
import { parseForChecks } from "./markdown.ts";

/** The scaffold's stand-ins, written by scripts/new-issue.ts and recognised here. */
export const SCAFFOLD_DEK = "One or two sentences that say what this issue is about.";
export const SCAFFOLD_BODY = "Write the issue here…";

/** One preflight finding, `field: message` as content problems are. */
export interface PreflightFinding {
  field: string;
  message: string;
  /** Errors stop a build of an issue that will be published; warnings never do. */
  severity: "error" | "warning";
}

/** Front-matter text fields a reader sees, by their field path. */
const SHOWN_FIELDS = ["title", "dek", "dateline", "kicker"] as const;
const PHOTO_FIELDS = ["alt", "caption", "credit"] as const;

/** "TK" and "TODO" as whole words in capitals: the newsroom's "to come". */
const PLACEHOLDER = /(?<![\p{L}\p{N}])(TK|TODO)(?![\p{L}\p{N}])/u;

/** Opening and closing curly quotes (English, German, French guillemets). */
const CURLY_WRAPPED = /^[“‘«„‚»][\s\S]*[”’»“‘«]$/u;

/**
 * Every preflight finding in one issue's raw front matter and body.
 * `bodyLine` is the file line the body starts on, so findings name file lines.
 * @example findPreflightProblems({ title: "TK" }, "", 1) // [{ field: "title", severity: "error", … }]
 */
export function findPreflightProblems(
  data: Record<string, unknown>,
  body: string,
  bodyLine: number,
): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const error = (field: string, message: string) => findings.push({ field, message, severity: "error" });
  const warning = (field: string, message: string) => findings.push({ field, message, severity: "warning" });

  for (const [field, value] of shownText(data)) {
    if (field === "dek" && value.trim() === SCAFFOLD_DEK) {
      error(
        field,
        "is still the scaffold's example — write one or two sentences that say what this issue is about",
      );
    }
    const placeholder = PLACEHOLDER.exec(value)?.[1];
    if (placeholder) error(field, `${placeholderMessage(placeholder)}`);
    if (CURLY_WRAPPED.test(value.trim())) {
      warning(
        field,
        `is wrapped in curly quotes (${value.trim()}), which show in the headline, the page title, feeds and search — remove them, unless the whole value is a quotation`,
      );
    }
  }

  const fileLine = (bodyLineIndex: number) => bodyLine + bodyLineIndex;
  const headings = new Map<string, number>();
  const tokens = parseForChecks(body);
  tokens.forEach((token, index) => {
    if (token.type === "figure") {
      const image = token.meta as unknown as BodyImage;
      const finding = imageFinding(image.src, image.alt, fileLine(token.map?.[0] ?? 0));
      if (finding) error("body", finding);
    }
    if (token.type === "html_block") {
      for (const finding of rawImageFindings(token.content, fileLine(token.map?.[0] ?? 0)))
        error("body", finding);
    }
    if (token.type !== "inline") return;
    const line = fileLine(token.map?.[0] ?? 0);
    const heading = tokens[index - 1]?.type === "heading_open";
    if (heading) {
      const text = token.content.trim();
      const key = text.toLowerCase().replace(/\s+/g, " ");
      const first = headings.get(key);
      if (first !== undefined) {
        warning(
          "body",
          `line ${line}: the heading "${text}" is repeated (first on line ${first}) — give each section its own heading`,
        );
      } else headings.set(key, line);
    }
    for (const finding of inlineFindings(token, line)) error("body", finding);
  });
  for (const finding of remoteImageFindings(tokens, fileLine)) warning("body", finding);
  return findings;
}

/** An image address on another host: `https://…` or `//…`. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/**
 * Images the body loads from another host. The email edition leaves them out (each would be
 * fetched from that host by every subscriber's mail client: a tracking pixel, or a picture
 * that can vanish), and the writer is told why.
 */
function remoteImageFindings(tokens: readonly Token[], fileLine: (index: number) => number): string[] {
  const findings: string[] = [];
  const report = (src: string, line: number) => {
    if (REMOTE.test(src))
      findings.push(
        `line ${line}: the image ${src} is on another host, so the email edition leaves it out (every subscriber's mail client would fetch it from there) — put it in assets/photos to send it`,
      );
  };
  const rawSources = (html: string, line: number) => {
    for (const match of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi))
      report(
        match[1] ?? match[2] ?? match[3] ?? "",
        line + (html.slice(0, match.index).match(/\n/g)?.length ?? 0),
      );
  };
  for (const token of tokens) {
    const line = fileLine(token.map?.[0] ?? 0);
    if (token.type === "figure") report((token.meta as unknown as BodyImage).src, line);
    if (token.type === "html_block") rawSources(token.content, line);
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.type === "image") report(String(child.attrGet("src") ?? ""), line);
      if (child.type === "html_inline") rawSources(child.content, line);
    }
  }
  return findings;
}

function placeholderMessage(placeholder: string): string {
  return `has the placeholder "${placeholder}" — write the text that is to come, or remove the placeholder`;
}

/** `[field, value]` for every front-matter text a reader sees. */
function shownText(data: Record<string, unknown>): [string, string][] {
  const fields: [string, string][] = [];
  for (const field of SHOWN_FIELDS) {
    const value = data[field];
    if (typeof value === "string") fields.push([field, value]);
  }
  const photo = data.photo;
  if (photo && typeof photo === "object" && !Array.isArray(photo)) {
    for (const field of PHOTO_FIELDS) {
      const value = (photo as Record<string, unknown>)[field];
      if (typeof value === "string") fields.push([`photo.${field}`, value]);
    }
  }
  if (Array.isArray(data.corrections)) {
    data.corrections.forEach((correction: unknown, index) => {
      const text = (correction as { text?: unknown } | null)?.text;
      if (typeof text === "string") fields.push([`corrections.${index}.text`, text]);
    });
  }
  return fields;
}

/**
 * Scaffold text, placeholders, empty link texts and images without alt in one inline token
 * (a paragraph, heading or table cell), each as `line N: …`. Code spans are left alone.
 */
function inlineFindings(inline: Token, firstLine: number): string[] {
  const findings: string[] = [];
  const children = inline.children ?? [];
  let line = firstLine;
  children.forEach((child, index) => {
    if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
    if (child.type === "text") {
      if (child.content.includes(SCAFFOLD_BODY) || /^Write the issue here\b/.test(child.content)) {
        findings.push(`line ${line}: is still the scaffold's "${SCAFFOLD_BODY}" — replace it with the issue`);
      }
      const placeholder = PLACEHOLDER.exec(child.content)?.[1];
      if (placeholder) findings.push(`line ${line}: ${placeholderMessage(placeholder)}`);
    }
    if (child.type === "link_open" && linkTextIsEmpty(children, index)) {
      const href = String(child.attrGet("href") ?? "");
      findings.push(
        `line ${line}: a link to ${href} has no text — write the words readers click between the brackets: [the ministry's statement](${href})`,
      );
    }
    if (child.type === "image") {
      const finding = imageFinding(String(child.attrGet("src") ?? ""), imageAlt(child), line);
      if (finding) findings.push(finding);
    }
    if (child.type === "html_inline") findings.push(...rawImageFindings(child.content, line));
  });
  return findings;
}

/**
 * An image with no alt text. Photos in assets/photos already have their own alt check, naming
 * the photo, so only images from elsewhere (`https://…`, `/…`) are reported here.
 */
function imageFinding(src: string, alt: string, line: number): string | undefined {
  if (alt.trim() !== "" || !/^(?:[a-z]+:|\/)/i.test(src)) return undefined;
  return `line ${line}: the image ${src} has no alt text — describe it between the brackets: ![what it shows](${src})`;
}

/**
 * `<img>` tags written as raw HTML with no `alt` attribute at all (`alt=""` is a writer's
 * choice for decoration). Counted from the tag's own line within the block.
 */
function rawImageFindings(html: string, firstLine: number): string[] {
  const findings: string[] = [];
  for (const match of html.matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = match[0];
    if (/\salt\s*=/i.test(tag)) continue;
    const line = firstLine + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    findings.push(
      `line ${line}: the image ${tag} has no alt attribute — add alt="what it shows" (alt="" only if it is decoration)`,
    );
  }
  return findings;
}

/** Whether a link holds nothing a reader or a screen reader could take as its text. */
function linkTextIsEmpty(children: readonly Token[], openIndex: number): boolean {
  for (let index = openIndex + 1; index < children.length; index++) {
    const child = children[index];
    if (!child || child.type === "link_close") return true;
    if (child.type === "image" && imageAlt(child).trim() !== "") return false;
    if ((child.type === "text" || child.type === "code_inline") && child.content.trim() !== "") return false;
    if (child.type === "html_inline") return false;
  }
  return true;
}

function imageAlt(image: Token): string {
  return image.children?.map((child) => child.content).join("") ?? image.content;
}
