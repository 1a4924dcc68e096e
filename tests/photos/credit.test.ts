import { describe, expect, it } from "vitest";
import type { PhotoEntry, PhotoManifest } from "../../lib/contract/photo-manifest.ts";
import {
  checkAltText,
  checkPhotoReference,
  formatCredit,
  resolvePhotoText,
} from "../../lib/pipeline/photos/index.ts";

describe("formatCredit", () => {
  it.each([
    ["agency and by-line", { creditLine: "REUTERS", creator: "Umit Bektas" }, "REUTERS/Umit Bektas"],
    ["agency uppercased", { creditLine: "Reuters", creator: "Umit Bektas" }, "REUTERS/Umit Bektas"],
    ["Source when there is no Credit", { source: "Reuters", creator: "Umit Bektas" }, "REUTERS/Umit Bektas"],
    [
      "Credit before Source",
      { creditLine: "AFP", source: "Getty Images", creator: "Ozan Kose" },
      "AFP/Ozan Kose",
    ],
    ["a ready credit line as it is", { creditLine: "AFP/Ozan Kose", creator: "Ozan Kose" }, "AFP/Ozan Kose"],
    ["a ready credit line with spaces", { creditLine: "Umit Bektas / Reuters" }, "Umit Bektas / Reuters"],
    [
      "a credit line that names the photographer",
      { creditLine: "Placeholder image — Dateline", creator: "Dateline" },
      "Placeholder image — Dateline",
    ],
    ["by-line only", { creator: "Umit Bektas" }, "Umit Bektas"],
    ["agency only", { source: "Anadolu Agency" }, "ANADOLU AGENCY"],
    ["agency that is also the by-line", { creditLine: "Reuters", creator: "REUTERS" }, "Reuters"],
    ["nothing", {}, undefined],
    ["blank fields", { creditLine: "  ", creator: "" }, undefined],
  ])("%s", (_name, meta, expected) => {
    expect(formatCredit(meta)).toBe(expected);
  });
});

describe("resolvePhotoText", () => {
  const meta = {
    caption: "ISTANBUL, Turkey — Delegates arrive.",
    creator: "Umit Bektas",
    copyright: "© Reuters 2025",
    credit: "REUTERS/Umit Bektas",
  };

  it("takes caption and credit from the photo when front matter has none", () => {
    expect(resolvePhotoText({}, meta)).toEqual({
      caption: "ISTANBUL, Turkey — Delegates arrive.",
      credit: "REUTERS/Umit Bektas",
      creator: "Umit Bektas",
      copyrightNotice: "© Reuters 2025",
    });
  });

  it("lets front matter override field by field", () => {
    expect(resolvePhotoText({ caption: "Talks in Istanbul." }, meta)).toMatchObject({
      caption: "Talks in Istanbul.",
      credit: "REUTERS/Umit Bektas",
    });
    expect(resolvePhotoText({ credit: "AP/Emrah Gurel" }, meta)).toMatchObject({
      caption: "ISTANBUL, Turkey — Delegates arrive.",
      credit: "AP/Emrah Gurel",
    });
  });

  it("sets the photo's own caption as the body is, and leaves its credit as typed", () => {
    const wire = {
      ...meta,
      caption: `Delegates at Russia's consulate -- a "second" round...`,
      credit: "O'Brien/Agency",
    };
    expect(resolvePhotoText({}, wire)).toMatchObject({
      caption: "Delegates at Russia’s consulate – a “second” round…",
      credit: "O'Brien/Agency",
    });
  });

  it("works without photo metadata, and ignores blank front matter", () => {
    expect(resolvePhotoText({ caption: "A caption.", credit: " " }, undefined)).toEqual({
      caption: "A caption.",
    });
  });
});

describe("checkAltText", () => {
  it("flags empty alt text", () => {
    expect(checkAltText("  ", "A caption")).toBe(
      "is empty — describe the photo for readers who cannot see it",
    );
    expect(checkAltText(undefined, undefined)).toMatch(/^is empty/);
  });

  it.each([
    ["the same text", "Delegates arrive at the consulate", "Delegates arrive at the consulate"],
    [
      "different case, spaces and punctuation",
      "delegates ARRIVE at the consulate",
      "Delegates arrive, at the consulate.",
    ],
    [
      "most of the caption",
      "Delegates arrive at the Russian consulate",
      "Delegates arrive at the Russian consulate, Istanbul.",
    ],
  ])("flags alt text that repeats the caption: %s", (_name, alt, caption) => {
    expect(checkAltText(alt, caption)).toBe(
      "repeats the caption — describe what the photo shows; screen readers read the caption as well",
    );
  });

  it("accepts alt text that describes the photo, or a short part of a long caption", () => {
    expect(checkAltText("Two men shake hands at a long table", "Talks in Istanbul.")).toBeUndefined();
    expect(
      checkAltText("Delegates", "Delegates arrive at the Russian consulate in Istanbul."),
    ).toBeUndefined();
    expect(checkAltText("Delegates at a table", undefined)).toBeUndefined();
  });
});

describe("checkPhotoReference", () => {
  const entry = { src: "2025/x.jpg", meta: { caption: "Talks in Istanbul." } } as PhotoEntry;
  const manifest: PhotoManifest = { version: 1, photos: { "2025/x.jpg": entry } };
  const exists = () => false;

  it("reports a photo that does not exist", () => {
    expect(
      checkPhotoReference({ src: "2025/y.jpg", alt: "A table", credit: "AP" }, manifest, { exists }),
    ).toEqual([
      { field: "src", message: "assets/photos/2025/y.jpg does not exist — add the file or correct the path" },
    ]);
  });

  it("reports a missing credit, and alt text that repeats the photo's own caption", () => {
    expect(
      checkPhotoReference({ src: "2025/x.jpg", alt: "Talks in Istanbul" }, manifest, { exists }),
    ).toEqual([
      {
        field: "alt",
        message:
          "repeats the caption — describe what the photo shows; screen readers read the caption as well",
      },
      {
        field: "credit",
        message:
          "missing — give credit: REUTERS/Umit Bektas in front matter, or fill the photo's IPTC Credit and By-line",
      },
    ]);
  });

  it("accepts a credit from front matter or from the photo", () => {
    expect(
      checkPhotoReference({ src: "2025/x.jpg", alt: "A table", credit: "AP" }, manifest, { exists }),
    ).toEqual([]);
    const credited: PhotoManifest = {
      version: 1,
      photos: { "2025/x.jpg": { ...entry, meta: { credit: "REUTERS/Umit Bektas" } } },
    };
    expect(checkPhotoReference({ src: "2025/x.jpg", alt: "A table" }, credited, { exists })).toEqual([]);
  });
});
