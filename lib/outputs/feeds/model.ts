/**
 * The one feed model. Atom, RSS 2.0 (+ Media RSS) and JSON Feed 1.1 are serialisations
 * of it, so the three can never disagree about what an issue says.
 * Every URL in here is absolute, and every date is ISO 8601 with an offset.
 */

export interface FeedPerson {
  name: string;
  /** Absolute URL of the author's page on the site. */
  url: string;
}

export interface FeedCategory {
  /** Stable machine id, e.g. `russia`. */
  term: string;
  /** What a reader sees, e.g. `Russia`. */
  label: string;
  /** Absolute URL of the topic page. */
  url: string;
}

/** The lead photo as feed readers want it: one JPEG with its size. */
export interface FeedImage {
  url: string;
  type: "image/jpeg";
  width: number;
  height: number;
  /** Size in bytes, for the RSS enclosure. */
  length: number;
  alt: string;
  caption?: string;
  credit?: string;
}

export interface FeedEntry {
  /** Permanent id: the absolute canonical URL. */
  id: string;
  url: string;
  title: string;
  /** Plain-text standfirst (the dek). */
  summary: string;
  /** Full body as HTML, lead photo first, with absolute URLs. */
  contentHtml: string;
  /**
   * The same body as the email edition shows it (lib/email/): one 2× JPEG per photo at its
   * display width, endnotes, inline styles. RSS `content:encoded` carries it, because
   * RSS-to-email services (Buttondown, Mailchimp, Kit) send that element as the email.
   */
  emailContentHtml?: string;
  published: string;
  updated: string;
  authors: FeedPerson[];
  categories: FeedCategory[];
  image?: FeedImage;
}

export interface FeedChannel {
  title: string;
  subtitle: string;
  /** BCP 47, e.g. `en-GB`. */
  language: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  /** Absolute URL of this feed document (differs per format). */
  selfUrl: string;
  /** Absolute URLs of the same feed in the other formats, for `rel="alternate"`. */
  alternates?: { url: string; type: string }[];
  /** Latest `updated` of the entries; the build time when there are none. */
  updated: string;
  /** Used when an entry has no author of its own (Atom requires one). */
  author: { name: string; url: string };
  /** Absolute URL of a square icon. */
  icon?: string;
  rights?: string;
  /** Newest first. */
  entries: FeedEntry[];
}
