/**
 * The plain-text part, from the same view: headline, byline, date and web address first,
 * then the body wrapped at 76 columns with each link as a numbered reference ([1]) listed
 * at the end, the photo credits, corrections, topics and the footer.
 */

import * as cheerio from "cheerio";
import { convert } from "html-to-text";
import { captionText } from "../../contract/caption.ts";
import { inertText } from "../../shared/merge-tags.ts";
import { CORRECTIONS_SINCE_HEADING } from "./corrections-since.ts";
import { correctionsHeading, type EmailView } from "./view.ts";

/** Column the text part wraps at (RFC 5322 advises 78 at most). */
export const TEXT_WIDTH = 76;

interface References {
  urls: string[];
  /** The number of a URL, the same number each time it comes back. */
  number(url: string): number;
}

function createReferences(): References {
  const urls: string[] = [];
  return {
    urls,
    number(url) {
      const known = urls.indexOf(url);
      if (known >= 0) return known + 1;
      urls.push(url);
      return urls.length;
    },
  };
}

/**
 * HTML to wrapped text; each link becomes its text and `[n]`, images their `[Photo: alt]`.
 * A link whose text is its own URL stays as it is.
 */
function htmlToText(html: string, references: References): string {
  const $ = cheerio.load(html, null, false);
  $("img").each((_index, img) => {
    const alt = $(img).attr("alt");
    $(img).replaceWith(alt ? `<p>[Photo: ${escapeText(alt)}]</p>` : "");
  });
  // A note reference reads "(note 1)": its number is the note's, not a link reference.
  $("sup.footnote-ref").each((_index, sup) => {
    $(sup).replaceWith(` (note ${$(sup).text().replace(/\D/g, "")})`);
  });
  $("a[href]").each((_index, anchor) => {
    const href = $(anchor).attr("href") ?? "";
    const text = $(anchor).text();
    if (text === href || !/^https?:/i.test(href)) {
      $(anchor).replaceWith(escapeText(text));
      return;
    }
    $(anchor).replaceWith(`${escapeText(text)} [${references.number(href)}]`);
  });
  // The view's HTML is inert by character references, which this conversion decodes: text again.
  const text = convert($.html(), {
    wordwrap: TEXT_WIDTH,
    selectors: [
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "sup", format: "inline" },
      { selector: "table", format: "dataTable" },
    ],
  });
  return inertText(text).trim();
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function wrap(text: string): string {
  return convert(`<p>${escapeText(text)}</p>`, { wordwrap: TEXT_WIDTH }).trim();
}

/** The text part of the email. */
export function renderEmailText(view: EmailView): string {
  const references = createReferences();
  const rule = "-".repeat(Math.min(TEXT_WIDTH, 40));
  const sections: string[] = [];
  sections.push(
    [
      view.masthead.name,
      "",
      view.kicker.toUpperCase(),
      ...(view.opinionNote ? [view.opinionNote] : []),
      wrap(view.headline),
      "",
      wrap(view.dek),
      "",
      wrap(`By ${view.byline}`),
      `${view.dateline ? `${view.dateline} · ` : ""}${view.date}`,
      ...(view.updated ? [`Updated ${view.updated}`] : []),
      "",
      `Read on the web: ${view.webUrl}`,
    ].join("\n"),
  );
  if (view.leadPhoto) {
    const photo = view.leadPhoto;
    const caption = captionText(photo, "Photo: ");
    sections.push(wrap(`[Photo: ${photo.alt}]${caption ? ` ${caption}` : ""}`));
  }
  sections.push(htmlToText(view.bodyHtml, references));
  if (view.correctionsSince.length > 0) {
    const notices = view.correctionsSince.map(
      (notice) => `${wrap(`${notice.headline}, ${notice.date}: ${notice.text}`)}\n  ${notice.url}`,
    );
    sections.push([CORRECTIONS_SINCE_HEADING, "", ...notices].join("\n"));
  }
  if (view.endnotes.length > 0) {
    const notes = view.endnotes.map((note) =>
      htmlToText(`<div>Note ${note.number}. ${note.html}</div>`, references),
    );
    sections.push(["Notes", "", ...notes].join("\n"));
  }
  if (view.sources.length > 0) {
    const lines = view.sources.map((source) => {
      const about = [source.title, source.publisher, source.date?.shown].filter(Boolean).join(", ");
      return `${wrap(about)}\n  ${source.url}${source.archived ? `\n  archived copy: ${source.archived}` : ""}`;
    });
    sections.push(["Sources", "", ...lines].join("\n"));
  }
  if (view.corrections.length > 0) {
    sections.push(
      [
        correctionsHeading(view),
        "",
        ...view.corrections.map((c) => wrap(`${c.label}, ${c.date}: ${c.text}`)),
      ].join("\n"),
    );
  }
  if (view.topics.length > 0) {
    sections.push(
      [
        "Topics",
        "",
        ...view.topics.map((topic) => `${topic.name}: ${topic.url}\n  feed: ${topic.feedUrl}`),
      ].join("\n"),
    );
  }
  if (references.urls.length > 0) {
    sections.push(["Links", "", ...references.urls.map((url, index) => `[${index + 1}] ${url}`)].join("\n"));
  }
  sections.push(footerText(view));
  return `${sections.join(`\n\n${rule}\n\n`).replace(/\n{3,}/g, "\n\n")}\n`;
}

function footerText(view: EmailView): string {
  const { footer } = view;
  const lines = [footer.publisher, ...footer.address, footer.homeUrl];
  if (footer.service) {
    if (footer.service.textAddressTag) lines.push(footer.service.textAddressTag);
    lines.push(
      "",
      wrap(
        `You are receiving this because you subscribed to ${footer.publisher} by email at ${footer.service.recipientTag}.`,
      ),
      `Unsubscribe: ${footer.service.unsubscribeUrl}`,
      `Follow by feed: ${footer.feedUrl}`,
    );
  } else {
    lines.push(
      "",
      wrap(
        `This is the email edition of ${footer.publisher}. To get every issue, follow the feed ${footer.feedUrl} in a feed reader or an RSS-to-email service: ${footer.subscribeUrl} explains how.`,
      ),
    );
  }
  return lines.join("\n");
}
