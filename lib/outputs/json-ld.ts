/**
 * schema.org JSON-LD: the NewsArticle of an issue, an entity's page, the WebSite, and the one
 * safe serialisation into a `<script>` block. Pure functions over plain inputs, so templates
 * stay dumb and tests need no Eleventy. Every URL passed in must already be absolute; every date is an ISO 8601 string
 * with its offset and is emitted exactly as given (features.md §4.1).
 */

import type { POLICY_PROPERTIES, PolicyName } from "../contract/policies.ts";
import type { ArticleSchemaType } from "../contract/work-types.ts";

/** A byline entry: Google wants `name` to hold only the name, plus a `url` (features.md §4.1). */
export interface JsonLdAuthor {
  name: string;
  /** Absolute URL of the author's page on the site. */
  url: string;
  /** Profiles elsewhere, emitted as `sameAs` when non-empty. */
  sameAs?: string[];
  /** What they know best (`knowsAbout`). */
  knowsAbout?: string;
  /** Languages they report in (`knowsLanguage`). */
  knowsLanguage?: string[];
  /** Their role (`jobTitle`), on their own page. */
  jobTitle?: string;
  /** Their bio (`description`), on their own page. */
  description?: string;
}

export interface ProfilePageInput {
  url: string;
  person: JsonLdAuthor;
  inLanguage: string;
  publisher: JsonLdPublisher;
}

/** schema.org `ProfilePage` for an author's page: the Person, with what they know and where else they are. */
export function buildProfilePage(input: ProfilePageInput): Record<string, unknown> {
  return compactObject({
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: input.url,
    inLanguage: input.inLanguage,
    mainEntity: buildPerson(input.person),
    publisher: buildPublisher(input.publisher),
  });
}

/** One rendition of the lead photo with the licence data Google reads (features.md §4.1). */
export interface JsonLdImage {
  url: string;
  width: number;
  height: number;
  caption?: string;
  creditText?: string;
  /** The photographer, emitted as a `Person`. */
  creator?: string;
  copyrightNotice?: string;
  /** The page stating the photo's rights. */
  license?: string;
  /** Where a licence can be had. */
  acquireLicensePage?: string;
  /** How the image was made: a schema.org IPTCDigitalSourceEnumeration member's address. */
  digitalSourceType?: string;
}

interface JsonLdTopic {
  name: string;
  /** Absolute URL of the topic page. */
  url?: string;
}

/** A person, place or organisation an issue names, or an entity page is about. */
export interface JsonLdEntity {
  type: "Person" | "Place" | "Organization";
  name: string;
  /** Absolute URL of the entity's page on the site. */
  url: string;
  /** The Wikidata page, emitted as `sameAs` when given. */
  sameAs?: string;
}

/** An entity page: the entity and what the page says of it. */
export interface EntityPageInput {
  /** Absolute canonical URL of the page. */
  url: string;
  entity: JsonLdEntity;
  /** One line, as of `asOf`. */
  description: string;
  /** `2025-04-10`: the day the description was true. */
  asOf: string;
  /** A person's role, and the organisation they hold it in. */
  jobTitle?: string;
  worksFor?: JsonLdEntity;
  /** A place's country. */
  country?: string;
  inLanguage: string;
  publisher: JsonLdPublisher;
}

interface JsonLdCorrection {
  text: string;
  /** ISO 8601 with offset. */
  datePublished: string;
}

export interface JsonLdPublisher {
  name: string;
  /** Absolute site origin. */
  url: string;
  logo: { url: string; width?: number; height?: number };
  /** Each policy's absolute URL by its schema.org property (`correctionsPolicy`, `ethicsPolicy`, `masthead`…). */
  policies?: Partial<Record<(typeof POLICY_PROPERTIES)[PolicyName], string>>;
}

/** What an issue is part of: a numbered issue of the periodical, and a story thread. */
export interface JsonLdPartOf {
  /** "No. 42" as `PublicationIssue.issueNumber`. */
  issueNumber?: number;
  /** The periodical's name (the site's title), for the `PublicationIssue`'s own `isPartOf`. */
  periodical: { name: string; url: string };
  series?: { name: string; url: string; description?: string };
}

