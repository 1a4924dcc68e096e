import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhotoMeta } from "../../lib/contract/photo-manifest.ts";
import { fixIptcString, readPhotoMeta, writeIptc } from "../../lib/pipeline/photos/index.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { hasExiftool, writeTags } from "../helpers/exiftool.ts";

const small = { width: 64, height: 48 };

describe("writeIptc", () => {
  it("writes IPTC that sharp and exifr read back, keeping the image intact", async () => {
    const jpeg = writeIptc(await makeTestPhoto(small), {
      caption: "Caption",
      byline: "Umit Bektas",
      credit: "REUTERS",
      source: "Reuters",
      copyright: "© Reuters 2025",
      city: "Ankara",
      country: "Türkiye",
      keywords: ["diplomacy", "russia"],
    });
    const metadata = await sharp(jpeg).metadata();
    expect(metadata.iptc?.subarray(0, 14).toString("latin1")).toBe("Photoshop 3.0\0");
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
    const { iptc } = (await exifr.parse(jpeg, { iptc: true, mergeOutput: false })) as {
      iptc: Record<string, unknown>;
    };
    expect(iptc).toMatchObject({
      Caption: "Caption",
      Byline: "Umit Bektas",
      Credit: "REUTERS",
      City: "Ankara",
    });
    expect(iptc.Keywords).toEqual(["diplomacy", "russia"]);
  });

  it("replaces the IPTC already in a file rather than adding a second block", async () => {
    const once = writeIptc(await makeTestPhoto(small), { caption: "First" });
    const twice = writeIptc(once, { caption: "Second" });
    expect(await readPhotoMeta(twice)).toEqual({ caption: "Second" });
    expect(twice.toString("latin1").split("Photoshop 3.0\0").length - 1).toBe(1);
  });

  it("refuses a file that is not a JPEG", () => {
    expect(() => writeIptc(Buffer.from("GIF89a"), { caption: "x" })).toThrow("not a JPEG");
  });
});

describe("readPhotoMeta", () => {
  it("reads UTF-8 IPTC strings correctly (exifr alone decodes them as Latin-1)", async () => {
    const jpeg = await makeTestPhoto({
      ...small,
      iptc: {
        caption: "Recep Tayyip Erdoğan — Ankara",
        byline: "Ümit Bektaş",
        credit: "Reuters",
        copyright: "© Reuters 2025",
        city: "Ankara",
        country: "Türkiye",
      },
    });
    expect(await readPhotoMeta(jpeg)).toEqual({
      caption: "Recep Tayyip Erdoğan — Ankara",
      creator: "Ümit Bektaş",
      creditLine: "Reuters",
      copyright: "© Reuters 2025",
      city: "Ankara",
      country: "Türkiye",
      credit: "REUTERS/Ümit Bektaş",
    });
  });

  it("prefers XMP over IPTC, and IPTC over EXIF, field by field", async () => {
    const jpeg = await makeTestPhoto({
      ...small,
      xmp: { description: "XMP caption", creator: "XMP Creator" },
      iptc: { caption: "IPTC caption", byline: "IPTC Byline", credit: "AP", city: "Kyiv" },
      exif: {
        IFD0: { ImageDescription: "EXIF caption", Artist: "EXIF Artist", Copyright: "EXIF Copyright" },
      },
    });
    expect(await readPhotoMeta(jpeg)).toEqual({
      caption: "XMP caption",
      creator: "XMP Creator",
      creditLine: "AP",
      city: "Kyiv",
      copyright: "EXIF Copyright",
      credit: "AP/XMP Creator",
    });
  });

  it("ignores captions cameras write by themselves, and files without metadata", async () => {
    const camera = await makeTestPhoto({
      ...small,
      exif: { IFD0: { ImageDescription: "OLYMPUS DIGITAL CAMERA" } },
    });
    expect(await readPhotoMeta(camera)).toEqual({});
    expect(await readPhotoMeta(await makeTestPhoto({ ...small, format: "png" }))).toEqual({});
    expect(await readPhotoMeta(Buffer.from("not an image"))).toEqual({});
  });
});

describe("fixIptcString", () => {
  it("re-decodes UTF-8 that was read as Latin-1", () => {
    expect(fixIptcString(Buffer.from("Erdoğan — Ankara", "utf8").toString("latin1"))).toBe(
      "Erdoğan — Ankara",
    );
  });

  it("keeps real Latin-1 text, which is not valid UTF-8", () => {
    expect(fixIptcString("Café Zürich")).toBe("Café Zürich");
    expect(fixIptcString(undefined)).toBeUndefined();
  });
});

