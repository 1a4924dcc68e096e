/**
 * The Markdown dialect writers use: CommonMark plus footnotes, heading anchors,
 * typographic quotes and dashes, and a paragraph holding only an image becomes a figure.
 */
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { sanitizeIssueHtml } from "./raw-html.ts";

/** What a body image says about itself: `![alt](src "caption")`. */
export interface BodyImage {
  src: string;
  alt: string;
  caption?: string;
}

export interface MarkdownOptions {
  /** Renders a stand-alone body image as a `<figure>`; the photo desk replaces the default. */
  renderFigure: (image: BodyImage, escapeHtml: (text: string) => string) => string;
}

/** Where a body image's `src` (relative to assets/photos/) is published. */
export function photoUrl(src: string): string {
  return /^(?:[a-z]+:|\/)/i.test(src) ? src : `/photos/${src}`;
}

export const defaults = {
  renderFigure: (image, escapeHtml) => {
    const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : "";
    return `<figure class="body-figure"><img src="${escapeHtml(photoUrl(image.src))}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>\n`;
  },
} satisfies MarkdownOptions;

/** Letters that Unicode does not decompose into a base letter plus accent. */
const transliterations: Record<string, string> = {
  ı: "i",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  æ: "ae",
  œ: "oe",
  þ: "th",
};

/**
 * Heading ids: ASCII, lowercase, hyphenated; stable across builds. A heading with no
 * Latin letters (Cyrillic, Arabic) gets "section", and markdown-it-anchor numbers repeats.
 * @example slugifyHeading("Kılıçdaroğlu in Ankara") // "kilicdaroglu-in-ankara"
 */
export function slugifyHeading(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[ıßøłđæœþ]/g, (char) => transliterations[char] ?? char)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

export function createMarkdown(options: Partial<MarkdownOptions> = {}): MarkdownIt {
  const { renderFigure } = { ...defaults, ...options };
  const md = markdownIt({ html: true, linkify: true, typographer: true, quotes: "“”‘’" });
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
