/**
 * The email edition of an issue (DESIGN: one more view of the same checked issue):
 * `email.html`, `email.txt` and `email.eml` beside the issue's page, from one email view.
 */
import type { IssueView } from "../../pipeline/views/issue.ts";
import type { EmailParts } from "./edition-cache.ts";
import { renderEmailHtml } from "./html.ts";
import { type MessageParts, renderEmailMessage } from "./mime.ts";
import { renderEmailText } from "./text.ts";
import { buildEmailView, type EmailContext, type EmailView } from "./view.ts";

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
  /** What the `.eml` was composed from: a preview composes its own from it (preview.ts). */
  message: MessageParts;
}

export { EMAIL_FILES, type EmailFile, emailUrl } from "../../contract/urls.ts";

export {
  type EditionCache,
  type EmailParts,
  type FragmentCache,
  openEditionCache,
  openFragmentCache,
} from "./edition-cache.ts";

function renderParts(view: EmailView): EmailParts {
  return { html: renderEmailHtml(view), text: renderEmailText(view) };
}

/** One issue's edition; `parts` renders (or fetches from the edition cache) its HTML and text. */
export async function renderEmailEdition(
  issue: IssueView,
  context: EmailContext,
  parts: (view: EmailView) => EmailParts = renderParts,
): Promise<EmailEdition> {
  const view = buildEmailView(issue, context);
  const { html, text } = parts(view);
  const message: MessageParts = {
    subject: view.subject,
    fromName: context.site.title,
    origin: context.site.url,
    webUrl: view.webUrl,
    date: new Date(issue.publishedAt),
    text,
    html,
  };
  return { view, html, text, eml: await renderEmailMessage(message), message };
}
