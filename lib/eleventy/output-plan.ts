/**
 * Which outputs this build renders. Every page, listing and email file that a template makes
 * from one item of a list has a key: the hash of that item (what the output shows), the
 * template, the site's shell (data files, preview, the problems shown) and the code digest
 * (lib/build/code-digest.ts). Outputs whose key the store holds are linked into the output
 * folder before Eleventy runs; the templates paginate `outputs.*`, which holds only the rest.
 *
 * `DATELINE_VERIFY_OUTPUTS=1` renders everything as well and fails, naming the file, where a
 * stored output differs from the fresh one: a key that misses something its output shows.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  EMAIL_FILES,
  type EmailFile,
  emailUrl,
  type FeedSpec,
  listFeeds,
  outputFileOf,
} from "../contract/urls.ts";
import { type FeedContext, feedInputs } from "../outputs/feeds/channel.ts";
import type { SiteViews } from "../pipeline/views/site.ts";
import { BuildError } from "../shared/problems.ts";
import { sha256 } from "../shared/store.ts";

/** Where stored outputs come from: the output store (lib/build/output-store.ts), or the dev server's memory. */
export interface OutputSource {
  /** Puts the output stored under `key` at `file`; false when it must be rendered. */
  take(key: string, file: string): boolean;
  /** Keeps `file`, just rendered, under `key`. */
  keep(key: string, file: string): void;
  /** The hash of the output stored under `key`, for DATELINE_VERIFY_OUTPUTS. */
  storedHash(key: string): string | undefined;
}

/** What the outputs are made from: the views, and for the feeds their records and the build time. */
export interface PlanInputs {
  views: SiteViews;
  feeds: FeedContext;
  buildTime: string;
}

/** One template that makes one output per item of a list. */
interface PagedOutput<T> {
  template: string;
  items(inputs: PlanInputs): readonly T[];
  url(item: T): string;
  /** What the output shows, when it is more than the item: a feed's issues. */
  shows?(item: T, inputs: PlanInputs): unknown;
  /** What it shows besides the item, hashed apart so the item's own hash is made once: an email's corrections since the last issue. */
  alsoShows?(item: T, inputs: PlanInputs): unknown;
}

const emailOutput = (file: EmailFile): PagedOutput<SiteViews["issues"][number]> => ({
  template: `email:${file}`,
  items: ({ views }) => views.issues,
  url: (issue) => emailUrl(issue.url, file),
  alsoShows: (issue, { views }) => views.correctionsSince[issue.url] ?? null,
});

