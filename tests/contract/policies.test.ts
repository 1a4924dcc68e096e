/** The publisher's policies (lib/contract/policies.ts): their schema.org properties, their order, the paths accepted. */
import { describe, expect, it } from "vitest";
import { POLICY_PROPERTIES, policiesSchema, policyEntries } from "../../lib/contract/policies.ts";

describe("policyEntries", () => {
  it("gives the policies a site sets in the table's order, and none for a site without", () => {
    expect(policyEntries({ ethics: "/about/#ethics", corrections: "/about/#corrections" })).toEqual([
      ["corrections", "/about/#corrections"],
      ["ethics", "/about/#ethics"],
    ]);
    expect(policyEntries(undefined)).toEqual([]);
  });

  it("maps each to the NewsMediaOrganization property search engines read", () => {
    expect(POLICY_PROPERTIES).toEqual({
      corrections: "correctionsPolicy",
      publishingPrinciples: "publishingPrinciples",
      masthead: "masthead",
      ethics: "ethicsPolicy",
      diversity: "diversityPolicy",
      unnamedSources: "unnamedSourcesPolicy",
      verification: "verificationFactCheckingPolicy",
      feedback: "actionableFeedbackPolicy",
      ownership: "ownershipFundingInfo",
    });
  });
});

describe("policiesSchema", () => {
  it.each([
    ["/about/#ethics", true],
    ["/masthead/", true],
    ["about/#ethics", false],
    ["//elsewhere.example/ethics", false],
    ["https://elsewhere.example/ethics", false],
    ["/about/ #ethics", false],
  ])("%s is a site path: %s", (path, accepted) => {
    expect(policiesSchema.safeParse({ corrections: "/about/#corrections", ethics: path }).success).toBe(
      accepted,
    );
  });

  it("names the fix for a path that is not one", () => {
    const result = policiesSchema.safeParse({ corrections: "/about/#corrections", ethics: "about" });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "ethics: must be a page path on the site, starting with one /, e.g. /about/#ethics",
    ]);
  });
});
