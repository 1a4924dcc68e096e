/**
 * The type of work in the email edition: the kicker leads with it, and an opinion piece is set
 * apart from the reporting by more than a word — a note under the kicker and a blue rule.
 */
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { readEmailFileFacts } from "../../lib/checks/email.ts";
import { renderEmailEdition } from "../../lib/outputs/email/index.ts";
import { workTypeLabel } from "../../lib/pipeline/views/issue.ts";
import { fixtureContext, fixtureView } from "./fixture-view.ts";

const OPINION_NOTE = "Opinion: The writer’s own argument and conclusions, not the publication’s reporting.";

async function editionOf(type: "opinion" | "analysis") {
  const label = workTypeLabel(type);
  const view = { ...fixtureView(), workType: label, kickerLine: label.label };
  return renderEmailEdition(view, fixtureContext());
}

describe("the type of work in the email edition", () => {
  it("sets an opinion piece apart: its note under the kicker, and a rule in its own colour", async () => {
    const edition = await editionOf("opinion");
    const $ = cheerio.load(edition.html);
    expect($(".kicker").text()).toBe("Opinion");
    expect($(".opinion-note").text()).toBe(OPINION_NOTE);
    expect($("td.opinion").attr("style")).toContain("border-left: 6px solid #1f4e7a");
    expect(edition.text).toContain(`OPINION\n${OPINION_NOTE}`);
    expect(readEmailFileFacts(edition.html, edition.text).problems).toEqual([]);
  });

  it("gives other types the kicker alone", async () => {
    const edition = await editionOf("analysis");
    const $ = cheerio.load(edition.html);
    expect($(".kicker").text()).toBe("Analysis");
    expect($(".opinion-note").length).toBe(0);
    expect($("td.opinion").length).toBe(0);
    expect(edition.text).not.toContain("Opinion:");
  });
});
