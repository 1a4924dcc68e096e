import { describe, expect, it } from "vitest";
import {
  buildEntityPage,
  buildNewsArticle,
  buildWebSite,
  type JsonLdPublisher,
  type NewsArticleInput,
  serializeJsonLd,
} from "../lib/outputs/json-ld.ts";
import { buildSocialMeta, robotsMeta, type SocialMetaInput, toOgLocale } from "../lib/outputs/social.ts";

const SITE = "https://dateline.example";

const publisher: JsonLdPublisher = {
  name: "Dateline",
  url: SITE,
  logo: { url: `${SITE}/assets/logo.png`, width: 600, height: 60 },
};

const issue: NewsArticleInput = {
  type: "NewsArticle",
  url: `${SITE}/2025/04/istanbul-consulate/`,
  headline: "Istanbul's consulate row deepens",
  description: "Ankara summons the ambassador for the second time this month.",
  datePublished: "2025-04-10T16:30:00+03:00",
  dateModified: "2025-04-11T09:05:00+03:00",
  authors: [
    { name: "Ayşe Kaya", url: `${SITE}/authors/ayse-kaya/` },
    { name: "Sonata Coulter", url: `${SITE}/authors/sonata-coulter/`, sameAs: ["https://x.example/sonata"] },
  ],
  images: [
    {
      url: `${SITE}/photos/consulate-16x9.jpg`,
      width: 1600,
      height: 900,
      caption: "Police outside the consulate.",
      creditText: "REUTERS/Umit Bektas",
      creator: "Umit Bektas",
      copyrightNotice: "© Reuters 2025",
    },
    { url: `${SITE}/photos/consulate-1x1.jpg`, width: 1200, height: 1200, creditText: "REUTERS/Umit Bektas" },
  ],
  dateline: "ISTANBUL",
  section: "Analysis",
  topics: [
    { name: "Turkey", url: `${SITE}/topics/turkey/` },
    { name: "Diplomacy", url: `${SITE}/topics/diplomacy/` },
  ],
  inLanguage: "en-GB",
  publisher,
  corrections: [
    { text: "An earlier version misnamed the consul.", datePublished: "2025-04-11T09:05:00+03:00" },
  ],
};

/** The smallest valid input: every optional field left out. */
const bare: NewsArticleInput = {
  type: "NewsArticle",
  url: `${SITE}/2025/04/bare/`,
  headline: "Bare",
  description: "Nothing optional.",
  datePublished: "2025-04-10T16:30:00Z",
  authors: [{ name: "Ayşe Kaya", url: `${SITE}/authors/ayse-kaya/` }],
  inLanguage: "en-GB",
  publisher: { name: "Dateline", url: SITE, logo: { url: `${SITE}/assets/logo.png` } },
};

