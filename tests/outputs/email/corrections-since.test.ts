/** "Corrections since the last issue" as the email and the feeds show it (lib/outputs/email/corrections-since.ts). */
import { describe, expect, it } from "vitest";
import {
  describeCorrectionsSince,
  renderCorrectionsSinceHtml,
} from "../../../lib/outputs/email/corrections-since.ts";

const SITE = { url: "https://dateline.example", timeZone: "Europe/Istanbul" };
const ENTRY = {
  kind: "correction" as const,
  label: "Correction",
  date: "2025-04-11T09:00:00Z",
  text: 'An earlier version said "six" <hours>.',
  url: "/2025/04/bravo/#correction-1",
  issue: { url: "/2025/04/bravo/", title: "Bravo & the </li> dispute" },
};

describe("describeCorrectionsSince", () => {
  it("gives each its corrected headline, the note's absolute address and the date in the site's zone", () => {
    expect(describeCorrectionsSince([ENTRY], SITE)).toEqual([
      {
        headline: "Bravo & the </li> dispute",
        url: "https://dateline.example/2025/04/bravo/#correction-1",
        date: "11 April 2025, 12:00 GMT+3",
        text: 'An earlier version said "six" <hours>.',
      },
    ]);
  });
});

describe("renderCorrectionsSinceHtml", () => {
  it("is a heading and a list, every text escaped", () => {
    expect(renderCorrectionsSinceHtml(describeCorrectionsSince([ENTRY], SITE))).toBe(
      [
        "<h2>Corrections since the last issue</h2>",
        "<ul>",
        '<li><a href="https://dateline.example/2025/04/bravo/#correction-1">Bravo &#38; the &#60;/li&#62; dispute</a>, 11 April 2025, 12:00 GMT+3: An earlier version said &#34;six&#34; &#60;hours&#62;.</li>',
        "</ul>",
      ].join("\n"),
    );
  });

  it("is nothing when there is nothing to say", () => {
    expect(renderCorrectionsSinceHtml([])).toBe("");
  });
});
