/**
 * Page metadata: canonical URL, robots, OpenGraph/Twitter tags and JSON-LD, plus the
 * sitemaps and robots.txt. Templates call `pageMeta` once per page.
 */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { digitalSourceSchemaValue } from "../contract/digital-source.ts";
import { ENTITY_KIND_INFO, ENTITY_KINDS, type Entities } from "../contract/entities.ts";
import type { PhotoEntry } from "../contract/photo-manifest.ts";
import { POLICY_PROPERTIES, policyEntries } from "../contract/policies.ts";
import { type Authors, findById, type IssueFrontMatter, type Site, type Topics } from "../contract/schema.ts";
import type { Threads } from "../contract/threads.ts";
import { absolutePhotoUrl, homeUrl } from "../contract/urls.ts";
import { absoluteUrl } from "../outputs/filters/absolute-url.ts";
import {
  buildEntityPage,
  buildNewsArticle,
  buildProfilePage,
  buildWebSite,
  type JsonLdAuthor,
  type JsonLdEntity,
  type JsonLdImage,
  type JsonLdPartOf,
  type JsonLdPublisher,
  serializeJsonLd,
} from "../outputs/json-ld.ts";
import { buildSocialMeta, type MetaTag, robotsMeta } from "../outputs/social.ts";
import type { PhotoText } from "../pipeline/photos/credit.ts";
import { type EntitySummary, summariseEntity } from "../pipeline/views/entities.ts";
import type { IssueView } from "../pipeline/views/issue.ts";
import { isoDateTime } from "../shared/dates.ts";
import type { PhotoDesk } from "./photos.ts";

export interface SeoOptions {
  site: Site;
  authors: Authors;
  topics: Topics;
  photos: PhotoDesk;
  /** People, places and organisations: issue `mentions` and entity pages. */
  entities?: Entities;
  /** Story threads: an issue's `isPartOf` series. */
  threads?: Threads;
}

interface PageMeta {
  canonical: string;
  robots: string;
  social: MetaTag[];
  /** Serialised JSON-LD, safe inside `<script>`; empty when the page has none. */
  jsonLd: string;
}

/** What a page passes in: its URL and, for an issue, its front matter. */
interface PageMetaInput {
  url: string;
  title: string;
  description: string;
  issue?: IssueView;
  /** On a person's, place's or organisation's page: who or what it is about. */
  entity?: EntitySummary;
  /** On an author's page: the author. */
  author?: Authors[string] & { id: string };
}

export default function seoPlugin(eleventyConfig: UserConfig, options: SeoOptions): void {
  eleventyConfig.addFilter("pageMeta", (input: PageMetaInput) => describePage(input, options));
}

