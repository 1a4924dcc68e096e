/**
 * An issue's sources in the email edition, as its page lists them: in the HTML part with the
 * archived copy linked, and in the text part with each address on its own line.
 */
import * as cheerio from "cheerio";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { readEmailFileFacts } from "../../lib/checks/email.ts";
import { renderEmailEdition } from "../../lib/outputs/email/index.ts";
import { fixtureContext, fixtureView } from "./fixture-view.ts";

const SOURCES = [
  {
    title: "The ministry’s statement",
    url: "https://example.org/s",
    publisher: "Russian foreign ministry",
    date: { iso: "2025-04-08", shown: "8 April 2025" },
    archived: "https://example.org/a",
  },
  { title: "A </td> briefing", url: "https://example.org/b" },
];

describe("sources in the email edition", () => {
  it("lists each source with its publisher, date and archived copy, in both parts", async () => {
    const edition = await renderEmailEdition({ ...fixtureView(), sources: SOURCES }, fixtureContext());
    const $ = cheerio.load(edition.html);
    const section = $("h2")
      .filter((_, heading) => $(heading).text() === "Sources")
      .parent();
    expect(
      section
        .find("li")
        .map((_, item) => $(item).text())
        .get(),
    ).toEqual([
      "The ministry’s statement, Russian foreign ministry, 8 April 2025 (archived copy)",
      "A </td> briefing",
    ]);
    expect(section.find('a[href="https://example.org/a"]').text()).toBe("archived copy");
    expect(readEmailFileFacts(edition.html, edition.text).problems).toEqual([]);
    const text = (await simpleParser(edition.eml)).text ?? "";
    expect(text).toContain(
      "Sources\n\nThe ministry’s statement, Russian foreign ministry, 8 April 2025\n  https://example.org/s\n  archived copy: https://example.org/a\nA </td> briefing\n  https://example.org/b\n",
    );
  });

  it("has no Sources section when the issue lists none", async () => {
    const edition = await renderEmailEdition({ ...fixtureView(), sources: [] }, fixtureContext());
    expect(edition.html).not.toContain(">Sources<");
    expect(edition.text).not.toContain("Sources");
  });
});

describe("corrections since the last issue in the email edition", () => {
  const correction = {
    kind: "correction" as const,
    label: "Correction",
    date: "2025-04-11T12:00:00+03:00",
    text: "An earlier version misspelt a name.",
    url: "/2025/04/bravo/#correction-1",
    issue: { url: "/2025/04/bravo/", title: "Bravo: the property dispute" },
  };

  it("opens the foot with each correction, the corrected headline linked to its note, in both parts", async () => {
    const edition = await renderEmailEdition(fixtureView(), {
      ...fixtureContext(),
      correctionsSince: [correction],
    });
    const $ = cheerio.load(edition.html);
    const heading = $("h2").filter((_, element) => $(element).text() === "Corrections since the last issue");
    expect(heading.length).toBe(1);
    // The first section after the body.
    expect($("td.section h2").first().text()).toBe("Corrections since the last issue");
    const item = heading.parent().find("li");
    expect(item.text()).toBe(
      "Bravo: the property dispute, 11 April 2025, 12:00 GMT+3: An earlier version misspelt a name.",
    );
    expect(item.find("a").attr("href")).toBe("https://dateline.example/2025/04/bravo/#correction-1");
    expect(edition.text).toContain(
      "Corrections since the last issue\n\nBravo: the property dispute, 11 April 2025, 12:00 GMT+3: An earlier version\nmisspelt a name.\n  https://dateline.example/2025/04/bravo/#correction-1",
    );
    expect(readEmailFileFacts(edition.html, edition.text).problems).toEqual([]);
  });

  it("says nothing when no correction was made since the last issue", async () => {
    const edition = await renderEmailEdition(fixtureView(), fixtureContext());
    expect(edition.html).not.toContain("Corrections since the last issue");
    expect(edition.text).not.toContain("Corrections since the last issue");
  });
});
