/**
 * The email edition as Eleventy renders it: `src/email-*.11ty.ts` paginate the issue views
 * (drafts too on the dev server, as the issue pages do) and ask here for each file. Each
 * issue's edition is made once per build, its HTML and text from the edition cache when the
 * issue has not changed (lib/email/edition-cache.ts), and let go once its files are written.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Site } from "../contract/schema.ts";
import {
  type EditionCache,
  EMAIL_FILES,
  type EmailEdition,
  type EmailFile,
  type EmailView,
  emailUrl,
  openEditionCache,
  renderEmailEdition,
} from "../outputs/email/index.ts";
import type { IssueView } from "../pipeline/views/issue.ts";
import { type SiteViews, VIEWS_EVENT } from "../pipeline/views/site.ts";

export interface EmailOptions {
  site: Site;
  /** The edition cache's folder; `false` renders every edition. Default: lib/email/edition-cache.ts. */
  cacheDir?: string | false;
}

interface EmailData {
  /** The edition's `file`; each file is asked for once per build. */
  edition: (issue: IssueView, file: EmailFile) => Promise<EmailEdition>;
}

interface Pending {
  edition: Promise<EmailEdition>;
  /** Files not yet taken: when none is left, the edition is let go. */
  left: Set<EmailFile>;
}

export default function emailPlugin(eleventyConfig: UserConfig, options: EmailOptions): void {
  // Keyed by the view object: each build (and dev-server rebuild) makes new views.
  let pending = new WeakMap<IssueView, Pending>();
  let cache: EditionCache | undefined;
  /** Each issue's corrections since the previous one, from this build's views. */
  let correctionsSince: SiteViews["correctionsSince"] = {};
  eleventyConfig.on("eleventy.before", () => {
    pending = new WeakMap();
    cache = openEditionCache(options.cacheDir);
  });
  /** One edition per issue is live, though a build whose email files come from the output store reads none. */
  let issues = 0;
  eleventyConfig.on(VIEWS_EVENT, (views: SiteViews) => {
    correctionsSince = views.correctionsSince;
    issues = views.issues.length;
  });
  eleventyConfig.on("eleventy.after", async () => {
    cache?.expectLive(issues);
    await cache?.finish();
  });
  const email: EmailData = {
    edition(issue, file) {
      let entry = pending.get(issue);
      if (!entry) {
        const store = cache;
        const parts = store ? (view: EmailView) => store.parts(view) : undefined;
        entry = {
          edition: renderEmailEdition(
            issue,
            { site: options.site, correctionsSince: correctionsSince[issue.url] ?? [] },
            parts,
          ),
          left: new Set(EMAIL_FILES),
        };
        pending.set(issue, entry);
      }
      entry.left.delete(file);
      if (entry.left.size === 0) pending.delete(issue);
      return entry.edition;
    },
  };
  eleventyConfig.addGlobalData("email", email);
}

interface EmailPageData {
  issue: IssueView;
  email: EmailData;
}

function fileOf(edition: EmailEdition, file: EmailFile): string {
  if (file === "email.html") return edition.html;
  if (file === "email.txt") return edition.text;
  // Quoted-printable and base64 keep the message ASCII: latin1 writes its bytes unchanged.
  return edition.eml.toString("latin1");
}

/** The `outputs` list each file's template paginates. */
const EMAIL_LISTS = {
  "email.html": "emailHtml",
  "email.txt": "emailText",
  "email.eml": "emailMessage",
} as const satisfies Record<EmailFile, string>;

/** The template (src/email-*.11ty.ts) that writes one of the edition's files beside each issue page. */
export function emailFileTemplate(file: EmailFile) {
  return {
    data: {
      // Only the issues whose file the output store lacks (lib/eleventy/output-plan.ts).
      pagination: { data: `outputs.${EMAIL_LISTS[file]}`, size: 1, alias: "issue" },
      permalink: (data: EmailPageData) => emailUrl(data.issue.url, file),
      eleventyExcludeFromCollections: true,
    },
    render: async (data: EmailPageData): Promise<string> =>
      fileOf(await data.email.edition(data.issue, file), file),
  };
}
