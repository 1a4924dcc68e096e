/**
 * Sharing metadata: OpenGraph and Twitter tags, and the robots directive. Pure functions over
 * plain inputs; every URL passed in must already be absolute.
 */

export interface MetaTag {
  /** OpenGraph and `article:*` tags use `property`. */
  property?: string;
  /** Twitter tags use `name`. */
  name?: string;
  content: string;
}

interface SocialImage {
  /** Absolute URL; ≥1200 px wide for Discover (features.md §4.1). */
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** OpenGraph `article:*` data; its presence makes `og:type` `article`. */
interface SocialArticle {
  /** ISO 8601 with offset. */
  publishedTime: string;
  modifiedTime?: string;
  /** The kicker. */
  section?: string;
  /** Topic names, one `article:tag` each. */
  tags?: string[];
  /** Absolute author page URLs, one `article:author` each. */
  authorUrls?: string[];
}

export interface SocialMetaInput {
  siteName: string;
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  /** BCP 47, e.g. `en-GB`. */
  locale: string;
  image?: SocialImage;
  /** Given for issues; omitted for every other page. */
  article?: SocialArticle;
}

/**
 * OpenGraph wants `language_TERRITORY`; script subtags have no place there.
 * @example toOgLocale("en-GB") // "en_GB"
 * @example toOgLocale("zh-Hant-TW") // "zh_TW"
 */
export function toOgLocale(languageTag: string): string {
  const [language = "", ...rest] = languageTag.split(/[-_]/);
  const region = rest.find((subtag) => /^(?:[a-z]{2}|\d{3})$/i.test(subtag));
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

const property = (name: string, content: string): MetaTag => ({ property: name, content });

const named = (name: string, content: string): MetaTag => ({ name, content });

function buildArticleMeta(article: SocialArticle): MetaTag[] {
  return [
    property("article:published_time", article.publishedTime),
    ...(article.modifiedTime ? [property("article:modified_time", article.modifiedTime)] : []),
    ...(article.section ? [property("article:section", article.section)] : []),
    ...(article.tags ?? []).map((tag) => property("article:tag", tag)),
    ...(article.authorUrls ?? []).map((url) => property("article:author", url)),
  ];
}

/**
 * OpenGraph and Twitter card tags in a fixed order. Values are plain text: Nunjucks
 * autoescape escapes them in the template.
 * @example buildSocialMeta(input).map((tag) => tag.property ?? tag.name) // ["og:site_name", "og:type", …]
 */
export function buildSocialMeta(input: SocialMetaInput): MetaTag[] {
  const { image, article } = input;
  return [
    property("og:site_name", input.siteName),
    property("og:type", article ? "article" : "website"),
    property("og:title", input.title),
    property("og:description", input.description),
    property("og:url", input.url),
    property("og:locale", toOgLocale(input.locale)),
    ...(image
      ? [
          property("og:image", image.url),
          property("og:image:width", String(image.width)),
          property("og:image:height", String(image.height)),
          property("og:image:alt", image.alt),
        ]
      : []),
    ...(article ? buildArticleMeta(article) : []),
    named("twitter:card", image ? "summary_large_image" : "summary"),
    named("twitter:title", input.title),
    named("twitter:description", input.description),
    ...(image ? [named("twitter:image", image.url), named("twitter:image:alt", image.alt)] : []),
  ];
}

/**
 * The robots meta directive. Previews must stay out of the index; production asks for
 * large image previews, which Discover requires (features.md §4.1).
 * @example robotsMeta(true) // "noindex, nofollow"
 */
export function robotsMeta(noindex: boolean): string {
  return noindex ? "noindex, nofollow" : "index, follow, max-image-preview:large";
}
