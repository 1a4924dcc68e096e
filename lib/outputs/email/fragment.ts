/**
 * The email body alone, for feeds: RSS `content:encoded` carries the same email-safe markup
 * as the email edition's content cell (lead photo, body, endnotes), styles inlined, so an
 * RSS-to-email service that pastes it into its own template sends what the edition sends.
 */
import { displaySize, type EmailPhoto, toEmailBody } from "./body.ts";
import { loadJuice, renderPhoto } from "./html.ts";
import { EMAIL_CSS } from "./styles.ts";

/** A feed's lead image (one JPEG with its pixel size) as the email shows it. */
export function emailPhotoOf(image: {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
  sourceLabel?: string;
}): EmailPhoto {
  return {
    src: image.url,
    ...displaySize(image.width, image.height),
    alt: image.alt,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
    ...(image.sourceLabel ? { sourceLabel: image.sourceLabel } : {}),
  };
}

/**
 * The body HTML the site renders, as the email edition's body: absolute URLs, one 2× JPEG
 * per photo, endnotes, inline styles.
 */
export function renderEmailFragment(bodyHtml: string, pageUrl: string, lead?: EmailPhoto): string {
  const body = toEmailBody(bodyHtml, pageUrl);
  const notes =
    body.endnotes.length === 0
      ? ""
      : `\n<h2>Notes</h2>\n<ol>\n${body.endnotes.map((note) => `<li>${note.html}</li>`).join("\n")}\n</ol>`;
  const photo = lead ? `<div class="figure">${renderPhoto(lead)}</div>\n` : "";
  return loadJuice().inlineContent(`${photo}${body.html}${notes}`, EMAIL_CSS, {
    applyWidthAttributes: false,
    applyHeightAttributes: false,
  });
}
