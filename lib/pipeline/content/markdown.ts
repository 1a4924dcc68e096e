/**
 * The Markdown dialect writers use: CommonMark plus footnotes, heading anchors,
 * typographic quotes and dashes, and a paragraph holding only an image becomes a figure.
 */

import path from "node:path";
import markdownIt, { type Env, type MarkdownIt, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { PAGE_PATHS } from "../../contract/urls.ts";
import { slugifyWords } from "../../shared/text.ts";
import { TYPOGRAPHY } from "../../shared/typography.ts";
import type { BodyImage } from "../photos/body-images.ts";
import { findUnclosedComment, sanitizeIssueHtml } from "./raw-html.ts";

/** What a body image says about itself: `![alt](src "caption")`. */

export interface MarkdownOptions {
  /** Renders a stand-alone body image as a `<figure>`; the photo desk replaces the default. */
  renderFigure: (image: BodyImage, escapeHtml: (text: string) => string) => string;
}

/** Where a body image's `src` (relative to assets/photos/) is published. */
export function photoUrl(src: string): string {
  return /^(?:[a-z]+:|\/)/i.test(src) ? src : `${PAGE_PATHS.photos}${src}`;
}

const defaults = {
  renderFigure: (image, escapeHtml) => {
    const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : "";
    return `<figure class="body-figure"><img src="${escapeHtml(photoUrl(image.src))}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>\n`;
  },
} satisfies MarkdownOptions;

/**
 * Heading ids: ASCII, lowercase, hyphenated; stable across builds. A heading with no
 * Latin letters (Cyrillic, Arabic) gets "section", and markdown-it-anchor numbers repeats.
 * @example slugifyHeading("Kılıçdaroğlu in Ankara") // "kilicdaroglu-in-ankara"
 */
export function slugifyHeading(text: string): string {
  return slugifyWords(text) || "section";
}

/**
 * What a render may be told about the issue it renders: its source file and every published
 * issue's URL by source file, so a link to `../2025/other.md` becomes that issue's URL.
 */
interface RenderEnv extends Env {
  sourceFile?: string;
  /** A map, or anything that answers `get` (the view store records which files a body asked about). */
  issueUrls?: Pick<ReadonlyMap<string, string>, "get">;
  /** Folder of issues, e.g. `src/issues`: links may also be written from it. */
  issuesDir?: string;
}

/** A link to a Markdown source file: no scheme, not only a fragment, a path ending in `.md`. */
export function isSourceLink(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && /^[^#?]*\.md(?:[#?].*)?$/i.test(href);
}

/**
 * The project-relative files a source link may mean, most likely first: relative to the linking
 * file, then from the issues folder (`2025/x.md`, `src/issues/2025/x.md`, `/src/issues/2025/x.md`).
 * @example sourceLinkCandidates("src/issues/2026/a.md", "../2025/b.md#talks", "src/issues")
 * // { files: ["src/issues/2025/b.md"], fragment: "#talks", path: "../2025/b.md" }
 */
export function sourceLinkCandidates(
  fromFile: string,
  href: string,
  issuesDir: string,
): { files: string[]; fragment: string; path: string } {
  const split = /^([^#?]*)(.*)$/.exec(href);
  const linkPath = safeDecode(split?.[1] ?? href);
  const fragment = split?.[2] ?? "";
  const fromRoot = linkPath.replace(/^\/+/, "");
  const files = [
    ...(linkPath.startsWith("/") ? [] : [path.posix.join(path.posix.dirname(fromFile), linkPath)]),
    // `../…` climbs from the linking file; from the issues folder it would climb out of it.
    ...(fromRoot.startsWith("../")
      ? []
      : [
          fromRoot.startsWith(`${issuesDir}/`)
            ? path.posix.normalize(fromRoot)
            : path.posix.join(issuesDir, fromRoot),
        ]),
  ];
  return { files, fragment, path: linkPath };
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** A body's links, by body: the content stage asks twice per issue, and the dev server on every save. */
const linksByBody = new Map<string, { href: string; line: number }[]>();
/** Bodies kept before the memo starts afresh: a long dev-server session edits many. */
const LINKS_MEMO_LIMIT = 20_000;

/** Primes the memo with a body's links as an earlier run found them (check-store.ts). */
export function rememberLinks(body: string, links: readonly { href: string; line: number }[]): void {
  if (linksByBody.size >= LINKS_MEMO_LIMIT) linksByBody.clear();
  linksByBody.set(body, [...links]);
}

/** Every link in a body with its 1-based body line: what the link checks read. */
export function findLinks(body: string): { href: string; line: number }[] {
  const known = linksByBody.get(body);
  if (known) return known;
  const links: { href: string; line: number }[] = [];
  for (const token of parseForChecks(body)) {
    if (token.type !== "inline") continue;
    let line = (token.map?.[0] ?? 0) + 1;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      if (child.type === "link_open") links.push({ href: String(child.attrGet("href") ?? ""), line });
    }
  }
  if (linksByBody.size >= LINKS_MEMO_LIMIT) linksByBody.clear();
  linksByBody.set(body, links);
  return links;
}

export function createMarkdown(options: Partial<MarkdownOptions> = {}): MarkdownIt {
  const { renderFigure } = { ...defaults, ...options };
  const md = markdownIt({ html: true, linkify: true, ...TYPOGRAPHY });
  md.use(footnote);
  md.use(anchor, {
    level: [2, 3, 4],
    slugify: slugifyHeading,
    tabIndex: false,
    permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
  });
  md.core.ruler.push("figures", (state) => {
    state.tokens = wrapLoneImages(state.tokens, state.Token);
  });
  // A Markdown table's header cells head their columns: scope="col" says so to screen readers,
  // and the email checks (html-validate) require it of every <th>.
  md.core.ruler.push("table-header-scope", (state) => {
    for (const token of state.tokens) if (token.type === "th_open") token.attrSet("scope", "col");
  });
  // Inline images point into assets/photos too, so their src is rewritten the same way.
  const renderImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const src = token?.attrGet("src");
    if (token && typeof src === "string") token.attrSet("src", photoUrl(src));
    return renderImage
      ? renderImage(tokens, index, options, env, self)
      : self.renderToken(tokens, index, options);
  };
  // A link to another issue's source file becomes that issue's URL (Hugo's ref, Astro's content links).
  const renderLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, index, options, renderEnv, self) => {
    const env = renderEnv as RenderEnv | undefined;
    const token = tokens[index];
    const href = token?.attrGet("href");
    if (token && typeof href === "string" && env?.issueUrls && env.sourceFile && isSourceLink(href)) {
      const { files, fragment } = sourceLinkCandidates(env.sourceFile, href, env.issuesDir ?? "src/issues");
      const url = files.map((file) => env.issueUrls?.get(file)).find((found) => found !== undefined);
      if (url) token.attrSet("href", `${url}${fragment.startsWith("#") ? fragment : ""}`);
    }
    return renderLinkOpen
      ? renderLinkOpen(tokens, index, options, renderEnv, self)
      : self.renderToken(tokens, index, options);
  };
  // Raw HTML passes the policy in lib/raw-html.ts; bodies without any skip the cost.
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, renderOptions, env) => {
    const html = render(tokens, renderOptions, env);
    return tokens.some(hasRawHtml) ? sanitizeIssueHtml(html) : html;
  };
  md.renderer.rules.figure = (tokens, index) => {
    const image = tokens[index]?.meta as unknown as BodyImage;
    return renderFigure(image, md.utils.escapeHtml);
  };
  return md;
}

function hasRawHtml(token: Token): boolean {
  return (
    token.type === "html_block" ||
    token.type === "html_inline" ||
    (token.children?.some((child) => child.type === "html_inline") ?? false)
  );
}

/** Replaces paragraph_open, inline [image], paragraph_close with one `figure` token. */
function wrapLoneImages(tokens: Token[], TokenClass: typeof Token): Token[] {
  const result: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    const image = inline?.children?.length === 1 ? inline.children[0] : undefined;
    if (open?.type === "paragraph_open" && close?.type === "paragraph_close" && image?.type === "image") {
      const figure = new TokenClass("figure", "figure", 0);
      figure.block = true;
      figure.map = open.map;
      const caption = String(image.attrGet("title") ?? "");
      figure.meta = {
        src: String(image.attrGet("src") ?? ""),
        alt: image.children?.map((child) => child.content).join("") ?? image.content,
        ...(caption ? { caption } : {}),
      } satisfies BodyImage;
      result.push(figure);
      i += 2;
      continue;
    }
    if (open) result.push(open);
  }
  return result;
}

