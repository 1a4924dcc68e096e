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
