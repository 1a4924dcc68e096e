import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PhotoEntry, renditionsOf } from "../../lib/contract/photo-manifest.ts";
import { type ProcessResult, processPhotos, readManifest } from "../../lib/pipeline/photos/index.ts";
import { hasExiftool, readTags, writeTags } from "../helpers/exiftool.ts";
import { createSandbox, type PhotoSandbox, snapshot } from "./helpers.ts";

const CAPTION = "Recep Tayyip Erdoğan — Ankara";

describe("processPhotos, cold", () => {
  let box: PhotoSandbox;
  let result: ProcessResult;
  const entry = (src: string): PhotoEntry => {
    const found = result.manifest.photos[src];
    if (!found) throw new Error(`${src} is not in the manifest`);
    return found;
  };
  const outputFile = (sitePath: string) => path.join(box.outputDir, sitePath.replace(/^\/photos\//, ""));

  beforeAll(async () => {
    box = createSandbox();
    await box.addPhoto("2025/Consulate Talks.jpg", {
      width: 1300,
      height: 867,
      gps: true,
      exif: { IFD0: { Make: "Canon", Model: "Canon EOS R5" } },
      iptc: {
        caption: CAPTION,
        byline: "Umit Bektas",
        credit: "Reuters",
        copyright: "© Reuters 2025",
        city: "Ankara",
        country: "Türkiye",
      },
    });
    await box.addPhoto("2025/turned.jpg", { width: 200, height: 100, exifOrientation: 6, seed: 2 });
    await box.addPhoto("2024/small.jpg", { width: 600, height: 400, seed: 3 });
    await box.addPhoto("2024/graphic.png", { width: 240, height: 160, seed: 4, format: "png" });
    await box.addPhoto("2024/already.avif", { width: 240, height: 160, seed: 5, format: "avif" });
    box.addFile(".DS_Store", "Finder junk");
    result = await processPhotos(box);
  });
  afterAll(() => box.remove());

  it("processes every accepted original, skipping dotfiles, with no problems", () => {
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.manifest.photos)).toEqual([
      "2024/already.avif",
      "2024/graphic.png",
      "2024/small.jpg",
      "2025/Consulate Talks.jpg",
      "2025/turned.jpg",
    ]);
    expect(result.made).toBe(5);
    expect(result.encoded).toBeGreaterThan(0);
  });

  it("makes AVIF, WebP and JPEG at every width up to the original's, named by content hash", async () => {
    const photo = entry("2025/Consulate Talks.jpg");
    expect(photo.renditions.map((r) => `${r.format} ${r.width}×${r.height}`)).toEqual([
      "avif 480×320",
      "avif 800×534",
      "avif 1200×800",
      "webp 480×320",
      "webp 800×534",
      "webp 1200×800",
      "jpeg 480×320",
      "jpeg 800×534",
      "jpeg 1200×800",
    ]);
    for (const rendition of photo.renditions) {
      const extension = { avif: "avif", webp: "webp", jpeg: "jpg" }[rendition.format];
      expect(rendition.path).toMatch(
        new RegExp(`^/photos/2025/consulate-talks-${rendition.width}\\.[0-9a-f]{8}\\.${extension}$`),
      );
      const bytes = readFileSync(outputFile(rendition.path));
      expect(bytes.length).toBe(rendition.bytes);
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
      expect(rendition.path).toContain(`.${hash}.`);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        rendition.format === "avif" ? "heif" : rendition.format,
        rendition.width,
        rendition.height,
      ]);
    }
  });

  it("gives a 600 px original renditions at 480 and 600 px, and accepts PNG and AVIF originals", () => {
    expect(renditionsOf(entry("2024/small.jpg"), "jpeg").map((r) => r.width)).toEqual([480, 600]);
    expect(renditionsOf(entry("2024/graphic.png"), "avif").map((r) => r.width)).toEqual([240]);
    expect(entry("2024/already.avif").format).toBe("heif");
  });

  it("makes progressive JPEGs", async () => {
    const jpeg = renditionsOf(entry("2024/small.jpg"), "jpeg")[0];
    expect((await sharp(readFileSync(outputFile(jpeg?.path ?? ""))).metadata()).isProgressive).toBe(true);
  });

  it("crops for social cards at their aspect ratios, never upscaled", () => {
    const crops = entry("2025/Consulate Talks.jpg").crops;
    expect(
      Object.fromEntries(Object.entries(crops).map(([name, c]) => [name, `${c.width}×${c.height}`])),
    ).toEqual({
      og: "1200×630",
      "16x9": "1300×731",
      "4x3": "1156×867",
      "1x1": "867×867",
    });
    for (const crop of Object.values(crops)) {
      expect(crop.path).toMatch(/^\/photos\/2025\/consulate-talks-(?:og|16x9|4x3|1x1)\.[0-9a-f]{8}\.jpg$/);
      expect(existsSync(outputFile(crop.path))).toBe(true);
    }
  });

  it("applies EXIF orientation: a 200×100 original tagged 6 gives 100 px wide, upright renditions", async () => {
    const photo = entry("2025/turned.jpg");
    expect([photo.width, photo.height]).toEqual([100, 200]);
    const jpeg = renditionsOf(photo, "jpeg")[0];
    expect([jpeg?.width, jpeg?.height]).toEqual([100, 200]);
    const metadata = await sharp(readFileSync(outputFile(jpeg?.path ?? ""))).metadata();
    expect([metadata.width, metadata.height, metadata.orientation ?? 1]).toEqual([100, 200, 1]);
  });

  it("strips GPS and camera EXIF but keeps creator, credit and copyright in every rendition", async () => {
    const photo = entry("2025/Consulate Talks.jpg");
    const jpeg = renditionsOf(photo, "jpeg")[0];
    const parsed = (await exifr.parse(readFileSync(outputFile(jpeg?.path ?? "")), {
      xmp: true,
      gps: true,
      ifd0: {},
      mergeOutput: false,
    })) as Record<string, Record<string, unknown> | undefined>;
    expect(parsed.gps).toBeUndefined();
    expect(parsed.ifd0?.Model).toBeUndefined();
    expect(parsed.ifd0).toMatchObject({ Artist: "Umit Bektas", Copyright: "(C) Reuters 2025" });
    expect(parsed.dc).toMatchObject({
      creator: "Umit Bektas",
      rights: { value: "© Reuters 2025" },
      description: { value: CAPTION },
    });
    expect(parsed.photoshop).toMatchObject({ Credit: "REUTERS/Umit Bektas" });
    for (const rendition of [...photo.renditions, ...Object.values(photo.crops)]) {
      const metadata = await sharp(readFileSync(outputFile(rendition.path))).metadata();
      expect(metadata.xmpAsString).toContain("<rdf:li>Umit Bektas</rdf:li>");
      expect(metadata.xmpAsString).toContain("REUTERS/Umit Bektas");
    }
  });

  it("puts the photo's caption and credit in the manifest", () => {
    expect(entry("2025/Consulate Talks.jpg").meta).toEqual({
      caption: CAPTION,
      creator: "Umit Bektas",
      creditLine: "Reuters",
      copyright: "© Reuters 2025",
      city: "Ankara",
      country: "Türkiye",
      credit: "REUTERS/Umit Bektas",
    });
    expect(entry("2024/small.jpg").meta).toEqual({});
  });

  it("records a placeholder: the dominant colour and a ~20 px JPEG data URI", async () => {
    const { placeholder } = entry("2025/Consulate Talks.jpg");
    expect(placeholder.color).toMatch(/^#[0-9a-f]{6}$/);
    const tiny = Buffer.from(placeholder.dataUri.replace(/^data:image\/jpeg;base64,/, ""), "base64");
    const metadata = await sharp(tiny).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", 20, 13]);
  });

  it("writes the manifest readManifest returns: sorted keys, no timestamps", () => {
    expect(readManifest(box.cacheDir)).toEqual(result.manifest);
    const text = readFileSync(path.join(box.cacheDir, "manifest.json"), "utf8");
    expect(text).not.toMatch(/mtime|time|date/i);
    const keys = Object.keys(JSON.parse(text).photos["2024/small.jpg"]);
    expect(keys).toEqual([...keys].sort());
  });

  it("does no sharp work when nothing changed, and republishes into a fresh output folder", async () => {
    const outputDir = path.join(box.root, "_site.staging/photos");
    const warm = await processPhotos({ ...box, outputDir });
    expect({ encoded: warm.encoded, made: warm.made, reused: warm.reused }).toEqual({
      encoded: 0,
      made: 0,
      reused: 5,
    });
    expect(warm.manifest).toEqual(result.manifest);
    expect(snapshot(outputDir)).toEqual(snapshot(box.outputDir));
  });
});

