/**
 * The channel every feed test serialises, plus the readers the tests share: a namespace-aware
 * well-formedness check (saxes), a fast-xml-parser tree, and a path reader for that tree.
 */
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import type { FeedChannel } from "../../lib/outputs/feeds/model.ts";

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
export const MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/";

/** The lead issue's body: an escaped ampersand, a literal `]]>` and an image, as real issues have. */
export const LEAD_CONTENT_HTML = [
  '<figure><img src="https://dateline.example/media/ankara-1600.jpg" alt="Ministers at a podium" width="1600" height="900">',
  "<figcaption>Talks in Ankara. Photo: Ayşe Demir</figcaption></figure>",
  '<p>Treasury &amp; trade officials met in <a href="https://dateline.example/topics/turkey/">Ankara</a>.</p>',
  "<p>Code reviewers know the sequence ]]> well; it must survive.</p>",
].join("\n");

export type FixtureFormat = "atom" | "rss" | "json";

const FEED_URLS: Readonly<Record<FixtureFormat, { url: string; type: string }>> = {
  atom: { url: "https://dateline.example/feed/atom.xml", type: "application/atom+xml" },
  rss: { url: "https://dateline.example/feed/rss.xml", type: "application/rss+xml" },
  json: { url: "https://dateline.example/feed/feed.json", type: "application/feed+json" },
};

/**
 * A fresh channel (3 entries, newest first) each call, so a test may change it freely;
 * `selfUrl` is the given format's feed and `alternates` are the other two.
 */
export function makeFixtureChannel(format: FixtureFormat = "atom"): FeedChannel {
  return {
    title: "Dateline",
    subtitle: "Foreign affairs, weekly, from the places it happens.",
    language: "en-GB",
    homeUrl: "https://dateline.example/",
    selfUrl: FEED_URLS[format].url,
    alternates: Object.entries(FEED_URLS)
      .filter(([name]) => name !== format)
      .map(([, alternate]) => alternate),
    updated: "2025-04-10T18:00:00+03:00",
    author: { name: "Dateline", url: "https://dateline.example/about/" },
    icon: "https://dateline.example/icon-512.png",
    rights: "© 2025 Dateline",
    entries: [
      {
        id: "https://dateline.example/issues/2025/04/ankara-sanctions/",
        url: "https://dateline.example/issues/2025/04/ankara-sanctions/",
        title: 'Sanctions & "secondary" tariffs reach Ankara',
        summary: "Why Turkey's banks are suddenly careful about Russian clients.",
        contentHtml: LEAD_CONTENT_HTML,
        published: "2025-04-10T16:30:00+03:00",
        updated: "2025-04-10T18:00:00+03:00",
        authors: [{ name: "Ayşe Demir", url: "https://dateline.example/authors/ayse-demir/" }],
        categories: [
          { term: "turkey", label: "Turkey", url: "https://dateline.example/topics/turkey/" },
          { term: "sanctions", label: "Sanctions", url: "https://dateline.example/topics/sanctions/" },
        ],
        image: {
          url: "https://dateline.example/media/ankara-1600.jpg",
          type: "image/jpeg",
          width: 1600,
          height: 900,
          length: 234567,
          alt: "Ministers at a podium",
          caption: "Talks in Ankara.",
          credit: "Ayşe Demir",
        },
      },
      {
        id: "https://dateline.example/issues/2025/04/kyiv-grain/",
        url: "https://dateline.example/issues/2025/04/kyiv-grain/",
        title: "Kyiv's grain corridor, one year on",
        summary: "Odesa ships more than before the war. Insurers are not convinced.",
        contentHtml: "<p>Odesa's ports are busy.</p>\n<p>Insurers remain wary.</p>",
        published: "2025-04-03T09:00:00+02:00",
        updated: "2025-04-03T09:00:00+02:00",
        authors: [
          { name: "Olena Kovalenko", url: "https://dateline.example/authors/olena-kovalenko/" },
          { name: "Tom Hale", url: "https://dateline.example/authors/tom-hale/" },
        ],
        categories: [{ term: "ukraine", label: "Ukraine", url: "https://dateline.example/topics/ukraine/" }],
      },
      {
        id: "https://dateline.example/issues/2025/03/washington-aid/",
        url: "https://dateline.example/issues/2025/03/washington-aid/",
        title: "Washington rethinks foreign aid",
        summary: "Congress and the State Department disagree about who decides.",
        contentHtml: "<p>The budget fight has moved to the appropriations committees.</p>",
        published: "2025-03-27T07:15:00-04:00",
        updated: "2025-03-28T10:00:00-04:00",
        authors: [{ name: "Tom Hale", url: "https://dateline.example/authors/tom-hale/" }],
        categories: [],
      },
    ],
  };
}