describe("the sample placeholder photo", () => {
  it("carries IPTC that labels it a placeholder and credits Dateline", async () => {
    const meta = await readPhotoMeta(readFileSync("assets/photos/2025/istanbul-consulate-placeholder.jpg"));
    expect(meta.caption).toMatch(/^PLACEHOLDER IMAGE — /);
    expect(meta.credit).toBe("Placeholder image — Dateline");
    expect(meta.creator).toBe("Dateline");
    // Drawn by software, not photographed: its XMP says so, and every output labels it.
    expect(meta.digitalSourceType).toBe("compositeSynthetic");
  });
});

const VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

describe("readPhotoMeta on XMP written by hand", () => {
  const packet = (properties: string) =>
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">${properties}</rdf:Description></rdf:RDF></x:xmpmeta>`;

  it("reads a digital source type written as a resource", async () => {
    const jpeg = await makeTestPhoto({
      ...small,
      xmp: packet(`<Iptc4xmpExt:DigitalSourceType rdf:resource="${VOCABULARY}trainedAlgorithmicMedia"/>`),
    });
    expect(await readPhotoMeta(jpeg)).toEqual({ digitalSourceType: "trainedAlgorithmicMedia" });
  });

  it("drops control characters that XML escapes would decode to", async () => {
    const jpeg = await makeTestPhoto({
      ...small,
      xmp: packet(
        `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Red&#x1B;[31m alert&#7; in Ankara</rdf:li></rdf:Alt></dc:description>`,
      ),
    });
    expect(await readPhotoMeta(jpeg)).toEqual({ caption: "Red[31m alert in Ankara" });
  });
});

describe.skipIf(!hasExiftool)("readPhotoMeta on XMP written by exiftool", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "dateline-xmp-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each<[string, Record<string, string>, Partial<PhotoMeta>]>([
    [
      "a generated image",
      { "XMP-iptcExt:DigitalSourceType": `${VOCABULARY}trainedAlgorithmicMedia` },
      { digitalSourceType: "trainedAlgorithmicMedia" },
    ],
    [
      "a composite with synthetic elements",
      { "XMP-iptcExt:DigitalSourceType": `${VOCABULARY}compositeSynthetic` },
      { digitalSourceType: "compositeSynthetic" },
    ],
    [
      "a photograph",
      { "XMP-iptcExt:DigitalSourceType": `${VOCABULARY}digitalCapture` },
      { digitalSourceType: "digitalCapture" },
    ],
    [
      "a term the vocabulary lacks, kept for the checks to refuse",
      { "XMP-iptcExt:DigitalSourceType": `${VOCABULARY}inventedHere` },
      { unknownSourceType: `${VOCABULARY}inventedHere` },
    ],
    [
      "a value that is not the vocabulary's",
      { "XMP-iptcExt:DigitalSourceType": "AI" },
      { unknownSourceType: "AI" },
    ],
    [
      "an address with a space and capitals, normalised",
      { "XMP-xmpRights:WebStatement": "https://Agency.example/rights page" },
      { webStatement: "https://agency.example/rights%20page" },
    ],
    [
      "a rights statement and a licensor",
      {
        "XMP-xmpRights:WebStatement": "https://agency.example/rights",
        "XMP-plus:LicensorURL": "https://agency.example/buy?id=1&size=l",
      },
      {
        webStatement: "https://agency.example/rights",
        licensorUrl: "https://agency.example/buy?id=1&size=l",
      },
    ],
    [
      "XML's escapes in XMP text, which exifr leaves in place",
      { "XMP-dc:Description": 'Q&A in Ankara <live> "now"', "XMP-photoshop:Credit": "AP & AFP" },
      { caption: 'Q&A in Ankara <live> "now"', creditLine: "AP & AFP", credit: "AP & AFP/Umit Bektas" },
    ],
    [
      "addresses a page must not link",
      { "XMP-xmpRights:WebStatement": "javascript:alert(1)", "XMP-plus:LicensorURL": "agency.example/buy" },
      {},
    ],
  ])("%s", async (name, tags, expected) => {
    const file = path.join(folder, `${name.replaceAll(" ", "-")}.jpg`);
    writeFileSync(file, await makeTestPhoto({ ...small, iptc: { byline: "Umit Bektas" } }));
    writeTags(file, tags);
    expect(await readPhotoMeta(readFileSync(file))).toEqual({
      creator: "Umit Bektas",
      credit: "Umit Bektas",
      ...expected,
    });
  });
});