/** A problem in a Markdown body, at a 1-based line of the body. */
export interface BodyProblem {
  line: number;
  message: string;
}

export const UNCLOSED_COMMENT = 'an HTML comment is never closed — end it with "-->" or remove it';
export const TOO_DEEPLY_NESTED =
  'quotes or lists are nested too deeply, so Markdown would drop the text inside — use at most a few levels of ">" or list indents';

/** Written into by the checking parser's block tokenizer: the first line it had to skip. */
interface CheckEnv extends Env {
  tooDeepLine?: number;
}

let checkingMarkdown: MarkdownIt | undefined;

/**
 * The writers' dialect for checking: typography off, so text stays as typed (`<!--x` is not
 * turned into `<!–x`), and the block tokenizer notes where markdown-it's nesting limit
 * (`maxNesting`) would make it skip the rest of a container without a word.
 */
function getCheckingMarkdown(): MarkdownIt {
  if (checkingMarkdown) return checkingMarkdown;
  const md = createMarkdown();
  md.set({ typographer: false });
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const env = state.env as CheckEnv;
    const line = state.skipEmptyLines(startLine);
    const skipped = line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent;
    if (skipped && state.level >= md.options.maxNesting) env.tooDeepLine ??= line + 1;
    tokenize(state, startLine, endLine);
  };
  checkingMarkdown = md;
  return md;
}