export interface NewsArticleInput {
  /** `NewsArticle` or the subtype of its type of work (lib/contract/work-types.ts). */
  type: ArticleSchemaType;
  /** Absolute canonical URL of the issue. */
  url: string;
  headline: string;
  /** Plain-text standfirst. */
  description: string;
  /** ISO 8601 with offset, e.g. `2025-04-10T16:30:00+03:00`. */
  datePublished: string;
  /** ISO 8601 with offset; defaults to `datePublished`, since Google recommends always giving it. */
  dateModified?: string;
  authors: JsonLdAuthor[];
  /** Absolute URLs of the 16:9, 4:3 and 1:1 renditions; used when `images` is absent or empty. */
  imageUrls?: string[];
  /** The renditions with size and credit; when non-empty they win over `imageUrls`. */
  images?: JsonLdImage[];
  /** Where the reporting was done, e.g. `ISTANBUL`. */
  dateline?: string;
  /** The kicker, e.g. `Diplomacy`. */
  section?: string;
  topics?: JsonLdTopic[];
  /** BCP 47, e.g. `en-GB`. */
  inLanguage: string;
  publisher: JsonLdPublisher;
  corrections?: JsonLdCorrection[];
  /** The people, places and organisations the issue lists. */
  mentions?: JsonLdEntity[];
  /** Its issue number and story thread, when it has them. */
  partOf?: JsonLdPartOf;
  /** The sources it cites (`citation`), each with its archived copy when it has one. */
  citations?: JsonLdCitation[];
  /** How it was reported, as plain text (`backstory`). */
  backstory?: string;
}

interface JsonLdCitation {
  name: string;
  url: string;
  publisher?: string;
  /** `2025-04-10`. */
  datePublished?: string;
  archivedAt?: string;
}

export interface WebSiteInput {
  name: string;
  url: string;
  description: string;
  inLanguage?: string;
  publisher: JsonLdPublisher;
}

/**
 * Drops keys whose value is `undefined`, keeping the literal's key order, so the JSON is
 * byte-for-byte stable between builds.
 * @example compactObject({ a: 1, b: undefined }) // { a: 1 }
 */
function compactObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

/** `undefined` for an empty or missing list, so `compactObject` drops the key. */
function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function buildPerson(author: JsonLdAuthor): Record<string, unknown> {
  return compactObject({
    "@type": "Person",
    name: author.name,
    url: author.url,
    jobTitle: author.jobTitle,
    description: author.description,
    knowsAbout: author.knowsAbout,
    knowsLanguage: nonEmpty(author.knowsLanguage),
    sameAs: nonEmpty(author.sameAs),
  });
}

function buildEntity(entity: JsonLdEntity): Record<string, unknown> {
  return compactObject({ "@type": entity.type, name: entity.name, url: entity.url, sameAs: entity.sameAs });
}

function buildImageObject(image: JsonLdImage): Record<string, unknown> {
  return compactObject({
    "@type": "ImageObject",
    contentUrl: image.url,
    url: image.url,
    width: image.width,
    height: image.height,
    caption: image.caption,
    creditText: image.creditText,
    creator: image.creator === undefined ? undefined : { "@type": "Person", name: image.creator },
    copyrightNotice: image.copyrightNotice,
    license: image.license,
    acquireLicensePage: image.acquireLicensePage,
    digitalSourceType: image.digitalSourceType,
  });
}

/** Full `ImageObject`s when sizes/credits are known, else bare URLs, else nothing. */
function buildArticleImage(input: NewsArticleInput): unknown[] | undefined {
  const images = nonEmpty(input.images);
  if (images) return images.map(buildImageObject);
  return nonEmpty(input.imageUrls);
}

/** The publisher as a news organisation; shared by `NewsArticle` and `WebSite`. */
function buildPublisher(publisher: JsonLdPublisher): Record<string, unknown> {
  return {
    "@type": "NewsMediaOrganization",
    name: publisher.name,
    url: publisher.url,
    logo: compactObject({
      "@type": "ImageObject",
      url: publisher.logo.url,
      width: publisher.logo.width,
      height: publisher.logo.height,
    }),
    ...compactObject({ ...publisher.policies }),
  };
}

/**
 * `isPartOf` for an issue: a `PublicationIssue` (with `issueNumber`, itself part of the
 * `Periodical`) and a `CreativeWorkSeries` for its story thread; undefined when it has neither.
 */
