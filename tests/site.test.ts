import { describe, expect, it } from "vitest";
import { readSite, type SiteSettings } from "../lib/contract/site.ts";

const settings: SiteSettings = {
  title: "Dateline",
  description: "A foreign-affairs newsletter.",
  url: "https://dateline.example",
  language: "en-GB",
  timeZone: "Europe/Istanbul",
  publisher: { name: "Dateline", logo: "/assets/logo.png" },
  card: { src: "site/dateline-card.jpg", alt: "The Dateline card" },
  pageSize: 10,
  feedSize: 20,
};

describe("readSite", () => {
  it.each<[string, Record<string, string | undefined>, { url: string; noindex: boolean }]>([
    [
      "takes the production origin from URL",
      { CONTEXT: "production", URL: "https://prod.example" },
      { url: "https://prod.example", noindex: false },
    ],
    [
      "drops a trailing slash from URL",
      { CONTEXT: "production", URL: "https://prod.example/" },
      { url: "https://prod.example", noindex: false },
    ],
    [
      "keeps the configured URL in production when URL is unset",
      { CONTEXT: "production" },
      { url: "https://dateline.example", noindex: false },
    ],
    [
      "keeps the configured URL on a deploy preview and sets noindex",
      { CONTEXT: "deploy-preview", URL: "https://deploy-preview-12--dateline.netlify.app" },
      { url: "https://dateline.example", noindex: true },
    ],
    [
      "sets noindex on a branch deploy",
      { CONTEXT: "branch-deploy" },
      { url: "https://dateline.example", noindex: true },
    ],
    ["leaves noindex off without CONTEXT", {}, { url: "https://dateline.example", noindex: false }],
    [
      "ignores URL without CONTEXT",
      { URL: "https://prod.example" },
      { url: "https://dateline.example", noindex: false },
    ],
  ])("%s", (_name, env, expected) => {
    expect(readSite(settings, env)).toEqual({ ...settings, ...expected });
  });

  it("drops a trailing slash from the configured URL", () => {
    expect(readSite({ ...settings, url: "https://dateline.example/" }, {}).url).toBe(
      "https://dateline.example",
    );
  });

  it("names the file and the field of an invalid time zone", () => {
    expect(() => readSite({ ...settings, timeZone: "Mars/Olympus" }, {})).toThrow(
      "_data/site.ts: timeZone: is not an IANA time zone, e.g. Europe/Istanbul",
    );
  });

  it("names the file and the field of an unknown defaultType, with a did-you-mean", () => {
    expect(() => readSite({ ...settings, defaultType: "opnion" } as unknown as SiteSettings, {})).toThrow(
      '_data/site.ts: defaultType: "opnion" is not a type of work — did you mean "opinion"? Or use one of: news, analysis, opinion, explainer, review, briefing',
    );
  });

  it("lists every invalid setting, one per line", () => {
    let message = "";
    try {
      readSite({ ...settings, timeZone: "Mars/Olympus", pageSize: 0 }, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "_data/site.ts: timeZone: is not an IANA time zone, e.g. Europe/Istanbul\n_data/site.ts: pageSize: Too small: expected number to be >=1",
    );
  });

  it("rejects a production URL that is not a URL", () => {
    expect(() => readSite(settings, { CONTEXT: "production", URL: "not a url" })).toThrow(
      "_data/site.ts: url: Invalid URL",
    );
  });
});