/** The last body the checks parsed: its problems, its preflight and its links read one parse. */
let lastParse: { body: string; tokens: Token[]; env: CheckEnv } | undefined;

function parseOnce(body: string): { tokens: Token[]; env: CheckEnv } {
  if (lastParse?.body !== body) {
    const env: CheckEnv = {};
    lastParse = { body, tokens: getCheckingMarkdown().parse(body, env), env };
  }
  return lastParse;
}

/**
 * A body's block tokens as the checks see them: typography off, so text is as typed.
 * Inline tokens carry their children (text, links, images, code). Read-only: the next check
 * of the same body gets the same tokens.
 */
export function parseForChecks(body: string): Token[] {
  return parseOnce(body).tokens;
}

/**
 * What in a body would silently vanish from the page, the feeds and search: an HTML comment
 * that never closes (it swallows every following paragraph), and quotes or lists nested past
 * markdown-it's limit. Code spans and blocks are text, so a `<!--` in them is fine.
 * @example findBodyProblems("One.\n\n<!-- check\n\nTwo.\n") // [{ line: 3, message: UNCLOSED_COMMENT }]
 */
export function findBodyProblems(body: string): BodyProblem[] {
  const { tokens, env } = parseOnce(body);
  const problems: BodyProblem[] = [];
  const lineAt = (token: Token, content: string, offset: number) =>
    (token.map?.[0] ?? 0) + 1 + (content.slice(0, offset).match(/\n/g)?.length ?? 0);
  // Block tokens are one flat list (nesting is open/close pairs), so one pass sees every one.
  for (const token of tokens) {
    if (token.type === "html_block") {
      const offset = findUnclosedComment(token.content);
      if (offset !== undefined)
        problems.push({ line: lineAt(token, token.content, offset), message: UNCLOSED_COMMENT });
    }
    if (token.type === "inline" && hasUnclosedInlineComment(token)) {
      const offset = findUnclosedComment(token.content) ?? token.content.indexOf("<!--");
      problems.push({ line: lineAt(token, token.content, Math.max(offset, 0)), message: UNCLOSED_COMMENT });
    }
  }
  if (env.tooDeepLine !== undefined) problems.push({ line: env.tooDeepLine, message: TOO_DEEPLY_NESTED });
  // The corpus checks ask for the links later, when this parse is gone: note them now.
  findLinks(body);
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Inline, markdown-it only takes a whole `<!-- … -->` as HTML; an unclosed one is left as text
 * and would be printed to readers, the editor's note and all.
 */
function hasUnclosedInlineComment(inline: Token): boolean {
  return (inline.children ?? []).some(
    (child) =>
      (child.type === "text" && child.content.includes("<!--")) ||
      (child.type === "html_inline" && findUnclosedComment(child.content) !== undefined),
  );
}