describe("buildNewsArticle", () => {
  const article = buildNewsArticle(issue);

  it("declares a schema.org NewsArticle whose main entity is the issue page", () => {
    expect(article["@context"]).toBe("https://schema.org");
    expect(article["@type"]).toBe("NewsArticle");
    expect(article.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": issue.url });
    expect(article.url).toBe(issue.url);
  });

  it.each([
    ["headline", "Istanbul's consulate row deepens"],
    ["description", "Ankara summons the ambassador for the second time this month."],
    ["datePublished", "2025-04-10T16:30:00+03:00"],
    ["dateModified", "2025-04-11T09:05:00+03:00"],
    ["dateline", "ISTANBUL"],
    ["articleSection", "Analysis"],
    ["inLanguage", "en-GB"],
    ["isAccessibleForFree", true],
  ])("sets %s to the given value, exactly", (key, value) => {
    expect(article[key]).toBe(value);
  });

  it("lists one Person with a url per author", () => {
    expect(article.author).toEqual([
      { "@type": "Person", name: "Ayşe Kaya", url: `${SITE}/authors/ayse-kaya/` },
      {
        "@type": "Person",
        name: "Sonata Coulter",
        url: `${SITE}/authors/sonata-coulter/`,
        sameAs: ["https://x.example/sonata"],
      },
    ]);
  });

  it("gives the images as ImageObjects with contentUrl, size and credits", () => {
    expect(article.image).toEqual([
      {
        "@type": "ImageObject",
        contentUrl: `${SITE}/photos/consulate-16x9.jpg`,
        url: `${SITE}/photos/consulate-16x9.jpg`,
        width: 1600,
        height: 900,
        caption: "Police outside the consulate.",
        creditText: "REUTERS/Umit Bektas",
        creator: { "@type": "Person", name: "Umit Bektas" },
        copyrightNotice: "© Reuters 2025",
      },
      {
        "@type": "ImageObject",
        contentUrl: `${SITE}/photos/consulate-1x1.jpg`,
        url: `${SITE}/photos/consulate-1x1.jpg`,
        width: 1200,
        height: 1200,
        creditText: "REUTERS/Umit Bektas",
      },
    ]);
  });

  it("gives bare image URLs when no sizes or credits are known", () => {
    const urls = [`${SITE}/a-16x9.jpg`, `${SITE}/a-4x3.jpg`, `${SITE}/a-1x1.jpg`];
    expect(buildNewsArticle({ ...bare, imageUrls: urls }).image).toEqual(urls);
  });

  it("names the publisher as a NewsMediaOrganization with its logo", () => {
    expect(article.publisher).toEqual({
      "@type": "NewsMediaOrganization",
      name: "Dateline",
      url: SITE,
      logo: { "@type": "ImageObject", url: `${SITE}/assets/logo.png`, width: 600, height: 60 },
    });
  });

  it("turns topics into keywords and about Things", () => {
    expect(article.keywords).toEqual(["Turkey", "Diplomacy"]);
    expect(article.about).toEqual([
      { "@type": "Thing", name: "Turkey", url: `${SITE}/topics/turkey/` },
      { "@type": "Thing", name: "Diplomacy", url: `${SITE}/topics/diplomacy/` },
    ]);
  });

  it("records corrections as CorrectionComments", () => {
    expect(article.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "An earlier version misnamed the consul.",
        datePublished: "2025-04-11T09:05:00+03:00",
      },
    ]);
  });

  it.each([
    ["AnalysisNewsArticle"],
    ["OpinionNewsArticle"],
    ["BackgroundNewsArticle"],
    ["ReviewNewsArticle"],
  ] as const)("takes its @type from the type of work: %s", (type) => {
    expect(buildNewsArticle({ ...issue, type })["@type"]).toBe(type);
  });

  it("cites its sources as CreativeWorks with the archived copy, and gives the backstory as text", () => {
    const article = buildNewsArticle({
      ...bare,
      citations: [
        {
          name: "The statement",
          url: "https://example.org/s",
          publisher: "Russian foreign ministry",
          datePublished: "2025-04-10",
          archivedAt: "https://example.org/a",
        },
        { name: "A briefing", url: "https://example.org/b" },
      ],
      backstory: "No one was interviewed.",
    });
    expect(article.citation).toEqual([
      {
        "@type": "CreativeWork",
        name: "The statement",
        url: "https://example.org/s",
        publisher: { "@type": "Organization", name: "Russian foreign ministry" },
        datePublished: "2025-04-10",
        archivedAt: "https://example.org/a",
      },
      { "@type": "CreativeWork", name: "A briefing", url: "https://example.org/b" },
    ]);
    expect(article.backstory).toBe("No one was interviewed.");
  });

  it("keeps hostile text in a source and the backstory inert inside the script element", () => {
    const hostile = "</script><script>alert(1)</script>]]>\u202Egnp.exe";
    const json = serializeJsonLd(
      buildNewsArticle({
        ...bare,
        citations: [{ name: hostile, url: "https://example.org/s" }],
        backstory: hostile,
      }),
    );
    expect(json).not.toMatch(/<\/script|<script/i);
    const parsed = JSON.parse(json);
    expect(parsed.citation[0].name).toBe(hostile);
    expect(parsed.backstory).toBe(hostile);
  });

  it("leaves out every key whose value is absent, and empty lists", () => {
    const minimal = buildNewsArticle({ ...bare, imageUrls: [], images: [], topics: [], corrections: [] });
    for (const key of ["image", "dateline", "articleSection", "keywords", "about", "correction"]) {
      expect(minimal).not.toHaveProperty(key);
    }
    expect(Object.values(minimal)).not.toContain(undefined);
    expect((minimal.publisher as { logo: object }).logo).toEqual({
      "@type": "ImageObject",
      url: `${SITE}/assets/logo.png`,
    });
  });

  it("falls back to the publication date when there is no update", () => {
    expect(buildNewsArticle(bare).dateModified).toBe("2025-04-10T16:30:00Z");
  });

  it("keeps the same key order on every build", () => {
    expect(Object.keys(article)).toEqual([
      "@context",
      "@type",
      "mainEntityOfPage",
      "url",
      "headline",
      "description",
      "datePublished",
      "dateModified",
      "author",
      "image",
      "dateline",
      "articleSection",
      "keywords",
      "about",
      "inLanguage",
      "isAccessibleForFree",
      "publisher",
      "correction",
    ]);
  });
});

