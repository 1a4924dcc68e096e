/**
 * The email edition of an issue (DESIGN: one more view of the same checked issue):
 * `email.html`, `email.txt` and `email.eml` beside the issue's page, from one email view.
 */
import type { IssueView } from "../views/issue.ts";
import { renderEmailHtml } from "./html.ts";
import { renderEmailMessage } from "./mime.ts";
import { renderEmailText } from "./text.ts";
import { buildEmailView, type EmailContext, type EmailView } from "./view.ts";

export { EMAIL_WIDTH, toEmailBody } from "./body.ts";
export { emailPhotoOf, renderEmailFragment } from "./fragment.ts";
export { renderEmailDocument, renderEmailHtml } from "./html.ts";
export { SERVICE_TAGS } from "./services.ts";
export { renderEmailText, TEXT_WIDTH } from "./text.ts";
export { buildEmailView, type EmailContext, type EmailView } from "./view.ts";

export interface EmailEdition {
  view: EmailView;
  html: string;
  text: string;
  /** The `.eml` message, `multipart/alternative`. */
  eml: Buffer;
}

export { EMAIL_FILES, type EmailFile, emailUrl } from "../urls.ts";

export async function renderEmailEdition(issue: IssueView, context: EmailContext): Promise<EmailEdition> {
  const view = buildEmailView(issue, context);
  const html = renderEmailHtml(view);
  const text = renderEmailText(view);
  const eml = await renderEmailMessage({
    subject: view.subject,
    fromName: context.site.title,
    origin: context.site.url,
    webUrl: view.webUrl,
    date: issue.date,
    text,
    html,
  });
  return { view, html, text, eml };
}
