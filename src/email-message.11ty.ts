/** Each issue's `email.eml` (its email edition, lib/email/), beside the issue's page. */
import type { EmailData } from "../lib/plugins/email.ts";
import { emailUrl } from "../lib/urls.ts";
import type { IssueView } from "../lib/views/issue.ts";

interface EmailPageData {
  issue: IssueView;
  email: EmailData;
}

export const data = {
  pagination: { data: "views.issues", size: 1, alias: "issue" },
  permalink: (data: EmailPageData) => emailUrl(data.issue.url, "email.eml"),
  eleventyExcludeFromCollections: true,
};

export async function render(data: EmailPageData): Promise<string> {
  return (await data.email.edition(data.issue)).eml.toString("latin1");
}