/** The templates in src/ that paginate `outputs.<name>`; everything else renders every build. */
const PAGED_OUTPUTS = {
  issuePages: {
    template: "src/issue.njk",
    items: ({ views }) => views.issuePages,
    url: (page) => page.issue.url,
  } satisfies PagedOutput<SiteViews["issuePages"][number]>,
  homePages: {
    template: "src/index.njk",
    items: ({ views }) => views.homePages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["homePages"][number]>,
  topicPages: {
    template: "src/topics/topic.njk",
    items: ({ views }) => views.topicPages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["topicPages"][number]>,
  authorPages: {
    template: "src/authors/author.njk",
    items: ({ views }) => views.authorPages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["authorPages"][number]>,
  entityPages: {
    template: "src/entities/entity.njk",
    items: ({ views }) => views.entityPages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["entityPages"][number]>,
  threadPages: {
    template: "src/threads/thread.njk",
    items: ({ views }) => views.threadPages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["threadPages"][number]>,
  archiveYearPages: {
    template: "src/archive/year.njk",
    items: ({ views }) => views.archiveYearPages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["archiveYearPages"][number]>,
  ledgerPages: {
    template: "src/corrections/index.njk",
    items: ({ views }) => views.ledger.pages,
    url: (page) => page.href,
  } satisfies PagedOutput<SiteViews["ledger"]["pages"][number]>,
  feedDocuments: {
    template: "src/feeds.11ty.ts",
    items: ({ feeds }) => listFeeds(feeds.topics, feeds.entities, feeds.threads),
    url: (spec) => spec.path,
    shows: (spec, { views, feeds, buildTime }) => [
      spec,
      feedInputs(spec, views.issues, feeds, buildTime, views.ledger.entries),
    ],
  } satisfies PagedOutput<FeedSpec>,
  emailHtml: emailOutput("email.html"),
  emailText: emailOutput("email.txt"),
  emailMessage: emailOutput("email.eml"),
};
type ListName = keyof typeof PAGED_OUTPUTS;
// One loop over the table; each entry's own types were checked where it was written.
const PAGED: [ListName, PagedOutput<unknown>][] = Object.entries(PAGED_OUTPUTS) as [
  ListName,
  PagedOutput<unknown>,
][];

/** A page taken from the store, as the sitemap lists it (the shape of an Eleventy collection item). */
interface KeptPage {
  url: string;
  outputPath: string;
  data: { issuePage?: unknown };
}

/** The `outputs` global data: each paginated list, holding only what must be rendered, and the kept pages. */
type OutputLists = Record<ListName, unknown[]> & { kept: KeptPage[] };

export interface OutputCounts {
  rendered: number;
  taken: number;
  /** Verifying: how many stored outputs were compared with a fresh render (and matched). */
  verified: number;
}

interface Planned {
  key: string;
  file: string;
  /** The stored output's hash, when verifying a hit. */
  expected?: string;
}

export interface OutputPlan {
  lists: OutputLists;
  /** After Eleventy has written: keeps what it rendered, and (verifying) compares the hits. */
  finish(): OutputCounts;
}

export interface PlanOptions {
  source: OutputSource;
  /** The folder Eleventy writes to. */
  output: string;
  /** The code digest and the site's shell: what every output shows besides its item. */
  base: string;
  verify: boolean;
}

export function planOutputs(inputs: PlanInputs, options: PlanOptions): OutputPlan {
  const { source, output, base, verify } = options;
  // An issue's view is shown by its three email files: hash each item once.
  const digests = new WeakMap<object, string>();
  const digest = (item: unknown): string => {
    if (typeof item !== "object" || item === null) return digestOf(item);
    let known = digests.get(item);
    if (known === undefined) {
      known = digestOf(item);
      digests.set(item, known);
    }
    return known;
  };
  const lists = Object.fromEntries(PAGED.map(([name]) => [name, [] as unknown[]])) as OutputLists;
  lists.kept = [];
  const rendered: Planned[] = [];
  let taken = 0;
  for (const [name, spec] of PAGED) {
    for (const item of spec.items(inputs)) {
      const url = spec.url(item);
      const relative = outputFileOf(url);
      const file = path.join(output, relative);
      const shown = spec.shows ? digestOf(spec.shows(item, inputs)) : digest(item);
      const also = spec.alsoShows ? `\0${digestOf(spec.alsoShows(item, inputs))}` : "";
      const key = sha256(`${base}\0${spec.template}\0${shown}${also}`);
      if (verify) {
        const expected = source.storedHash(key);
        rendered.push({ key, file, ...(expected ? { expected } : {}) });
        lists[name].push(item);
      } else if (source.take(key, file)) {
        taken += 1;
        if (relative.endsWith(".html") && !EMAIL_FILES.some((email) => relative.endsWith(email))) {
          lists.kept.push({
            url,
            outputPath: file,
            data: name === "issuePages" ? { issuePage: item } : {},
          });
        }
      } else {
        rendered.push({ key, file });
        lists[name].push(item);
      }
    }
  }
  return {
    lists,
    finish() {
      const differing: string[] = [];
      let verified = 0;
      for (const { key, file, expected } of rendered) {
        if (!existsSync(file)) continue;
        if (expected) {
          if (sha256(readFileSync(file)) === expected) verified += 1;
          else differing.push(path.relative(output, file));
        }
        source.keep(key, file);
      }
      if (differing.length > 0) {
        const shown = differing.slice(0, 5).join(", ") + (differing.length > 5 ? ", …" : "");
        throw new BuildError(
          `DATELINE_VERIFY_OUTPUTS: ${differing.length === 1 ? "1 stored output differs" : `${differing.length} stored outputs differ`} from a fresh render: ${shown} — the output's key misses something it shows (lib/eleventy/output-plan.ts); clear the store (rm -rf node_modules/.cache/dateline-outputs) and report it`,
        );
      }
      return { rendered: rendered.length, taken, verified };
    },
  };
}

function digestOf(shown: unknown): string {
  return sha256(JSON.stringify(shown) ?? "undefined");
}

/** The dev server's source: the files it wrote on earlier rebuilds, by key, still in its output folder. */
export function memorySource(): OutputSource {
  const written = new Map<string, string>();
  return {
    take: (key, file) => written.get(file) === key && existsSync(file),
    keep: (key, file) => {
      written.set(file, key);
    },
    storedHash: () => undefined,
  };
}