describe("mentions and entity pages", () => {
  const darchiev = {
    type: "Person" as const,
    name: "Alexander Darchiev",
    url: `${SITE}/people/alexander-darchiev/`,
    sameAs: "https://www.wikidata.org/wiki/Q4115189",
  };
  const istanbul = { type: "Place" as const, name: "Istanbul", url: `${SITE}/places/istanbul/` };

  it("lists an issue's entities as mentions, with sameAs only when given", () => {
    const article = buildNewsArticle({ ...bare, mentions: [darchiev, istanbul] });
    expect(article.mentions).toEqual([
      {
        "@type": "Person",
        name: "Alexander Darchiev",
        url: `${SITE}/people/alexander-darchiev/`,
        sameAs: "https://www.wikidata.org/wiki/Q4115189",
      },
      { "@type": "Place", name: "Istanbul", url: `${SITE}/places/istanbul/` },
    ]);
    expect(buildNewsArticle({ ...bare, mentions: [] })).not.toHaveProperty("mentions");
  });

  it("describes an entity page as a CollectionPage about the entity", () => {
    const page = buildEntityPage({
      url: darchiev.url,
      entity: darchiev,
      description: "Russia's new ambassador to Washington.",
      asOf: "2025-04-10",
      jobTitle: "Ambassador",
      inLanguage: "en-GB",
      publisher,
    });
    expect(page).toMatchObject({
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      url: darchiev.url,
      name: "Alexander Darchiev",
      mainEntity: {
        "@type": "Person",
        name: "Alexander Darchiev",
        sameAs: "https://www.wikidata.org/wiki/Q4115189",
        jobTitle: "Ambassador",
      },
    });
    expect(page.mainEntity).not.toHaveProperty("worksFor");
  });

  it("escapes an entity's text inside the script element", () => {
    const json = serializeJsonLd(
      buildEntityPage({
        url: istanbul.url,
        entity: { ...istanbul, name: "</script><!--" },
        description: "A & B",
        asOf: "2025-04-10",
        country: "Turkey",
        inLanguage: "en-GB",
        publisher,
      }),
    );
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).mainEntity).toMatchObject({
      name: "</script><!--",
      containedInPlace: { "@type": "Country", name: "Turkey" },
    });
  });
});

describe("buildWebSite", () => {
  it("describes the site and its publisher", () => {
    expect(
      buildWebSite({ name: "Dateline", url: SITE, description: "Foreign affairs, briefly.", publisher }),
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "Dateline",
      url: SITE,
      description: "Foreign affairs, briefly.",
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "Dateline",
        url: SITE,
        logo: { "@type": "ImageObject", url: `${SITE}/assets/logo.png`, width: 600, height: 60 },
      },
    });
  });
});

describe("serializeJsonLd", () => {
  const hostile = "</script><script>alert(1)</script> <!-- Q&A \u2028 line \u2029 para -->";
  const json = serializeJsonLd(buildNewsArticle({ ...issue, headline: hostile }));

  it("leaves no <, > or & anywhere in the output, so the script element cannot be closed", () => {
    expect(json).not.toMatch(/[<>&]/);
    expect(json).not.toMatch(/[\u2028\u2029]/);
  });

  it("parses back to the exact original headline", () => {
    expect(JSON.parse(json).headline).toBe(hostile);
  });

  it("removes C0 control characters but keeps tab, LF and CR", () => {
    expect(JSON.parse(serializeJsonLd({ text: "a\u0000b\u0007c\u001Fd\te\nf\rg" })).text).toBe(
      "abcd\te\nf\rg",
    );
  });

  it("refuses a value JSON cannot represent", () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });
});