describe("processPhotos, when originals change", () => {
  let box: PhotoSandbox;
  beforeAll(() => {
    box = createSandbox();
  });
  afterAll(() => box.remove());

  it("reuses the cache for a renamed photo, and removes a deleted photo everywhere", async () => {
    await box.addPhoto("2025/a.jpg", { width: 160, height: 120, seed: 1, iptc: { credit: "AP" } });
    await box.addPhoto("2025/b.jpg", { width: 160, height: 120, seed: 2 });
    const cold = await processPhotos(box);
    expect(cold.problems).toEqual([]);
    const objects = () => readdirSync(path.join(box.cacheDir, "objects")).length;
    expect(objects()).toBe(2);

    renameSync(path.join(box.photosDir, "2025/a.jpg"), path.join(box.photosDir, "2025/a-renamed.jpg"));
    const renamed = await processPhotos(box);
    expect(renamed.encoded).toBe(0);
    expect(Object.keys(renamed.manifest.photos)).toEqual(["2025/a-renamed.jpg", "2025/b.jpg"]);
    expect(renamed.manifest.photos["2025/a-renamed.jpg"]?.meta.credit).toBe("AP");
    const files = Object.keys(snapshot(box.outputDir));
    expect(files.filter((file) => file.startsWith("2025/a-renamed-"))).toHaveLength(7);
    expect(files.filter((file) => file.startsWith("2025/a-") && !file.startsWith("2025/a-renamed-"))).toEqual(
      [],
    );

    rmSync(path.join(box.photosDir, "2025/b.jpg"));
    const deleted = await processPhotos(box);
    expect(deleted.encoded).toBe(0);
    expect(Object.keys(readManifest(box.cacheDir).photos)).toEqual(["2025/a-renamed.jpg"]);
    expect(Object.keys(snapshot(box.outputDir)).filter((file) => file.startsWith("2025/b-"))).toEqual([]);
    expect(objects()).toBe(1);
  });

  it("re-encodes a photo whose bytes changed, and only that one", async () => {
    await box.addPhoto("2025/a-renamed.jpg", { width: 160, height: 120, seed: 9 });
    await box.addPhoto("2025/c.jpg", { width: 160, height: 120, seed: 3 });
    const changed = await processPhotos(box);
    expect({ made: changed.made, reused: changed.reused }).toEqual({ made: 2, reused: 0 });
    const again = await processPhotos(box);
    expect({ encoded: again.encoded, made: again.made, reused: again.reused }).toEqual({
      encoded: 0,
      made: 0,
      reused: 2,
    });
  });

  it("re-reads a photo replaced by another of the same size and modification time", async () => {
    const file = path.join(box.photosDir, "2025/d.jpg");
    const captioned = await box.addPhoto("2025/d.jpg", {
      width: 160,
      height: 120,
      seed: 6,
      iptc: { caption: "Talks in Ankara." },
    });
    expect((await processPhotos(box)).manifest.photos["2025/d.jpg"]?.meta.caption).toBe("Talks in Ankara.");
    const reference = path.join(box.root, "reference.jpg");
    execFileSync("cp", ["-p", file, reference]);
    // Another photo with the same size and, once touched back, the very same mtime: only its bytes differ.
    const replacement = Buffer.from(captioned.toString("latin1").replace("Ankara", "Angara"), "latin1");
    expect(replacement.length).toBe(captioned.length);
    writeFileSync(file, replacement);
    execFileSync("touch", ["-r", reference, file]);
    expect(statSync(file).mtimeMs).toBe(statSync(reference).mtimeMs);
    expect((await processPhotos(box)).manifest.photos["2025/d.jpg"]?.meta.caption).toBe("Talks in Angara.");
  });

  it("re-crops when a photo's focus changes", async () => {
    const before = readManifest(box.cacheDir).photos["2025/c.jpg"];
    const refocused = await processPhotos({ ...box, focus: { "2025/c.jpg": "top" } });
    expect(refocused.made).toBe(1);
    const after = refocused.manifest.photos["2025/c.jpg"];
    expect(after?.focus).toBe("top");
    expect(after?.crops.og.path).not.toBe(before?.crops.og.path);
  });
});

