/**
 * Page metadata: canonical URL, robots, OpenGraph/Twitter tags and JSON-LD, plus the
 * sitemaps and robots.txt. Templates call `issueMeta` or `pageMeta` once per page.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { lastChange } from "../content.ts";
import { isoDateTime } from "../dates.ts";
import { absoluteUrl } from "../filters/absolute-url.ts";
import { photoUrl } from "../markdown.ts";
import { readPhotoSize } from "../photos/originals.ts";
import type { Authors, IssueFrontMatter, Site, Topics } from "../schema.ts";
import {
  buildNewsArticle,
  buildSocialMeta,
  buildWebSite,
  type JsonLdPublisher,
  type MetaTag,
  robotsMeta,
  serializeJsonLd,
} from "../seo.ts";

export interface SeoOptions {
  site: Site;
  authors: Authors;
  topics: Topics;
  photosDir: string;
}

export interface PageMeta {
  canonical: string;
  robots: string;
  social: MetaTag[];
  /** Serialised JSON-LD, safe inside `<script>`; empty when the page has none. */
  jsonLd: string;
}

/** What a page passes in: its URL and, for an issue, its front matter. */
export interface PageMetaInput {
  url: string;
  title: string;
  description: string;
  issue?: IssueFrontMatter;
}

export default function seoPlugin(eleventyConfig: UserConfig, options: SeoOptions): void {
  eleventyConfig.addAsyncFilter("pageMeta", (input: PageMetaInput) => describePage(input, options));
}

/** Builds every piece of metadata for one page. */
export async function describePage(input: PageMetaInput, options: SeoOptions): Promise<PageMeta> {
  const { site } = options;
  const canonical = absoluteUrl(input.url, site.url);
  const publisher: JsonLdPublisher = {
    name: site.publisher.name,
    url: absoluteUrl("/", site.url),
    logo: { url: absoluteUrl(site.publisher.logo, site.url) },
  };
  const base = { canonical, robots: robotsMeta(site.noindex) };
  if (!input.issue) {
    const social = buildSocialMeta({
      siteName: site.title,
      title: input.title,
      description: input.description,
      url: canonical,
      locale: site.language,
    });
    const jsonLd =
      input.url === "/"
        ? serializeJsonLd(
            buildWebSite({
              name: site.title,
              url: canonical,
              description: site.description,
              inLanguage: site.language,
              publisher,
            }),
          )
        : "";
    return { ...base, social, jsonLd };
  }

  const issue = input.issue;
  const zone = site.timeZone;
  const published = isoDateTime(issue.date, zone);
  const modified = isoDateTime(lastChange(issue), zone);
  const authors = issue.authors.map((id) => ({
    name: options.authors[id]?.name ?? id,
    url: absoluteUrl(`/authors/${id}/`, site.url),
  }));
  const topics = issue.topics.map((id) => ({
    name: options.topics[id]?.name ?? id,
    url: absoluteUrl(`/topics/${id}/`, site.url),
  }));
  const photo = issue.photo;
  const size = photo ? await readPhotoSize(options.photosDir, photo.src) : undefined;
  const image =
    photo && size
      ? { url: absoluteUrl(photoUrl(photo.src), site.url), width: size.width, height: size.height }
      : undefined;

  const article = buildNewsArticle({
    url: canonical,
    headline: issue.title,
    description: issue.dek,
    datePublished: published,
    dateModified: modified,
    authors,
    ...(image && photo
      ? {
          images: [
            {
              ...image,
              ...(photo.caption ? { caption: photo.caption } : {}),
              ...(photo.credit ? { creditText: photo.credit } : {}),
            },
          ],
        }
      : {}),
    ...(issue.dateline ? { dateline: issue.dateline } : {}),
    ...(issue.kicker ? { section: issue.kicker } : {}),
    topics,
    inLanguage: site.language,
    publisher,
    corrections: (issue.corrections ?? []).map((correction) => ({
      text: correction.text,
      datePublished: isoDateTime(correction.date, zone),
    })),
  });
  const social = buildSocialMeta({
    siteName: site.title,
    title: issue.title,
    description: issue.dek,
    url: canonical,
    locale: site.language,
    ...(image && photo ? { image: { ...image, alt: photo.alt } } : {}),
    article: {
      publishedTime: published,
      modifiedTime: modified,
      ...(issue.kicker ? { section: issue.kicker } : {}),
      tags: topics.map((topic) => topic.name),
      authorUrls: authors.map((author) => author.url),
    },
  });
  return { ...base, social, jsonLd: serializeJsonLd(article) };
}
