/**
 * Puts the dateline at the start of the body's first paragraph, as newspapers print it:
 * "ISTANBUL — US and Russian delegations…". Without a paragraph, it leads the body.
 * @example withDateline("<p>Talks began.</p>", "ISTANBUL")
 *   // '<p><span class="dateline">ISTANBUL</span> — Talks began.</p>'
 */
export function withDateline(html: string, dateline: string | undefined): string {
  if (!dateline) return html;
  const label = `<span class="dateline">${escapeText(dateline)}</span> — `;
  const index = html.indexOf("<p>");
  return index === -1
    ? `<p>${label}</p>${html}`
    : `${html.slice(0, index + 3)}${label}${html.slice(index + 3)}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
