/**
 * A hand-written issue view for the email unit tests: the body as the site renders it (a
 * footnote, a `<picture>` figure, a heading anchor, raw `<abbr>`), a lead photo in a manifest
 * entry, and the site settings read as the build reads them.
 */

import type { PhotoEntry, Rendition } from "../../lib/contract/photo-manifest.ts";
import type { EmailService } from "../../lib/contract/schema.ts";
import { readSite } from "../../lib/contract/site.ts";
import type { EmailContext } from "../../lib/outputs/email/index.ts";
import { issueNotes, lastChangeOf } from "../../lib/pipeline/content/record.ts";
import { type IssueView, workTypeLabel } from "../../lib/pipeline/views/issue.ts";

function rendition(format: Rendition["format"], width: number): Rendition {
  return {
    format,
    width,
    height: Math.round((width * 9) / 16),
    path: `/photos/2025/lead-${width}.abcd1234.${format === "jpeg" ? "jpg" : format}`,
    bytes: width * 50,
  };
}

const leadEntry: PhotoEntry = {
  src: "2025/lead.jpg",
  hash: "a".repeat(64),
  format: "jpeg",
  width: 2400,
  height: 1350,
  bytes: 500_000,
  focus: "center",
  meta: { caption: "Caption from the file", credit: "REUTERS/Umit Bektas" },
  renditions: [
    ...[480, 800, 1200, 1600, 2400].map((width) => rendition("avif", width)),
    ...[480, 800, 1200, 1600, 2400].map((width) => rendition("webp", width)),
    ...[480, 800, 1200, 1600, 2400].map((width) => rendition("jpeg", width)),
  ],
  crops: {
    og: rendition("jpeg", 1200),
    "16x9": rendition("jpeg", 1200),
    "4x3": rendition("jpeg", 1200),
    "1x1": rendition("jpeg", 1200),
  },
  placeholder: { color: "#888888", dataUri: "data:image/jpeg;base64,AAAA" },
};

export const HOSTILE_TITLE = 'Talks in <script>alert("x")</script> & "Istanbul" ]]> --';

const body = [
  '<p>The talks began.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> See <a href="/archive/">the archive</a> and <a href="#details">a section</a>.</p>',
  '<h2 id="details" tabindex="-1"><a class="header-anchor" href="#details"><span>Details</span></a></h2>',
  '<figure class="body-figure"><picture><source type="image/avif" srcset="/photos/2025/body-480.1111.avif 480w, /photos/2025/body-1200.1111.avif 1200w" sizes="100vw"><source type="image/webp" srcset="/photos/2025/body-480.1111.webp 480w" sizes="100vw"><img src="/photos/2025/body-1200.1111.jpg" srcset="/photos/2025/body-480.1111.jpg 480w, /photos/2025/body-1200.1111.jpg 1200w" sizes="100vw" width="1200" height="800" alt="Delegates at a long table" loading="lazy" decoding="async"></picture><figcaption><span class="caption">The delegations at the table.</span> <span class="credit">Photo Agency</span></figcaption></figure>',
  '<p>The <abbr title="North Atlantic Treaty Organization">NATO</abbr> question was not raised, a point the officials made several times over the course of a long afternoon of meetings.</p>',
  '<hr class="footnotes-sep">',
  '<section class="footnotes">',
  '<ol class="footnotes-list">',
  '<li id="fn1" class="footnote-item"><p>A footnote with <a href="https://example.org/source">a source</a>. <a href="#fnref1" class="footnote-backref">↩︎</a></p>',
  "</li>",
  "</ol>",
  "</section>",
].join("\n");

export function fixtureView(): IssueView {
  const data: IssueView["data"] = {
    title: HOSTILE_TITLE,
    dek: "Delegations met for six hours.",
    date: "2025-04-10T16:30:00+03:00",
    dateline: "ISTANBUL",
    type: "briefing",
    authors: ["daniel-hart", "ayse-demir"],
    topics: ["russia"],
    photo: {
      src: "2025/lead.jpg",
      alt: "Journalists outside a consulate",
      caption: "Journalists wait outside.",
    },
    corrections: [{ date: "2025-04-11T12:00:00+03:00", text: "An earlier version misspelt a name." }],
  };
  return {
    url: "/2025/04/istanbul-talks/",
    title: data.title,
    dek: data.dek,
    workType: workTypeLabel("briefing"),
    kickerLine: "Briefing",
    sources: [] as IssueView["sources"],
    byline: "Daniel Hart and Ayşe Demir",
    inputPath: "src/issues/2025/istanbul-talks.md",
    publishedAt: Date.parse("2025-04-10T13:30:00Z"),
    data,
    notes: issueNotes(data),
    lastChange: lastChangeOf(data),
    content: body,
    // As the photo desk resolves it: front matter first, then the file's own credit.
    photo: {
      src: "2025/lead.jpg",
      alt: "Journalists outside a consulate",
      caption: "Journalists wait outside.",
      credit: "REUTERS/Umit Bektas",
      entry: leadEntry,
    },
    authors: [
      { id: "daniel-hart", name: "Daniel Hart", url: "/authors/daniel-hart/" },
      { id: "ayse-demir", name: "Ayşe Demir", url: "/authors/ayse-demir/" },
    ],
    topics: [{ id: "russia", name: "Russia", url: "/topics/russia/", feedUrl: "/topics/russia/feed.xml" }],
  } as IssueView;
}

export function fixtureContext(service?: EmailService, address?: string[]): EmailContext {
  const site = readSite(
    {
      title: "Dateline",
      description: "A foreign-affairs newsletter.",
      url: "https://dateline.example",
      language: "en-GB",
      timeZone: "Europe/Istanbul",
      publisher: { name: "Dateline", logo: "/assets/logo.png" },
      card: { src: "site/dateline-card.jpg", alt: "The word Dateline" },
      pageSize: 10,
      feedSize: 20,
      email: { ...(service ? { service } : {}), ...(address ? { address } : {}) },
    },
    {},
  );
  return { site };
}