function buildPartOf(partOf: JsonLdPartOf | undefined): Record<string, unknown>[] | undefined {
  if (!partOf) return undefined;
  const parts: Record<string, unknown>[] = [];
  if (partOf.issueNumber !== undefined) {
    parts.push({
      "@type": "PublicationIssue",
      issueNumber: partOf.issueNumber,
      isPartOf: { "@type": "Periodical", name: partOf.periodical.name, url: partOf.periodical.url },
    });
  }
  if (partOf.series) {
    parts.push(
      compactObject({
        "@type": "CreativeWorkSeries",
        name: partOf.series.name,
        url: partOf.series.url,
        description: partOf.series.description,
      }),
    );
  }
  return nonEmpty(parts);
}

/**
 * schema.org `NewsArticle` (or its type of work's subtype, e.g. `OpinionNewsArticle`) for an issue page, with the properties Google recommends
 * (author with url, dates with offsets, several image renditions) and the newsroom extras
 * no generic SSG emits: `dateline`, image credits and `correction`.
 * @example serializeJsonLd(buildNewsArticle(input)) // goes inside <script type="application/ld+json">
 */
export function buildNewsArticle(input: NewsArticleInput): Record<string, unknown> {
  const topics = nonEmpty(input.topics);
  const corrections = nonEmpty(input.corrections);
  const mentions = nonEmpty(input.mentions);
  return compactObject({
    "@context": "https://schema.org",
    "@type": input.type,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified ?? input.datePublished,
    author: input.authors.map(buildPerson),
    image: buildArticleImage(input),
    dateline: input.dateline,
    articleSection: input.section,
    keywords: topics?.map((topic) => topic.name),
    about: topics?.map((topic) => compactObject({ "@type": "Thing", name: topic.name, url: topic.url })),
    mentions: mentions?.map(buildEntity),
    isPartOf: buildPartOf(input.partOf),
    inLanguage: input.inLanguage,
    isAccessibleForFree: true,
    publisher: buildPublisher(input.publisher),
    correction: corrections?.map((correction) => ({
      "@type": "CorrectionComment",
      text: correction.text,
      datePublished: correction.datePublished,
    })),
    citation: nonEmpty(input.citations)?.map((source) =>
      compactObject({
        "@type": "CreativeWork",
        name: source.name,
        url: source.url,
        publisher:
          source.publisher === undefined ? undefined : { "@type": "Organization", name: source.publisher },
        datePublished: source.datePublished,
        archivedAt: source.archivedAt,
      }),
    ),
    backstory: input.backstory,
  });
}

/**
 * schema.org `CollectionPage` for a person's, place's or organisation's page: the page lists
 * the issues that name its `mainEntity`, which carries the description and `sameAs`.
 */
export function buildEntityPage(input: EntityPageInput): Record<string, unknown> {
  return compactObject({
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url: input.url,
    name: input.entity.name,
    description: input.description,
    inLanguage: input.inLanguage,
    publisher: buildPublisher(input.publisher),
    mainEntity: compactObject({
      ...buildEntity(input.entity),
      description: input.description,
      jobTitle: input.jobTitle,
      worksFor: input.worksFor ? buildEntity(input.worksFor) : undefined,
      containedInPlace: input.country ? { "@type": "Country", name: input.country } : undefined,
    }),
  });
}

/** schema.org `WebSite` for the home page: names the site and ties it to its publisher. */
export function buildWebSite(input: WebSiteInput): Record<string, unknown> {
  return compactObject({
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: input.name,
    url: input.url,
    description: input.description,
    inLanguage: input.inLanguage,
    publisher: buildPublisher(input.publisher),
  });
}

/** C0 controls except tab, LF and CR: never meaningful in metadata. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const C0_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Characters that could end the `<script>` element or open a comment, and JS line breaks. */
const SCRIPT_UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for inside `<script type="application/ld+json">`. `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026` (valid JSON escapes, so parsers read back the same text) so that a
 * headline holding `</script>` or `<!--` cannot end the element; U+2028/U+2029 are escaped
 * for tools that treat the block as JavaScript. C0 control characters (other than tab, LF,
 * CR) are removed from string values rather than escaped: JSON would escape them safely,
 * but they are always typing accidents and some consumers choke on them.
 * @example serializeJsonLd({ headline: "</script>" }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === "string" ? entry.replace(C0_CONTROLS, "") : entry,
  );
  if (json === undefined) throw new TypeError("serializeJsonLd: value has no JSON form");
  return json.replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_UNSAFE[char] ?? char);
}
