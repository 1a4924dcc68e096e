/**
 * The email edition as one HTML document: a 600 px column of table rows (masthead, header,
 * lead photo, body, endnotes, corrections, topics, footer), a fixed-width conditional
 * wrapper for Outlook for Windows, and the stylesheet inlined by juice so no `<style>` is left.
 */

import { renderCaption } from "../../contract/caption.ts";
import { lazyPackage } from "../../shared/lazy-package.ts";
import { escapeHtml } from "../../shared/text.ts";
import { EMAIL_WIDTH, type EmailPhoto } from "./body.ts";
import { renderCorrectionsSinceHtml } from "./corrections-since.ts";
import { EMAIL_CSS } from "./styles.ts";
import { correctionsHeading, type EmailView } from "./view.ts";

/** juice inlines the stylesheet; only a build that renders an email or a feed fragment loads it. */
export const loadJuice = lazyPackage<typeof import("juice")>("juice");

const esc = escapeHtml;

function link(url: string, text: string): string {
  return `<a href="${esc(url)}">${esc(text)}</a>`;
}

function row(className: string, content: string): string {
  return `<tr><td class="${className}">${content}</td></tr>\n`;
}

function header(view: EmailView): string {
  const byline = view.authors.map((author) => link(author.url, author.name));
  const names =
    byline.length <= 1 ? byline.join("") : `${byline.slice(0, -1).join(", ")} and ${byline.at(-1)}`;
  return [
    `<p class="kicker">${esc(view.kicker)}</p>`,
    view.opinionNote ? `<p class="opinion-note">${esc(view.opinionNote)}</p>` : "",
    `<h1>${esc(view.headline)}</h1>`,
    `<p class="dek">${esc(view.dek)}</p>`,
    `<p class="meta">By ${names}</p>`,
    `<p class="meta">${view.dateline ? `${esc(view.dateline)} · ` : ""}${esc(view.date)}${view.updated ? ` · Updated ${esc(view.updated)}` : ""}</p>`,
    `<p class="web">${link(view.webUrl, "Read on the web")}</p>`,
  ].join("\n");
}

/** A photo as one JPEG with its size and alt, then its label, caption and credit as text. */
export function renderPhoto(photo: EmailPhoto): string {
  const caption = renderCaption(photo, { bareCaption: true });
  return (
    `<img class="photo" src="${esc(photo.src)}" width="${photo.width}" height="${photo.height}" alt="${esc(photo.alt)}" style="max-width:${photo.width}px">` +
    (caption === "" ? "" : `<p class="caption">${caption}</p>`)
  );
}

function endnotes(view: EmailView): string {
  if (view.endnotes.length === 0) return "";
  const items = view.endnotes.map((note) => `<li>${note.html}</li>`).join("\n");
  return row("section", `<h2>Notes</h2>\n<ol>\n${items}\n</ol>`);
}

function correctionsSince(view: EmailView): string {
  const block = renderCorrectionsSinceHtml(view.correctionsSince);
  return block === "" ? "" : row("section", block);
}

function sources(view: EmailView): string {
  if (view.sources.length === 0) return "";
  const items = view.sources
    .map(
      (source) =>
        `<li>${link(source.url, source.title)}${source.publisher ? `, ${esc(source.publisher)}` : ""}${source.date ? `, ${esc(source.date.shown)}` : ""}${source.archived ? ` (${link(source.archived, "archived copy")})` : ""}</li>`,
    )
    .join("\n");
  return row("section", `<h2>Sources</h2>\n<ol>\n${items}\n</ol>`);
}

function corrections(view: EmailView): string {
  if (view.corrections.length === 0) return "";
  const items = view.corrections
    .map((note) => `<li><strong>${esc(note.label)}</strong>, ${esc(note.date)}: ${esc(note.text)}</li>`)
    .join("\n");
  return row("section", `<h2>${correctionsHeading(view)}</h2>\n<ul>\n${items}\n</ul>`);
}

function topics(view: EmailView): string {
  if (view.topics.length === 0) return "";
  const items = view.topics
    .map((topic) => `<li>${link(topic.url, topic.name)} (${link(topic.feedUrl, "feed")})</li>`)
    .join("\n");
  return row("section", `<h2>Topics</h2>\n<ul>\n${items}\n</ul>`);
}

/** The footer: who sends it and from where, and how to stop it or follow another way. */
function renderFooter(view: EmailView): string {
  const { footer } = view;
  const address = [
    `<p>${link(footer.homeUrl, footer.publisher)}${footer.address.map((line) => `<br>${esc(line)}`).join("")}</p>`,
    footer.service?.addressTag ? `<p>${footer.service.addressTag}</p>` : "",
  ];
  const way = footer.service
    ? [
        `<p>You are receiving this because you subscribed to ${esc(footer.publisher)} by email at ${footer.service.recipientTag}. <a href="${footer.service.unsubscribeUrl}">Unsubscribe</a>.</p>`,
        `<p>You can also follow every issue by feed: ${link(footer.feedUrl, footer.feedUrl)}.</p>`,
      ]
    : [
        `<p>This is the email edition of ${esc(footer.publisher)}. To get every issue, follow the feed ${link(footer.feedUrl, footer.feedUrl)} in a feed reader or an RSS-to-email service; ${link(footer.subscribeUrl, "the subscribe page")} explains how.</p>`,
      ];
  return row("footer", [...address, ...way].filter(Boolean).join("\n"));
}

/** The document before its stylesheet is inlined (tests read the structure from it). */
export function renderEmailDocument(view: EmailView): string {
  const lead = view.leadPhoto ? row("lead", renderPhoto(view.leadPhoto)) : "";
  return `<!DOCTYPE html>
<html lang="${esc(view.language)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${esc(view.subject)}</title>
<style>${EMAIL_CSS}</style>
</head>
<body>
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="outer-cell" align="center">
<!--[if mso]><table role="presentation" width="${EMAIL_WIDTH}" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td width="${EMAIL_WIDTH}"><![endif]-->
<table role="presentation" class="container" width="${EMAIL_WIDTH}" align="center" cellpadding="0" cellspacing="0" border="0">
${row("masthead", link(view.masthead.url, view.masthead.name))}${row(view.opinionNote ? "header opinion" : "header", header(view))}${lead}${row("content", view.bodyHtml)}
${correctionsSince(view)}${endnotes(view)}${sources(view)}${corrections(view)}${topics(view)}${renderFooter(view)}</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

/** The email as sent: the document with every rule inlined and the `<style>` removed. */
export function renderEmailHtml(view: EmailView): string {
  return loadJuice()(renderEmailDocument(view), {
    removeStyleTags: true,
    preserveMediaQueries: false,
    preserveFontFaces: false,
    preserveImportant: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    xmlMode: false,
  });
}