/** Builds every piece of metadata for one page. */
function describePage(input: PageMetaInput, options: SeoOptions): PageMeta {
  const { site } = options;
  const canonical = absoluteUrl(input.url, site.url);
  const publisher: JsonLdPublisher = {
    name: site.publisher.name,
    url: absoluteUrl("/", site.url),
    logo: { url: absoluteUrl(site.publisher.logo, site.url) },
    ...(site.policies
      ? {
          policies: Object.fromEntries(
            policyEntries(site.policies).map(([name, path]) => [
              POLICY_PROPERTIES[name],
              absoluteUrl(path, site.url),
            ]),
          ),
        }
      : {}),
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
    const jsonLd = input.author
      ? serializeJsonLd(
          buildProfilePage({
            url: canonical,
            person: {
              name: input.author.name,
              url: canonical,
              ...(input.author.role ? { jobTitle: input.author.role } : {}),
              description: input.author.bio,
              ...knowledgeOf(input.author),
            },
            inLanguage: site.language,
            publisher,
          }),
        )
      : input.entity
        ? serializeJsonLd(
            buildEntityPage({
              url: canonical,
              entity: jsonLdEntity(input.entity, site.url),
              description: input.entity.description,
              asOf: input.entity.asOf,
              ...(input.entity.role ? { jobTitle: input.entity.role } : {}),
              ...(input.entity.organisation
                ? {
                    worksFor: {
                      type: "Organization",
                      name: input.entity.organisation.name,
                      url: absoluteUrl(input.entity.organisation.url, site.url),
                    },
                  }
                : {}),
              ...(input.entity.country ? { country: input.entity.country } : {}),
              inLanguage: site.language,
              publisher,
            }),
          )
        : input.url === "/"
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

  const view = input.issue;
  const issue = view.data;
  const zone = site.timeZone;
  const published = view.published.iso;
  const modified = isoDateTime(view.lastChange.date, zone);
  const authors = view.authors.map((author) => ({
    name: author.name,
    url: absoluteUrl(author.url, site.url),
    ...knowledgeOf(findById(options.authors, author.id)),
  }));
  const topics = view.topics.map((topic) => ({ name: topic.name, url: absoluteUrl(topic.url, site.url) }));
  // The lead photo's crops, or the site's card: Google wants 16:9, 4:3 and 1:1, never the logo.
  const lead = view.photo;
  const photo = lead ?? site.card;
  const entry = lead ? lead.entry : options.photos.entry(site.card.src);
  const text = lead ?? options.photos.text(site.card);
  const images = entry ? describeCrops(entry, site.url, text) : [];
  const ogCrop = entry?.crops.og;
  const article = buildNewsArticle({
    type: view.workType.schemaType,
    url: canonical,
    headline: view.title,
    description: view.dek,
    datePublished: published,
    dateModified: modified,
    authors,
    images,
    ...(view.dateline ? { dateline: view.dateline } : {}),
    ...(view.kicker ? { section: view.kicker } : {}),
    topics,
    inLanguage: site.language,
    publisher,
    corrections: (issue.corrections ?? []).map((correction) => ({
      text: correction.text,
      datePublished: isoDateTime(correction.date, zone),
    })),
    mentions: describeMentions(issue, options.entities, site.url),
    partOf: describePartOf(view, options),
    citations: view.sources.map((source) => ({
      name: source.title,
      url: source.url,
      ...(source.publisher ? { publisher: source.publisher } : {}),
      ...(source.date ? { datePublished: source.date.iso } : {}),
      ...(source.archived ? { archivedAt: source.archived } : {}),
    })),
    ...(view.reporting?.backstoryText ? { backstory: view.reporting.backstoryText } : {}),
  });
  const social = buildSocialMeta({
    siteName: site.title,
    title: view.title,
    description: view.dek,
    url: canonical,
    locale: site.language,
    ...(ogCrop
      ? {
          image: {
            url: absolutePhotoUrl(ogCrop.path, site.url),
            width: ogCrop.width,
            height: ogCrop.height,
            // Shared cards show no caption: a synthetic or composite image says so in its alt.
            alt: lead?.sourceLabel ? `${lead.sourceLabel}: ${photo.alt}` : photo.alt,
          },
        }
      : {}),
    article: {
      publishedTime: published,
      modifiedTime: modified,
      ...(view.kicker ? { section: view.kicker } : {}),
      tags: topics.map((topic) => topic.name),
      authorUrls: authors.map((author) => author.url),
    },
  });
  return { ...base, social, jsonLd: serializeJsonLd(article) };
}

/** The issue's number (on a numbered site) and its story thread, for JSON-LD `isPartOf`. */
function describePartOf(view: IssueView, options: SeoOptions): JsonLdPartOf | undefined {
  const { site } = options;
  const issueNumber = view.number;
  const thread = view.thread;
  const summary = thread && options.threads ? findById(options.threads, thread.id)?.summary : undefined;
  if (issueNumber === undefined && !thread) return undefined;
  return {
    ...(issueNumber !== undefined ? { issueNumber } : {}),
    periodical: { name: site.title, url: absoluteUrl(homeUrl, site.url) },
    ...(thread
      ? { series: { name: thread.name, url: absoluteUrl(thread.url, site.url), description: summary ?? "" } }
      : {}),
  };
}

/** The entities an issue lists, as JSON-LD `mentions`: by kind, in front-matter order. */
function describeMentions(
  issue: IssueFrontMatter,
  entities: Entities | undefined,
  origin: string,
): JsonLdEntity[] {
  if (!entities) return [];
  return ENTITY_KINDS.flatMap((kind) =>
    (issue[kind] ?? []).flatMap((id) => {
      const summary = summariseEntity(entities, kind, id);
      return summary ? [jsonLdEntity(summary, origin)] : [];
    }),
  );
}

function jsonLdEntity(entity: EntitySummary, origin: string): JsonLdEntity {
  return {
    type: ENTITY_KIND_INFO[entity.kind].schemaType,
    name: entity.name,
    url: absoluteUrl(entity.url, origin),
    ...(entity.wikidataUrl ? { sameAs: entity.wikidataUrl } : {}),
  };
}

/** JSON-LD images: the 16:9, 4:3 and 1:1 crops, each with the photo's credit, licence and source type. */
function describeCrops(entry: PhotoEntry, origin: string, text: PhotoText): JsonLdImage[] {
  return (["16x9", "4x3", "1x1"] as const).map((name) => {
    const crop = entry.crops[name];
    return {
      url: absolutePhotoUrl(crop.path, origin),
      width: crop.width,
      height: crop.height,
      ...(text.caption ? { caption: text.caption } : {}),
      ...(text.credit ? { creditText: text.credit } : {}),
      ...(text.creator ? { creator: text.creator } : {}),
      ...(text.copyrightNotice ? { copyrightNotice: text.copyrightNotice } : {}),
      ...(text.license ? { license: text.license } : {}),
      ...(text.acquireLicensePage ? { acquireLicensePage: text.acquireLicensePage } : {}),
      ...(text.sourceType ? { digitalSourceType: digitalSourceSchemaValue(text.sourceType) } : {}),
    };
  });
}

/** An author's expertise, languages and profiles as JSON-LD reads them. */
function knowledgeOf(
  author: Authors[string] | undefined,
): Pick<JsonLdAuthor, "knowsAbout" | "knowsLanguage" | "sameAs"> {
  if (!author) return {};
  return {
    ...(author.expertise ? { knowsAbout: author.expertise } : {}),
    ...(author.languages?.length ? { knowsLanguage: author.languages } : {}),
    ...(author.sameAs?.length ? { sameAs: author.sameAs } : {}),
  };
}
