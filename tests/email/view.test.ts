/** The email view and its HTML and text parts, on a hand-written issue view (fixture-view.ts). */
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { displaySize } from "../../lib/outputs/email/body.ts";
import {
  buildEmailView,
  renderEmailDocument,
  renderEmailHtml,
  renderEmailText,
  SERVICE_TAGS,
  TEXT_WIDTH,
} from "../../lib/outputs/email/index.ts";
import { issueNotes, lastChangeOf } from "../../lib/pipeline/content/record.ts";
import { fixtureContext, fixtureView, HOSTILE_TITLE } from "./fixture-view.ts";

const WEB = "https://dateline.example/2025/04/istanbul-talks/";

function edition(service?: Parameters<typeof fixtureContext>[0]) {
  const view = buildEmailView(fixtureView(), fixtureContext(service, ["1 Example Street", "Istanbul"]));
  return { view, html: renderEmailHtml(view), text: renderEmailText(view) };
}

describe("the email view", () => {
  it("puts the number in the subject and the kicker of a numbered issue, and lists updates with corrections", () => {
    const issue = fixtureView();
    const data = {
      ...issue.data,
      updates: [{ date: "2025-04-12T09:00:00+03:00", text: "Adds the ministry's reply." }],
    };
    const view = buildEmailView(
      {
        ...issue,
        number: 42,
        kickerLine: "Briefing · No. 42",
        data,
        notes: issueNotes(data),
        lastChange: lastChangeOf(data),
      },
      fixtureContext(),
    );
    expect(view.subject).toBe(`No. 42: ${HOSTILE_TITLE}`);
    expect(view.kicker).toBe("Briefing · No. 42");
    const html = renderEmailHtml(view);
    const $ = cheerio.load(html);
    expect($("title").text()).toBe(`No. 42: ${HOSTILE_TITLE}`);
    expect(
      $("h2")
        .toArray()
        .map((heading) => $(heading).text()),
    ).toContain("Corrections and updates");
    expect(renderEmailText(view)).toContain("Update, 12 April 2025, 09:00 GMT+3: Adds the ministry's reply.");
  });

  it("has every field of the top, body and end, with absolute URLs", () => {
    const { view } = edition();
    expect(view.masthead).toEqual({ name: "Dateline", url: "https://dateline.example/" });
    expect(view.kicker).toBe("Briefing");
    expect(view.headline).toBe(HOSTILE_TITLE);
    expect(view.dek).toBe("Delegations met for six hours.");
    expect(view.byline).toBe("Daniel Hart and Ayşe Demir");
    expect(view.dateline).toBe("ISTANBUL");
    expect(view.date).toBe("10 April 2025, 16:30 GMT+3");
    expect(view.updated).toBe("11 April 2025, 12:00 GMT+3");
    expect(view.webUrl).toBe(WEB);
    expect(view.corrections).toEqual([
      {
        kind: "correction",
        label: "Correction",
        date: "11 April 2025, 12:00 GMT+3",
        text: "An earlier version misspelt a name.",
      },
    ]);
    expect(view.topics).toEqual([
      {
        name: "Russia",
        url: "https://dateline.example/topics/russia/",
        feedUrl: "https://dateline.example/topics/russia/feed.xml",
      },
    ]);
    expect(view.bodyHtml.startsWith('<p><span class="dateline">ISTANBUL</span> — The talks began.')).toBe(
      true,
    );
  });

  it("takes the lead photo as the 1200 px JPEG shown at 600 px, with its caption and credit", () => {
    const { view } = edition();
    expect(view.leadPhoto).toEqual({
      src: "https://dateline.example/photos/2025/lead-1200.abcd1234.jpg",
      width: 600,
      height: 338,
      alt: "Journalists outside a consulate",
      caption: "Journalists wait outside.",
      credit: "REUTERS/Umit Bektas",
    });
  });

  it("shows a rendition narrower than 1200 px at half its width", () => {
    expect(displaySize(1200, 800)).toEqual({ width: 600, height: 400 });
    expect(displaySize(800, 600)).toEqual({ width: 400, height: 300 });
    expect(displaySize(2400, 1350)).toEqual({ width: 600, height: 338 });
  });

  it("turns footnotes into endnotes whose links work outside the page", () => {
    const { view } = edition();
    expect(view.endnotes).toEqual([
      { number: 1, html: 'A footnote with <a href="https://example.org/source">a source</a>.' },
    ]);
    const $ = cheerio.load(view.bodyHtml, null, false);
    expect($("sup a").attr("href")).toBe(`${WEB}#fn1`);
    expect($("section.footnotes").length).toBe(0);
  });
});