describe("processPhotos, determinism", () => {
  it("gives byte-identical files and manifest from two cold runs with separate caches", async () => {
    const boxes = [createSandbox(), createSandbox()];
    try {
      const runs = [];
      for (const box of boxes) {
        await box.addPhoto("2025/one.jpg", {
          width: 700,
          height: 467,
          iptc: { caption: CAPTION, byline: "Umit Bektas", credit: "Reuters" },
        });
        await box.addPhoto("2025/two.png", { width: 300, height: 200, seed: 7, format: "png" });
        runs.push(await processPhotos(box));
      }
      expect(runs[0]?.problems).toEqual([]);
      expect(runs[0]?.manifest).toEqual(runs[1]?.manifest);
      const manifests = boxes.map((box) => readFileSync(path.join(box.cacheDir, "manifest.json")));
      expect(manifests[0]?.equals(manifests[1] ?? Buffer.alloc(0))).toBe(true);
      const outputs = boxes.map((box) => snapshot(box.outputDir));
      // one.jpg: 480 and 700 px × 3 formats + 4 crops; two.png: 300 px × 3 formats + 4 crops.
      expect(Object.keys(outputs[0] ?? {})).toHaveLength(2 * 3 + 4 + 3 + 4);
      expect(outputs[0]).toEqual(outputs[1]);
    } finally {
      for (const box of boxes) box.remove();
    }
  });
});

