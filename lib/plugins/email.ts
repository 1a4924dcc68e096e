/**
 * The email edition as Eleventy renders it: `src/email-*.11ty.ts` paginate the issue views
 * (drafts too on the dev server, as the issue pages do) and ask here for each file. Each
 * issue's edition is rendered once per build and shared by its three files.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { type EmailEdition, renderEmailEdition } from "../email/index.ts";
import type { PhotoDesk } from "../photos/desk.ts";
import type { Site } from "../schema.ts";
import type { IssueView } from "../views/issue.ts";

export interface EmailOptions {
  site: Site;
  photos: PhotoDesk;
}

export interface EmailData {
  edition: (issue: IssueView) => Promise<EmailEdition>;
}

export default function emailPlugin(eleventyConfig: UserConfig, options: EmailOptions): void {
  // Keyed by the view object: each build (and dev-server rebuild) makes new views.
  const editions = new WeakMap<IssueView, Promise<EmailEdition>>();
  const email: EmailData = {
    edition(issue) {
      let edition = editions.get(issue);
      if (!edition) {
        edition = renderEmailEdition(issue, { site: options.site, photos: options.photos });
        editions.set(issue, edition);
      }
      return edition;
    },
  };
  eleventyConfig.addGlobalData("email", email);
}