describe("email.html", () => {
  it("is one 600 px column of tables with an Outlook fixed-width wrapper", () => {
    const { html } = edition();
    const $ = cheerio.load(html);
    expect($("table.container").attr("width")).toBe("600");
    expect($("table.container").attr("style")).toContain("max-width: 600px");
    expect(html).toContain(
      '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td width="600"><![endif]-->',
    );
    expect(html).toContain("<!--[if mso]></td></tr></table><![endif]-->");
  });

  it("holds nothing mainstream clients drop", () => {
    const { html } = edition();
    const $ = cheerio.load(html);
    expect($("picture, source, svg, style, link, script, abbr").length).toBe(0);
    expect($("[srcset], [sizes], [class*=header-anchor]").length).toBe(0);
    expect(html).not.toMatch(/\.webp|\.avif|\.svg|var\(--|@font-face|@import/);
    // The body's <abbr> keeps its text.
    expect($("td.content").text()).toContain("The NATO question");
  });

  it("makes every link and image absolute, and every image a JPEG with width, height and alt", () => {
    const $ = cheerio.load(edition().html);
    const hrefs = $("a[href]")
      .map((_i, a) => $(a).attr("href"))
      .get();
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    expect(hrefs).toContain("https://dateline.example/archive/");
    expect(hrefs).toContain(`${WEB}#details`);
    const images = $("img")
      .map((_i, img) => ({
        src: $(img).attr("src"),
        width: $(img).attr("width"),
        height: $(img).attr("height"),
        alt: $(img).attr("alt"),
      }))
      .get();
    expect(images).toEqual([
      {
        src: "https://dateline.example/photos/2025/lead-1200.abcd1234.jpg",
        width: "600",
        height: "338",
        alt: "Journalists outside a consulate",
      },
      {
        src: "https://dateline.example/photos/2025/body-1200.1111.jpg",
        width: "600",
        height: "400",
        alt: "Delegates at a long table",
      },
    ]);
  });

  it("writes each caption and credit as text under its photo", () => {
    const $ = cheerio.load(edition().html);
    expect($("td.lead p.caption").text()).toBe("Journalists wait outside. REUTERS/Umit Bektas");
    expect($("td.content p.caption").text()).toBe("The delegations at the table. Photo Agency");
  });

  it("puts the top in order: masthead, kicker, headline, dek, byline, dateline and date, Read on the web", () => {
    const $ = cheerio.load(edition().html);
    expect($("td.masthead").text()).toBe("Dateline");
    const header = $("td.header p, td.header h1")
      .map((_i, element) => $(element).text())
      .get();
    expect(header).toEqual([
      "Briefing",
      HOSTILE_TITLE,
      "Delegations met for six hours.",
      "By Daniel Hart and Ayşe Demir",
      "ISTANBUL · 10 April 2025, 16:30 GMT+3 · Updated 11 April 2025, 12:00 GMT+3",
      "Read on the web",
    ]);
    expect($("td.header a").last().attr("href")).toBe(WEB);
    expect($("title").text()).toBe(HOSTILE_TITLE);
  });

  it("ends with the notes, corrections, topics (page and feed) and the footer", () => {
    const $ = cheerio.load(edition().html);
    const sections = $("td.section h2")
      .map((_i, h2) => $(h2).text())
      .get();
    expect(sections).toEqual(["Notes", "Corrections", "Topics"]);
    const topic = $("td.section")
      .last()
      .find("a")
      .map((_i, a) => $(a).attr("href"))
      .get();
    expect(topic).toEqual([
      "https://dateline.example/topics/russia/",
      "https://dateline.example/topics/russia/feed.xml",
    ]);
    expect($("td.footer").text()).toContain("1 Example Street");
  });

  it("never sets a text colour without its background, nor a background without its text colour", () => {
    const $ = cheerio.load(edition().html);
    const styles = $("[style]")
      .map((_i, element) => $(element).attr("style"))
      .get();
    expect(styles.length).toBeGreaterThan(20);
    for (const style of styles) {
      const hasColor = /(?:^|;)\s*color:/.test(style);
      const hasBackground = /background-color:/.test(style);
      expect({ style, paired: hasColor === hasBackground }).toEqual({ style, paired: true });
    }
  });

  it("inlines the stylesheet: the document before juice has one <style> in the head, the email none", () => {
    const view = edition().view;
    expect(cheerio.load(renderEmailDocument(view))("head style").length).toBe(1);
    expect(edition().html).not.toContain("<style");
  });

  it("escapes a hostile headline everywhere", () => {
    const { html } = edition();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
  });
});

describe("the email service", () => {
  it.each([
    ["buttondown", '<a href="{{ unsubscribe_url }}"', "{{ subscriber.email }}", undefined],
    ["mailchimp", '<a href="*|UNSUB|*"', "*|EMAIL|*", "*|HTML:LIST_ADDRESS_HTML|*"],
    ["kit", '<a href="{{ unsubscribe_url }}"', "{{ subscriber.email_address }}", "{{ address }}"],
  ] as const)(
    "%s: unsubscribe and merge tags in its own syntax",
    (service, unsubscribe, recipient, address) => {
      const { html, text } = edition(service);
      const footer = cheerio.load(html)("td.footer").html() ?? "";
      expect(footer).toContain(unsubscribe);
      expect(footer).toContain(recipient);
      if (address) expect(footer).toContain(address);
      expect(text).toContain(`Unsubscribe: ${SERVICE_TAGS[service].unsubscribeUrl}`);
    },
  );

  it("with no service, says how to follow by feed and has no unsubscribe tag", () => {
    const { html, text } = edition();
    const footer = cheerio.load(html)("td.footer").text();
    expect(footer).toContain("follow the feed https://dateline.example/rss.xml");
    expect(html).not.toMatch(/unsubscribe|\*\|/i);
    expect(text).toContain("https://dateline.example/rss.xml");
  });
});

describe("email.txt", () => {
  it("starts with the headline, byline, date and web address", () => {
    const { text } = edition();
    const lines = text.split("\n");
    expect(lines.slice(0, 12)).toEqual([
      "Dateline",
      "",
      "BRIEFING",
      HOSTILE_TITLE,
      "",
      "Delegations met for six hours.",
      "",
      "By Daniel Hart and Ayşe Demir",
      "ISTANBUL · 10 April 2025, 16:30 GMT+3",
      "Updated 11 April 2025, 12:00 GMT+3",
      "",
      `Read on the web: ${WEB}`,
    ]);
  });

  it(`wraps at ${TEXT_WIDTH} columns, except a line that is one long URL`, () => {
    const { text } = edition();
    const long = text.split("\n").filter((line) => line.length > TEXT_WIDTH && !/https?:\/\/\S+$/.test(line));
    expect(long).toEqual([]);
    expect(text).toContain(
      "The NATO question was not raised, a point the officials made several times\nover the course",
    );
  });

  it("numbers link references and lists them at the end", () => {
    const { text } = edition();
    expect(text).toContain("The talks began. (note 1) See the archive [1] and a section [2].");
    expect(text).toContain("Note 1. A footnote with a source [3].");
    expect(text).toContain(
      [
        "Links",
        "",
        "[1] https://dateline.example/archive/",
        `[2] ${WEB}#details`,
        "[3] https://example.org/source",
      ].join("\n"),
    );
  });

  it("gives the photo's alt, caption and credit, and the corrections and topics", () => {
    const { text } = edition();
    expect(text).toContain(
      "[Photo: Journalists outside a consulate] Journalists wait outside. Photo:\nREUTERS/Umit Bektas",
    );
    expect(text).toContain("[Photo: Delegates at a long table]");
    expect(text).toContain("The delegations at the table. Photo Agency");
    expect(text).toContain("11 April 2025, 12:00 GMT+3: An earlier version misspelt a name.");
    expect(text).toContain(
      "Russia: https://dateline.example/topics/russia/\n  feed: https://dateline.example/topics/russia/feed.xml",
    );
  });
});
