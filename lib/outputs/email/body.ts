/**
 * The issue body as email clients can show it, from the body the web page renders:
 * each `<picture>` becomes its JPEG `<img>` at half its pixel width (so it is sharp at 2×),
 * figures become a photo and a caption line, footnotes become endnotes, heading anchors
 * become plain headings, and every link and image is absolute. Elements Outlook for
 * Windows drops (`<abbr>`) keep their text.
 */
import * as cheerio from "cheerio";
import type { AnyNode } from "domhandler";

/** The email's column, in CSS pixels: photos show at this width at most. */
export const EMAIL_WIDTH = 600;

export interface EmailPhoto {
  /** Absolute URL of the JPEG rendition. */
  src: string;
  /** Display size in CSS pixels (half the rendition's, at most the column). */
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

export interface Endnote {
  /** 1, 2, … as the body numbers them. */
  number: number;
  /** The note as email-safe HTML (links absolute, back-link removed). */
  html: string;
}

export interface EmailBody {
  /** The body without its footnotes, ready for the email's content cell. */
  html: string;
  endnotes: Endnote[];
}

/** Attributes that only browsers with responsive images use. */
const WEB_IMAGE_ATTRIBUTES = ["srcset", "sizes", "loading", "decoding", "fetchpriority", "class", "style"];

/**
 * The display size of a rendition `width`×`height` px wide at 2×, within the column.
 * @example displaySize(1200, 800) // { width: 600, height: 400 }
 * @example displaySize(800, 600) // { width: 400, height: 300 }
 */
export function displaySize(width: number, height: number): { width: number; height: number } {
  const display = Math.min(EMAIL_WIDTH, Math.round(width / 2));
  return { width: display, height: Math.round((height * display) / width) };
}

/**
 * `href` or `src` made absolute against the web page; fragments point at the page.
 * @example absoluteTo("#fn1", "https://dateline.example/2025/04/x/") // "https://dateline.example/2025/04/x/#fn1"
 */
function absoluteTo(value: string, pageUrl: string): string {
  if (/^(?:mailto|tel):/i.test(value)) return value;
  return URL.canParse(value, pageUrl) ? new URL(value, pageUrl).toString() : value;
}

/** The web body, rewritten for email. `pageUrl` is the absolute web address. */
export function toEmailBody(html: string, pageUrl: string): EmailBody {
  const $ = cheerio.load(html, null, false);

  // Endnotes first: taken out of the body, each without its back-link.
  const endnotes: Endnote[] = [];
  $("section.footnotes li").each((index, item) => {
    const note = $(item);
    note.find("a.footnote-backref").remove();
    absolutise($, note, pageUrl);
    // A one-paragraph note loses its <p>, so "1." and the note read on one line.
    const paragraphs = note.children("p");
    const html = paragraphs.length === 1 && note.children().length === 1 ? paragraphs.html() : note.html();
    endnotes.push({ number: index + 1, html: (html ?? "").trim() });
  });
  $("section.footnotes, hr.footnotes-sep").remove();
  // A reference reads [1] and opens the note on the web page, where it and its back-link work.
  $("sup.footnote-ref a").each((_index, anchor) => {
    $(anchor).removeAttr("id");
  });

  $("picture").each((_index, picture) => {
    const img = $(picture).find("img").first();
    $(picture).replaceWith(img.length > 0 ? img : "");
  });
  $("img").each((_index, element) => {
    const img = $(element);
    for (const name of WEB_IMAGE_ATTRIBUTES) img.removeAttr(name);
    const width = Number(img.attr("width"));
    const height = Number(img.attr("height"));
    if (width > 0 && height > 0) {
      const size = displaySize(width, height);
      img.attr("width", String(size.width)).attr("height", String(size.height));
      img.attr("style", `max-width:${size.width}px`);
    }
    img.addClass("photo");
  });
  $("figure").each((_index, figure) => {
    const node = $(figure);
    const caption = node.find("figcaption");
    caption.find("span.credit").addClass("credit");
    const captionHtml = caption.length > 0 ? `<p class="caption">${caption.html() ?? ""}</p>` : "";
    caption.remove();
    node.replaceWith(`<div class="figure">${node.html() ?? ""}${captionHtml}</div>`);
  });
  $("span.caption").each((_index, span) => {
    $(span).replaceWith($(span).html() ?? "");
  });
  $("a.header-anchor").each((_index, anchor) => {
    $(anchor).replaceWith($(anchor).text());
  });
  $("abbr").each((_index, abbr) => {
    $(abbr).replaceWith($(abbr).html() ?? "");
  });
  $("[id]").removeAttr("id");
  absolutise($, $.root(), pageUrl);
  // Only the site's own images go out: one from another host would be fetched by every
  // subscriber's mail client (a tracking pixel, or a picture that can vanish). Its alt stays.
  const origin = new URL(pageUrl).origin;
  $("img").each((_index, element) => {
    const img = $(element);
    let own = false;
    try {
      own = new URL(img.attr("src") ?? "", pageUrl).origin === origin;
    } catch {
      own = false;
    }
    if (own) return;
    const alt = (img.attr("alt") ?? "").trim();
    if (alt === "") img.remove();
    else img.replaceWith($("<span></span>").text(`[${alt}]`));
  });
  return { html: $.html().trim(), endnotes };
}

function absolutise($: cheerio.CheerioAPI, scope: cheerio.Cheerio<AnyNode>, pageUrl: string): void {
  scope.find("a[href]").each((_index, anchor) => {
    $(anchor).attr("href", absoluteTo($(anchor).attr("href") ?? "", pageUrl));
  });
  scope.find("img[src]").each((_index, img) => {
    $(img).attr("src", absoluteTo($(img).attr("src") ?? "", pageUrl));
  });
}