describe("processPhotos, duplicates", () => {
  it("publishes two originals with the same bytes under both names from one cache object", async () => {
    const box = createSandbox();
    try {
      const bytes = await box.addPhoto("2025/a.jpg", { width: 120, height: 80 });
      box.addFile("2024/copy of a.jpg", bytes);
      const run = await processPhotos(box);
      expect(run.problems).toEqual([]);
      expect(readdirSync(path.join(box.cacheDir, "objects"))).toHaveLength(1);
      const files = Object.keys(snapshot(box.outputDir));
      expect(files.filter((file) => file.startsWith("2024/copy-of-a-"))).toHaveLength(7);
      expect(files.filter((file) => file.startsWith("2025/a-"))).toHaveLength(7);
    } finally {
      box.remove();
    }
  });
});

describe.skipIf(!hasExiftool)("processPhotos, a synthetic image's provenance", () => {
  let box: PhotoSandbox;
  let result: ProcessResult;
  const source = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

  beforeAll(async () => {
    box = createSandbox();
    await box.addPhoto("2025/generated.jpg", { width: 900, height: 600, iptc: { byline: "Dateline" } });
    writeTags(path.join(box.photosDir, "2025/generated.jpg"), {
      "XMP-iptcExt:DigitalSourceType": source,
      "XMP-xmpRights:WebStatement": "https://agency.example/rights?a=1&b=2",
      "XMP-plus:LicensorURL": "https://agency.example/buy",
    });
    result = await processPhotos(box);
  });
  afterAll(() => box.remove());

  it("reads the digital source type and licence addresses into the manifest", () => {
    expect(result.manifest.photos["2025/generated.jpg"]?.meta).toMatchObject({
      digitalSourceType: "trainedAlgorithmicMedia",
      webStatement: "https://agency.example/rights?a=1&b=2",
      licensorUrl: "https://agency.example/buy",
    });
  });

  it("keeps them in every rendition and crop, as exiftool reads them", () => {
    const photo = result.manifest.photos["2025/generated.jpg"];
    const files = [...(photo?.renditions ?? []), ...Object.values(photo?.crops ?? {})];
    expect(files.length).toBeGreaterThan(6);
    for (const file of files) {
      const tags = readTags(path.join(box.outputDir, file.path.replace(/^\/photos\//, "")));
      expect(tags, file.path).toMatchObject({
        "XMP-iptcExt:DigitalSourceType": source,
        "XMP-xmpRights:WebStatement": "https://agency.example/rights?a=1&b=2",
        "XMP-plus:LicensorURL": "https://agency.example/buy",
        "XMP-dc:Creator": "Dateline",
      });
    }
  });
});
