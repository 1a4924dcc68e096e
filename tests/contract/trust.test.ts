/**
 * trust.txt (lib/contract/trust.ts): its lines from _data/site.ts, and the settings it refuses
 * with the field named, since a line break in a value would forge another field.
 */
import { describe, expect, it } from "vitest";
import settings from "../../_data/site.ts";
import { readSite, type SiteSettings } from "../../lib/contract/site.ts";
import { renderTrustTxt } from "../../lib/contract/trust.ts";

const SITE = { title: "Dateline", url: "https://dateline.example" };

describe("renderTrustTxt", () => {
  it("lists each field in the format's order, site paths made absolute, then disclosure and data training", () => {
    expect(
      renderTrustTxt(
        {
          social: ["https://social.example/@dateline"],
          member: ["https://association.example/"],
          contact: ["/about/#feedback", "mailto:desk@dateline.example"],
          datatrainingallowed: false,
        },
        SITE,
        "https://dateline.example/about/#ethics",
      ),
    ).toBe(
      [
        "# trust.txt of Dateline",
        "member=https://association.example/",
        "social=https://social.example/@dateline",
        "contact=https://dateline.example/about/#feedback",
        "contact=mailto:desk@dateline.example",
        "disclosure=https://dateline.example/about/#ethics",
        "datatrainingallowed=no",
        "",
      ].join("\n"),
    );
  });

  it("keeps a site title with line breaks on its comment line, so it cannot forge a field", () => {
    const title = "Dateline\ncontact=https://forged.example/\r\nmember=https://forged.example/";
    expect(renderTrustTxt(undefined, { ...SITE, title }, undefined)).toBe(
      "# trust.txt of Dateline contact=https://forged.example/ member=https://forged.example/\n",
    );
  });

  it("is the comment line alone for a site that sets nothing", () => {
    expect(renderTrustTxt(undefined, SITE, undefined)).toBe("# trust.txt of Dateline\n");
  });
});

describe("trust in _data/site.ts", () => {
  const base = { ...settings } as SiteSettings;
  it.each([
    [
      "a value with a line break",
      { contact: ["https://dateline.example/\nmember=https://forged.example/"] },
      "_data/site.ts: trust.contact.0: has a line break — trust.txt holds one value per line: remove it",
    ],
    [
      "a javascript: address",
      { social: ["javascript:alert(1)"] },
      '_data/site.ts: trust.social.0: "javascript:alert(1)" is not an https://, http:// or mailto: address, nor a path on the site like /about/#feedback',
    ],
    [
      "a field trust.txt does not have",
      { twitter: ["https://social.example/"] },
      '_data/site.ts: trust: Unrecognized key: "twitter"',
    ],
  ])("refuses %s, naming the field", (_case, trust, message) => {
    expect(() => readSite({ ...base, trust } as unknown as SiteSettings, {})).toThrow(message);
  });
});
