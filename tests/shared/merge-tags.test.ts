/**
 * A writer's text reaches the email services as text: no template delimiter of Buttondown
 * (Django), Kit (Liquid) or Mailchimp (merge tags) survives in the email edition or the feeds,
 * readers still see the characters typed, and only the footer's own tags stay live.
 */
import { load } from "cheerio";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { siteFeeds } from "../../lib/contract/urls.ts";
import { renderEmailEdition, SERVICE_TAGS } from "../../lib/outputs/email/index.ts";
import { buildChannel } from "../../lib/outputs/feeds/channel.ts";
import { renderJsonFeed } from "../../lib/outputs/feeds/json-feed.ts";
import { renderRss } from "../../lib/outputs/feeds/rss.ts";
import { findMergeTagLookalikes, inertHtml, inertText } from "../../lib/shared/merge-tags.ts";
import { fixtureContext, fixtureView } from "../email/fixture-view.ts";

/** Each service's documented template syntax, as a writer might paste it. */
const SERVICE_SYNTAX = [
  { service: "Buttondown (Django)", text: "{{ subscriber.email }}" },
  { service: "Buttondown (Django)", text: "{% if subscriber.tags %}paid{% endif %}" },
  { service: "Buttondown (Django)", text: "{# a comment #}" },
  { service: "Kit (Liquid)", text: "{{ subscriber.first_name | default: 'reader' }}" },
  { service: "Kit (Liquid)", text: "{%- if subscriber.first_name -%}Hi{%- endif -%}" },
  { service: "Mailchimp (merge tags)", text: "*|EMAIL|*" },
  { service: "Mailchimp (merge tags)", text: "*|IF:FNAME|*Hi *|FNAME|**|END:IF|*" },
] as const;

/** A template delimiter any of the three services reads. */
const DELIMITER = /\{\{|\{%|\{#|\}\}|%\}|#\}|\*\||\|\*/;
const WORD_JOINER = /\u2060/g;

describe("inertText and inertHtml", () => {
  it.each(SERVICE_SYNTAX)(
    "$service: $text reaches the service with no delimiter, and reads as typed",
    ({ text }) => {
      const asText = inertText(`Talks ${text} end`);
      expect(asText).not.toMatch(DELIMITER);
      expect(asText.replace(WORD_JOINER, "")).toBe(`Talks ${text} end`);
      const asHtml = inertHtml(`<p title="${text.replaceAll('"', "&quot;")}">Talks ${text} end</p>`);
      expect(asHtml).not.toMatch(DELIMITER);
      const $ = load(asHtml);
      expect($("p").text()).toBe(`Talks ${text} end`);
      expect($("p").attr("title")).toBe(text);
    },
  );

  it.each(["Talks in Istanbul", "50% {of} | the *talks*", "a {b} c"])("leaves %j as it is", (text) => {
    expect(inertText(text)).toBe(text);
    expect(inertHtml(text)).toBe(text);
  });
});

describe("a headline, dek and body with merge tags", () => {
  const issue = fixtureView();
  const tagged = {
    ...issue,
    data: { ...issue.data, title: "Hello {{ subscriber.email }}", dek: "Dear *|FNAME|*, the talks." },
    content: "<p>Secret: {% if subscriber.paid %}paid{% endif %} and *|EMAIL|*.</p>",
  };

  it.each(Object.entries(SERVICE_TAGS))(
    "email edition for %s: the writer's tags are text, the footer's own tags are live",
    async (service, tags) => {
      const context = fixtureContext(service as keyof typeof SERVICE_TAGS, ["1 Example Street"]);
      const edition = await renderEmailEdition(tagged, context);
      // The footer's own tags, and only those, are left as the service reads them.
      const live = [tags.unsubscribeUrl, tags.recipientTag, tags.addressTag, tags.textAddressTag].filter(
        (tag): tag is string => tag !== undefined,
      );
      const withoutFooterTags = (text: string) => live.reduce((rest, tag) => rest.replaceAll(tag, ""), text);
      expect(edition.html).toContain(tags.unsubscribeUrl);
      expect(withoutFooterTags(edition.html)).not.toMatch(DELIMITER);
      // The text part wraps at 72 columns, a footer tag too (whitespace inside a tag is fine for the services).
      expect(withoutFooterTags(edition.text.replace(/\s+/g, " "))).not.toMatch(DELIMITER);
      // What a subscriber reads: the characters the writer typed.
      const $ = load(edition.html);
      expect($("h1").text().replace(WORD_JOINER, "")).toBe("Hello {{ subscriber.email }}");
      expect($.text()).toContain("Secret: {% if subscriber.paid %}paid{% endif %} and *|EMAIL|*.");
      // The .eml as a mail client parses it: the subject as typed, with no live delimiter.
      const mail = await simpleParser(edition.eml);
      expect(mail.subject).not.toMatch(DELIMITER);
      expect(mail.subject?.replace(WORD_JOINER, "")).toBe("Hello {{ subscriber.email }}");
    },
  );

  it("feeds: no delimiter in any title, summary or content an RSS-to-email service reads", async () => {
    const { site } = fixtureContext();
    const context = { site, topics: {} };
    for (const spec of siteFeeds.filter((feed) => feed.format !== "atom")) {
      const channel = await buildChannel(spec, [tagged], context, "2025-04-13T00:00:00Z");
      const document = spec.format === "rss" ? renderRss(channel) : renderJsonFeed(channel);
      // The XML and JSON escape "<" but never a brace, a percent sign or a bar.
      expect(document, spec.path).not.toMatch(DELIMITER);
      expect(channel.entries[0]?.title.replace(WORD_JOINER, "")).toBe("Hello {{ subscriber.email }}");
    }
  });
});

describe("findMergeTagLookalikes", () => {
  it.each([
    { data: { title: "Talks in Istanbul", dek: "Six hours." }, fields: [] },
    { data: { title: "Hello {{ name }}" }, fields: ["title"] },
    { data: { title: "Talks", dek: "Dear *|FNAME|*", kicker: "{% raw %}" }, fields: ["dek", "kicker"] },
    { data: { title: 42 }, fields: [] },
  ])("warns on $fields", ({ data, fields }) => {
    const found = findMergeTagLookalikes(data);
    expect(found.map((warning) => warning.field)).toEqual(fields);
    for (const warning of found)
      expect(warning.message).toBe(
        "looks like an email service's merge tag ({{ }}, {% %} or *| |*): subscribers and feeds get it as text, never filled in — reword it if that is not what you meant",
      );
  });
});
