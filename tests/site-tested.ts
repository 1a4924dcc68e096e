/**
 * Every lib file with no unit test at its mirrored path (`lib/a/b.ts` → `tests/a/b.test.ts`), and
 * the test files that do exercise it, with one line on how. tests/mirror.test.ts holds every lib
 * file to exactly one of the two. A file listed as NOT_YET_MIRRORED has a unit test at another
 * path: moving that test to the mirrored path (and the entry out of here) is all it needs.
 */
import { z } from "zod";

const NOT_YET_MIRRORED = "unit test not yet at the mirrored path";

const siteTestedSchema = z.record(
  z.string().regex(/^lib\/.+\.ts$/, { error: "must be a lib file, e.g. lib/shared/dates.ts" }),
  z
    .object({
      tests: z
        .array(
          z
            .string()
            .regex(/^tests\/.+\.test\.ts$/, { error: "must be a test file, e.g. tests/build.test.ts" }),
        )
        .nonempty(),
      reason: z.string().regex(/^[^\n]+$/, { error: "must be one line" }),
    })
    .strict(),
);

export type SiteTested = z.infer<typeof siteTestedSchema>;

export const SITE_TESTED = siteTestedSchema.parse({
  // Build: the publishing steps only a real build, killed or raced, shows.
  "lib/build/memory.ts": {
    tests: ["tests/build.test.ts"],
    reason:
      "scripts/build.ts calls it between render and checks in every fixture build (--expose-gc); it outputs nothing",
  },

  // Search: Pagefind's own process, run by the search index on a built site.
  "lib/search/pagefind-run.ts": {
    tests: ["tests/search/index-site.test.ts", "tests/build/errors.test.ts"],
    reason:
      "index-site drives every run of it; errors.test kills the real Pagefind with a file-size limit and reads the one line",
  },

  // Checks: the readers and the worker pool, run by checkSite on a built site.
  "lib/checks/feed-formats.ts": {
    tests: ["tests/checks/documents.test.ts", "tests/checks/check-site.test.ts"],
    reason: "broken Atom, RSS and JSON Feed copies of the fixture's feeds give the expected problem lines",
  },
  "lib/checks/feeds.ts": {
    tests: ["tests/checks/documents.test.ts", "tests/checks/check-site.test.ts"],
    reason:
      "relative URLs, missing <updated>, duplicate ids and a wrong self link in built feeds are reported",
  },
  "lib/checks/page-analyser.ts": {
    tests: ["tests/checks/check-site.test.ts", "tests/checks/cache.test.ts"],
    reason: "every page's html-validate messages and facts come through it, cold and from the cache",
  },
  "lib/checks/page-facts-schema.ts": {
    tests: ["tests/checks/cache.test.ts"],
    reason: "a zod schema: a warm check reads every cached page through it, a damaged entry fails it",
  },
  "lib/checks/page-worker.ts": {
    tests: ["tests/checks/check-site.test.ts"],
    reason: "a cold check of the fixture's 38 pages and emails starts a worker lane on two or more cores",
  },
  "lib/checks/pool.ts": {
    tests: ["tests/checks/check-site.test.ts", "tests/checks/last-run.test.ts"],
    reason: "every checkSite call reads its pages through readInLanes, in worker lanes and in one lane",
  },

  // Contract: schemas and URLs, unit-tested at older paths.
  "lib/contract/entities.ts": { tests: ["tests/entities.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/contract/focus-values.ts": { tests: ["tests/photos/focus.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/contract/photo-manifest.ts": { tests: ["tests/photos/markup.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/contract/schema.ts": { tests: ["tests/schema.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/contract/site.ts": { tests: ["tests/site.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/contract/urls.ts": { tests: ["tests/urls.test.ts"], reason: NOT_YET_MIRRORED },

  // Eleventy glue: only a build runs it.
  "lib/eleventy/content.ts": {
    tests: ["tests/build.test.ts"],
    reason:
      "hands the pipeline's views to the templates: every issue, listing and archive page of the fixture",
  },
  "lib/eleventy/email.ts": {
    tests: ["tests/email/edition.test.ts"],
    reason: "the email edition the build publishes, read back with a real mail parser",
  },
  "lib/eleventy/feeds.ts": {
    tests: ["tests/feeds-output.test.ts", "tests/feeds/email-services.test.ts"],
    reason: "every built feed, read by a real feed client and as the email services read them",
  },
  "lib/eleventy/filters.ts": {
    tests: ["tests/build.test.ts", "tests/record.test.ts"],
    reason: "registers the filters: the dateline, canonical URLs and the record's times on built pages",
  },
  "lib/eleventy/hashed-assets.ts": {
    tests: ["tests/build.test.ts"],
    reason: "the stylesheet and search script under content-hashed names with the integrity of their bytes",
  },
  "lib/eleventy/photos.ts": {
    tests: ["tests/build.test.ts", "tests/photos/errors.test.ts"],
    reason: "the lead picture, caption and credit on built pages; describePhotoProblem's lines unit-tested",
  },
  "lib/eleventy/render.ts": {
    tests: ["tests/build.test.ts"],
    reason: "Eleventy as npm run build runs it: every page of every fixture build is rendered through it",
  },
  "lib/eleventy/seo.ts": {
    tests: ["tests/build.test.ts"],
    reason: "NewsArticle JSON-LD, canonical, feed autodiscovery and the sharing image on built issue pages",
  },
  "lib/eleventy/sitemaps.ts": {
    tests: ["tests/build.test.ts"],
    reason: "sitemap.xml with each issue's last change, the two-day news sitemap and robots.txt of a build",
  },

  // Outputs: email and feeds, unit-tested at older paths.
  "lib/outputs/email/edition-cache.ts": {
    tests: ["tests/email/edition-cache.test.ts"],
    reason: NOT_YET_MIRRORED,
  },
  "lib/outputs/email/html.ts": { tests: ["tests/email/view.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/email/index.ts": { tests: ["tests/email/view.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/email/services.ts": { tests: ["tests/email/view.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/email/text.ts": { tests: ["tests/email/view.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/email/view.ts": { tests: ["tests/email/view.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/email/styles.ts": {
    tests: ["tests/email/view.test.ts", "tests/outputs/email/fragment.test.ts"],
    reason: "the CSS juice inlines: the edition keeps no <style>, and every fragment element gets a style",
  },
  "lib/outputs/feeds/atom.ts": { tests: ["tests/feeds/atom.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/feeds/json-feed.ts": { tests: ["tests/feeds/json-feed.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/feeds/rss.ts": { tests: ["tests/feeds/rss.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/feeds/xml.ts": { tests: ["tests/feeds/xml.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/feeds/model.ts": {
    tests: ["tests/feeds/atom.test.ts", "tests/feeds/rss.test.ts", "tests/feeds/json-feed.test.ts"],
    reason:
      "types only: the serialisers' tests write channels of this shape (tests/feeds/fixture-channel.ts)",
  },
  "lib/outputs/feeds/channel.ts": {
    tests: ["tests/feeds-output.test.ts", "tests/feeds/email-services.test.ts"],
    reason: "builds the feed model from published issues: every entry of the built feeds",
  },
  "lib/outputs/filters/index.ts": {
    tests: ["tests/build.test.ts", "tests/record.test.ts"],
    reason: "the table of filters the glue registers; each filter has its own unit test",
  },
  "lib/outputs/json-ld.ts": { tests: ["tests/seo.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/social.ts": { tests: ["tests/seo.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/outputs/sitemaps.ts": { tests: ["tests/sitemaps.test.ts"], reason: NOT_YET_MIRRORED },

  // Pipeline: content, photos and views, unit-tested at older paths or through the pipeline.
  "lib/pipeline/content/check-issue.ts": { tests: ["tests/content.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/load-issues.ts": { tests: ["tests/content.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/markdown.ts": { tests: ["tests/markdown.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/numbering.ts": { tests: ["tests/numbering.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/preflight.ts": { tests: ["tests/preflight.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/raw-html.ts": { tests: ["tests/raw-html.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/read.ts": { tests: ["tests/content.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/content/record.ts": { tests: ["tests/record-views.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/body-images.ts": { tests: ["tests/content.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/credit.ts": { tests: ["tests/photos/credit.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/damage.ts": { tests: ["tests/photos/damage.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/encode-process.ts": {
    tests: ["tests/photos/encode-process.test.ts"],
    reason: NOT_YET_MIRRORED,
  },
  "lib/pipeline/photos/focus.ts": { tests: ["tests/photos/focus.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/index.ts": { tests: ["tests/photos/pipeline.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/iptc-writer.ts": {
    tests: ["tests/photos/metadata.test.ts"],
    reason: NOT_YET_MIRRORED,
  },
  "lib/pipeline/photos/manifest.ts": { tests: ["tests/photos/manifest.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/markup.ts": { tests: ["tests/photos/markup.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/metadata.ts": { tests: ["tests/photos/metadata.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/problems.ts": { tests: ["tests/photos/errors.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/process.ts": { tests: ["tests/photos/pipeline.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/progress.ts": { tests: ["tests/photos/progress.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/settings.ts": { tests: ["tests/photos/settings.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/photos/cache.ts": {
    tests: ["tests/photos/warm.test.ts", "tests/photos/pipeline.test.ts"],
    reason:
      "the photo cache through processPhotos: a warm run does no sharp work, a renamed photo reuses its object",
  },
  "lib/pipeline/photos/desk.ts": {
    tests: ["tests/pipeline/run.test.ts"],
    reason: "the pipeline run with a real photo desk: each issue view's lead photo, credit and renditions",
  },
  "lib/pipeline/photos/encode-batch.ts": {
    tests: ["tests/photos/retry.test.ts", "tests/photos/encode-process.test.ts"],
    reason: "encodes a few photos at a time, then retries each failure alone with its own reason",
  },
  "lib/pipeline/photos/encode-child.ts": {
    tests: ["tests/photos/encode-process.test.ts"],
    reason: "the child process's side: its files, manifest and progress match encoding in-process",
  },
  "lib/pipeline/photos/list-originals.ts": {
    tests: ["tests/photos/symlinks.test.ts", "tests/photos/relative-paths.test.ts"],
    reason: "which originals processPhotos finds: symbolic links refused with a reason, relative folders",
  },
  "lib/pipeline/photos/renditions.ts": {
    tests: ["tests/photos/pipeline.test.ts"],
    reason: "the renditions, crops and placeholder processPhotos writes, checked by size and format",
  },
  "lib/pipeline/site-data.ts": {
    tests: ["tests/pipeline/run.test.ts"],
    reason: "loadSiteData reads the repository's _data files for the pipeline run",
  },
  "lib/pipeline/views/archive.ts": { tests: ["tests/collections.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/views/front-page.ts": { tests: ["tests/front-page.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/views/neighbours.ts": { tests: ["tests/collections.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/pipeline/views/threads.ts": {
    tests: ["tests/record-views.test.ts", "tests/record.test.ts"],
    reason:
      "boxWindow unit-tested (not yet at the mirrored path); buildThreadViews through built thread pages and boxes",
  },

  // Shared.
  "lib/shared/dates.ts": { tests: ["tests/dates.test.ts"], reason: NOT_YET_MIRRORED },
  "lib/shared/xml.ts": {
    tests: ["tests/feeds/xml.test.ts", "tests/sitemaps.test.ts"],
    reason: NOT_YET_MIRRORED,
  },
});
