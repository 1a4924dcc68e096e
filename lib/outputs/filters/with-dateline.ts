/**
 * Puts the dateline at the start of the body's first paragraph, as newspapers print it:
 * "ISTANBUL — US and Russian delegations…". When the body opens with something else
 * (a quote, a heading), the dateline stands in its own paragraph before it.
 * @example withDateline("<p>Talks began.</p>", "ISTANBUL")
 *   // '<p><span class="dateline">ISTANBUL</span> — Talks began.</p>'
 */
export function withDateline(html: string, dateline: string | undefined): string {
  if (!dateline) return html;
  const label = `<span class="dateline">${escapeText(dateline)}</span> — `;
  const opening = html.match(/^\s*<p>/);
  return opening ? `${opening[0]}${label}${html.slice(opening[0].length)}` : `<p>${label}</p>${html}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
