/** The types of work (lib/contract/work-types.ts): the table every output reads, and the message for one it lacks. */
import { describe, expect, it } from "vitest";
import { unknownWorkTypeMessage, WORK_TYPE_IDS, WORK_TYPES } from "../../lib/contract/work-types.ts";

const LIST = "use one of: news, analysis, opinion, explainer, review, briefing";

describe("WORK_TYPES", () => {
  it.each([
    ["news", "News", "NewsArticle"],
    ["analysis", "Analysis", "AnalysisNewsArticle"],
    ["opinion", "Opinion", "OpinionNewsArticle"],
    ["explainer", "Explainer", "BackgroundNewsArticle"],
    ["review", "Review", "ReviewNewsArticle"],
    ["briefing", "Briefing", "NewsArticle"],
  ] as const)("%s is labelled %s and is a schema.org %s", (id, label, schemaType) => {
    expect(WORK_TYPES[id]).toMatchObject({ label, schemaType });
    // The about page's heading for the type is its label, and the label's link is its id.
    expect(label.toLowerCase()).toBe(id);
    expect(WORK_TYPES[id].definition).toMatch(/^[A-Z].{20,}\.$/);
    expect(WORK_TYPES[id].definition).not.toContain("'");
  });

  it("lists the types in the about page's order", () => {
    expect(WORK_TYPE_IDS).toEqual(["news", "analysis", "opinion", "explainer", "review", "briefing"]);
  });
});

describe("unknownWorkTypeMessage", () => {
  it.each([
    ["anaylsis", `"anaylsis" is not a type of work — did you mean "analysis"? Or ${LIST}`],
    ["Opinion", `"Opinion" is not a type of work — did you mean "opinion"? Or ${LIST}`],
    ["oped", `"oped" is not a type of work — ${LIST}`],
    [3, `must be one type of work as text — ${LIST}`],
    [["news"], `must be one type of work as text — ${LIST}`],
  ])("%j: %s", (input, message) => {
    expect(unknownWorkTypeMessage(input)).toBe(message);
  });
});
