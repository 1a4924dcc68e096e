/** Slugs: what an issue's or photo's file name is made of, and the heading ids links rely on. */
import { describe, expect, it } from "vitest";
import { slugifyHeading } from "../../lib/pipeline/content/markdown.ts";
import { slugify } from "../../lib/shared/text.ts";

describe("slugify", () => {
  it.each([
    ["Russia's red line", "russias-red-line"],
    ["Russia’s red line", "russias-red-line"],
    ["Who’s who in Istanbul's talks", "whos-who-in-istanbuls-talks"],
    ["'Quoted' words", "quoted-words"],
    ["Kılıçdaroğlu in Ankara", "kilicdaroglu-in-ankara"],
  ])("makes %s the slug %s", (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it("leaves heading ids as they were, so links into published issues keep working", () => {
    expect(slugifyHeading("Russia's red line")).toBe("russia-s-red-line");
  });
});
