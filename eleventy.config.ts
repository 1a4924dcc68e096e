/**
 * Dateline's Eleventy configuration: a table of contents. Each concern is a plugin
 * under lib/; content lives in src/ (DESIGN.md §1).
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import authors from "./_data/authors.ts";
import organisations from "./_data/organisations.ts";
import people from "./_data/people.ts";
import places from "./_data/places.ts";
import site from "./_data/site.ts";
import threads from "./_data/threads.ts";
import topics from "./_data/topics.ts";
import { shownPath } from "./lib/build/errors.ts";
import { rejectUnsafeKeys } from "./lib/contract/record-problems.ts";
import contentPlugin from "./lib/eleventy/content.ts";
import devServerPlugin from "./lib/eleventy/dev-server.ts";
import emailPlugin from "./lib/eleventy/email.ts";
import feedsPlugin from "./lib/eleventy/feeds.ts";
import filtersPlugin from "./lib/eleventy/filters.ts";
import hashedAssetsPlugin from "./lib/eleventy/hashed-assets.ts";
import photosPlugin, { createPhotoDesk } from "./lib/eleventy/photos.ts";
import seoPlugin from "./lib/eleventy/seo.ts";
import sitemapsPlugin from "./lib/eleventy/sitemaps.ts";
import { createMarkdown } from "./lib/pipeline/content/markdown.ts";
import { defaultCacheDir } from "./lib/pipeline/photos/index.ts";
import { importSourceModule } from "./lib/shared/source-modules.ts";
import * as emailHtml from "./src/email-html.11ty.ts";
import * as emailMessage from "./src/email-message.11ty.ts";
import * as emailText from "./src/email-text.11ty.ts";
import * as feeds from "./src/feeds.11ty.ts";
import * as hashedAssets from "./src/hashed-assets.11ty.ts";
import * as newsSitemap from "./src/news-sitemap.xml.11ty.ts";
import * as robotsTxt from "./src/robots.txt.11ty.ts";
import * as sitemapXml from "./src/sitemap.xml.11ty.ts";
import * as trustTxt from "./src/trust.txt.11ty.ts";

/**
 * The templates written in TypeScript, added as Eleventy JavaScript templates (`src/<name>.11ty.js`
 * to Eleventy). Imported here, not by Eleventy, so the bundled build (scripts/run.mjs) carries them.
 */
const scriptTemplates = {
  "email-html": emailHtml,
  "email-message": emailMessage,
  "email-text": emailText,
  feeds,
  "hashed-assets": hashedAssets,
  "news-sitemap.xml": newsSitemap,
  "robots.txt": robotsTxt,
  "sitemap.xml": sitemapXml,
  "trust.txt": trustTxt,
};

/** People, places and organisations (lib/entities.ts), checked by the content stage. */
const entities = { people, places, organisations };

export const config = {
  // Output stays Eleventy's default (_site) so the build script and tests can redirect it.
  dir: { input: "src", includes: "../_includes", data: "../_data" },
  templateFormats: ["md", "njk", "11ty.js"],
  htmlTemplateEngine: "njk",
  // Issues are prose: a "{{" a writer types stays text, and skipping the pass is faster.
  markdownTemplateEngine: false,
} as const;

export default function (eleventyConfig: UserConfig): void {
  for (const [name, template] of Object.entries(scriptTemplates))
    eleventyConfig.addTemplate(`${name}.11ty.js`, { ...template });

  // TypeScript data files (skipped silently without this). Each is refused with one line if it
  // uses a key like ["__proto__"], before Eleventy merges it.
  eleventyConfig.addDataExtension("ts", {
    parser: async (path) => {
      const module = (await importSourceModule(path)) as { default: unknown };
      return rejectUnsafeKeys(module.default, shownPath(path));
    },
    read: false,
  });

  // An issue's `authors: [ids]` must replace the global `authors` record, not merge into it.
  eleventyConfig.setDataDeepMerge(false);

  // Safety: templates escape by default; raw HTML must be marked `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });

  // Photos: renditions and credits, made before anything renders. Netlify keeps
  // node_modules between builds, so the cache survives there (README, Deploy).
  const photos = createPhotoDesk({
    photosDir: "assets/photos",
    cacheDir: defaultCacheDir(),
  });
  eleventyConfig.addPlugin(photosPlugin, photos);

  // Content: read and check every issue once, then the views every page and feed reads.
  const markdown = createMarkdown({ renderFigure: photos.renderBodyFigure });
  const feedContext = { site, topics, entities, threads };
  eleventyConfig.addPlugin(contentPlugin, {
    site,
    authors,
    topics,
    photos,
    markdown,
    issuesDir: "src/issues",
    entities,
    threads,
    feeds: feedContext,
  });

  // Rendering.
  eleventyConfig.setLibrary("md", markdown);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(hashedAssetsPlugin, {
    stylesheet: "assets/css/site.css",
    searchScript: "assets/js/search.js",
  });

  // Outputs beyond pages.
  eleventyConfig.addPlugin(feedsPlugin, feedContext);
  eleventyConfig.addPlugin(seoPlugin, { site, authors, topics, photos, entities, threads });
  eleventyConfig.addPlugin(sitemapsPlugin, { site });
  eleventyConfig.addPlugin(emailPlugin, { site });

  // The dev server (npm start) listens on loopback: it shows drafts.
  eleventyConfig.addPlugin(devServerPlugin, { origin: site.url });

  // Static files (photos are published by the photo desk, never as originals).
  eleventyConfig.addPassthroughCopy({
    "assets/logo.png": "assets/logo.png",
    "assets/icon.svg": "assets/icon.svg",
  });
}