describe("buildSocialMeta", () => {
  const page: SocialMetaInput = {
    siteName: "Dateline",
    title: "About Dateline",
    description: "Who we are.",
    url: `${SITE}/about/`,
    locale: "en-GB",
  };

  it("lists the exact OpenGraph, article and Twitter tags for an issue with a photo", () => {
    const tags = buildSocialMeta({
      ...page,
      title: issue.headline,
      description: issue.description,
      url: issue.url,
      image: { url: `${SITE}/photos/consulate-og.jpg`, width: 1200, height: 630, alt: "Police outside" },
      article: {
        publishedTime: "2025-04-10T16:30:00+03:00",
        modifiedTime: "2025-04-11T09:05:00+03:00",
        section: "Analysis",
        tags: ["Turkey", "Diplomacy"],
        authorUrls: [`${SITE}/authors/ayse-kaya/`, `${SITE}/authors/sonata-coulter/`],
      },
    });
    expect(tags).toEqual([
      { property: "og:site_name", content: "Dateline" },
      { property: "og:type", content: "article" },
      { property: "og:title", content: "Istanbul's consulate row deepens" },
      {
        property: "og:description",
        content: "Ankara summons the ambassador for the second time this month.",
      },
      { property: "og:url", content: `${SITE}/2025/04/istanbul-consulate/` },
      { property: "og:locale", content: "en_GB" },
      { property: "og:image", content: `${SITE}/photos/consulate-og.jpg` },
      { property: "og:image:width", content: "1200" },
      { property: "og:image:height", content: "630" },
      { property: "og:image:alt", content: "Police outside" },
      { property: "article:published_time", content: "2025-04-10T16:30:00+03:00" },
      { property: "article:modified_time", content: "2025-04-11T09:05:00+03:00" },
      { property: "article:section", content: "Analysis" },
      { property: "article:tag", content: "Turkey" },
      { property: "article:tag", content: "Diplomacy" },
      { property: "article:author", content: `${SITE}/authors/ayse-kaya/` },
      { property: "article:author", content: `${SITE}/authors/sonata-coulter/` },
      { name: "twitter:card", content: "summary_large_image" },
      { name: "twitter:title", content: "Istanbul's consulate row deepens" },
      {
        name: "twitter:description",
        content: "Ankara summons the ambassador for the second time this month.",
      },
      { name: "twitter:image", content: `${SITE}/photos/consulate-og.jpg` },
      { name: "twitter:image:alt", content: "Police outside" },
    ]);
  });

  it("lists the exact tags for a plain page without a photo", () => {
    expect(buildSocialMeta(page)).toEqual([
      { property: "og:site_name", content: "Dateline" },
      { property: "og:type", content: "website" },
      { property: "og:title", content: "About Dateline" },
      { property: "og:description", content: "Who we are." },
      { property: "og:url", content: `${SITE}/about/` },
      { property: "og:locale", content: "en_GB" },
      { name: "twitter:card", content: "summary" },
      { name: "twitter:title", content: "About Dateline" },
      { name: "twitter:description", content: "Who we are." },
    ]);
  });

  it("returns values unescaped, leaving escaping to the template", () => {
    const [, , title] = buildSocialMeta({ ...page, title: `Q&A: "<War>"` });
    expect(title).toEqual({ property: "og:title", content: `Q&A: "<War>"` });
  });
});

describe("toOgLocale", () => {
  it.each([
    ["en-GB", "en_GB"],
    ["en_us", "en_US"],
    ["fr", "fr"],
    ["pt-BR", "pt_BR"],
    ["zh-Hant-TW", "zh_TW"],
    ["es-419", "es_419"],
  ])("maps %s to %s", (tag, locale) => {
    expect(toOgLocale(tag)).toBe(locale);
  });
});

describe("robotsMeta", () => {
  it.each([
    [true, "noindex, nofollow"],
    [false, "index, follow, max-image-preview:large"],
  ])("with noindex %s says %s", (noindex, content) => {
    expect(robotsMeta(noindex)).toBe(content);
  });
});