/** The fixture with no entries, as on a brand-new site. */
export function makeEmptyChannel(format: FixtureFormat = "atom"): FeedChannel {
  return { ...makeFixtureChannel(format), entries: [] };
}

/**
 * Hostile text for titles, summaries and credits: [what it is, input, what a reader must get back].
 * The expected text is written out, not computed, so the tests do not trust `cleanText`.
 */
export const HOSTILE_TEXTS: readonly (readonly [string, string, string])[] = [
  ["a script element", "<script>alert(1)</script> in Minsk", "<script>alert(1)</script> in Minsk"],
  ["a closing script tag", "Talks end </script> early", "Talks end </script> early"],
  [
    "ampersands and quotes",
    `Sanctions & "secondary" tariffs, O'Neill says`,
    `Sanctions & "secondary" tariffs, O'Neill says`,
  ],
  [
    "an image with an event handler",
    "Talks <img src=https://x.example/a.png onerror=alert(1)> end",
    "Talks <img src=https://x.example/a.png onerror=alert(1)> end",
  ],
  ["a CDATA terminator", "Markup ]]> breaks CDATA", "Markup ]]> breaks CDATA"],
  ["a comment dash pair", "Ceasefire -- or not", "Ceasefire -- or not"],
  ["a flag emoji", "Kyiv 🇺🇦 holds", "Kyiv 🇺🇦 holds"],
  ["Arabic", "مرحبا بالعالم", "مرحبا بالعالم"],
  ["Hebrew", "שלום עולם", "שלום עולם"],
  ["control characters", "Bell\u0000\u0007\u001B rings", "Bell rings"],
  [
    "everything at once",
    `<script>x</script> & "q" ]]> -- 🇺🇦 مرحبا שלום\u0000\u0007\u001B end`,
    `<script>x</script> & "q" ]]> -- 🇺🇦 مرحبا שלום end`,
  ],
];

/** The fixture with `text` in the lead entry's title, summary, photo caption and credit, author and topic. */
export function makeHostileChannel(text: string, format: FixtureFormat = "atom"): FeedChannel {
  const channel = makeFixtureChannel(format);
  const [lead] = channel.entries;
  if (lead?.image === undefined) throw new Error("fixture: the lead entry needs an image");
  lead.title = text;
  lead.summary = text;
  lead.image.credit = text;
  lead.image.caption = text;
  lead.authors = [{ name: text, url: "https://dateline.example/authors/hostile/" }];
  lead.categories = [{ term: "hostile", label: text, url: "https://dateline.example/topics/hostile/" }];
  return channel;
}

/**
 * Parses with saxes in namespace mode, throwing on any error (unbound prefix, forbidden character,
 * bad nesting). Returns every element's expanded name, `{namespace}local`, in document order.
 */
export function readExpandedNames(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    names.push(`{${tag.uri}}${tag.local}`);
  });
  parser.write(xml).close();
  return names;
}

const REPEATABLE_ELEMENTS = new Set([
  "entry",
  "item",
  "link",
  "atom:link",
  "author",
  "category",
  "dc:creator",
]);

/** fast-xml-parser's tree (attributes as `@_name`, text as `#text`), repeatable elements always arrays. */
export function parseXmlTree(xml: string): unknown {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => REPEATABLE_ELEMENTS.has(name),
  });
  return parser.parse(xml);
}

/**
 * Walks a parsed tree by keys and indexes; `undefined` as soon as a step is missing.
 * @example readPath(tree, "rss", "channel", "item", 0, "title") // "Sanctions & …"
 */
export function readPath(tree: unknown, ...path: (string | number)[]): unknown {
  let node: unknown = tree;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** The instant of an ISO or RFC 822 date string, for comparing dates written in different offsets. */
export function toInstant(date: unknown): number {
  if (typeof date !== "string") throw new Error(`not a date string: ${String(date)}`);
  return new Date(date).getTime();
}
