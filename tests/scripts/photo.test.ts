import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPhotoMeta } from "../../lib/pipeline/photos/index.ts";
import { buildXmp } from "../../lib/pipeline/photos/renditions.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";
import { runScript } from "./run-script.ts";

/** 2025-04-10T13:00:00Z. */
const EPOCH = "1744290000";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dateline-photo-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const photo = (...args: string[]) => runScript("photo.ts", args, dir, { SOURCE_DATE_EPOCH: EPOCH });

async function agencyOriginal(
  name: string,
  iptc: Parameters<typeof makeTestPhoto>[0]["iptc"],
): Promise<string> {
  const file = path.join(dir, "downloads", name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await makeTestPhoto({ width: 64, height: 48, iptc }));
  return file;
}

describe("npm run photo -- add", () => {
  it("copies a JPEG under a clean name, reports its IPTC and prints the block to paste", async () => {
    const original = await agencyOriginal("RTX 1A2B3C Istanbul.JPG", {
      caption: "Journalists wait outside the Russian consulate in Istanbul",
      byline: "Umit Bektas",
      credit: "REUTERS",
      copyright: "© Reuters 2025",
    });
    const result = photo("add", original, "--year", "2025");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const bytes = readFileSync(original);
    const copied = readFileSync(path.join(dir, "assets/photos/2025/rtx-1a2b3c-istanbul.jpg"));
    expect(copied.equals(bytes)).toBe(true);
    expect((await readPhotoMeta(copied)).creator).toBe("Umit Bektas");
    expect(result.stdout).toBe(
      [
        "Added assets/photos/2025/rtx-1a2b3c-istanbul.jpg",
        "  caption:   Journalists wait outside the Russian consulate in Istanbul",
        "  by-line:   Umit Bektas",
        "  credit:    REUTERS",
        "  copyright: © Reuters 2025",
        "  made as:   (not said: shown as a photograph)",
        `  size:      64 × 48 px, ${(bytes.byteLength / 1_000_000).toFixed(1)} MB`,
        "",
        "Paste into the issue's front matter, and describe the photo in alt:",
        "photo:",
        "  src: 2025/rtx-1a2b3c-istanbul.jpg",
        "  alt:          # required: what the photo shows, for readers who cannot see it",
        "",
      ].join("\n"),
    );
  });

  it("warns about what the photo's IPTC lacks and leaves those fields to fill", async () => {
    const original = await agencyOriginal("consulate.jpg", { caption: "The consulate" });
    const result = photo("add", original);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.filter((line) => line.startsWith("warning:"))).toEqual([
      "warning: no credit or by-line in the photo — write credit: in the front matter (the build requires one)",
      "warning: no copyright notice in the photo — check the agency's terms before publishing",
    ]);
    expect(lines.slice(-4)).toEqual([
      "  src: 2025/consulate.jpg",
      "  alt:          # required: what the photo shows, for readers who cannot see it",
      "  credit:       # e.g. REUTERS/Umit Bektas",
      "",
    ]);
  });

  it.each([
    [
      "a composite's label",
      buildXmp({ digitalSourceType: "compositeSynthetic" }),
      '  made as:   compositeSynthetic, labelled "Composite image with synthetic elements." wherever it is shown',
      [],
    ],
    [
      "a type no one can read, with the fix",
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"><Iptc4xmpExt:DigitalSourceType>AI</Iptc4xmpExt:DigitalSourceType></rdf:Description></rdf:RDF></x:xmpmeta>',
      '  made as:   "AI" (not an IPTC digital source type)',
      [
        "warning: the photo's Iptc4xmpExt:DigitalSourceType is not an IPTC digital source type, which the build refuses — write source: in the front matter, or correct the file",
      ],
    ],
  ])("says how the image was made: %s", async (_name, xmp, line, warnings) => {
    const file = path.join(dir, "incoming", `${_name.replaceAll(" ", "-").replace(/[^a-z-]/g, "")}.jpg`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await makeTestPhoto({ width: 64, height: 48, iptc: { credit: "Dateline" }, xmp }));
    const result = photo("add", file);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(line);
    expect(
      lines.filter((shown) => shown.startsWith("warning:") && shown.includes("DigitalSourceType")),
    ).toEqual(warnings);
  });

  it("refuses a file that is not an image, and copies nothing", () => {
    const file = path.join(dir, "notes.jpg");
    writeFileSync(file, "Not a photo: the caption the agency emailed.\n");
    const result = photo("add", file, "--year", "2025");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `photo: ${file}: is not a readable image — give the agency's original JPEG`,
    );
    expect(() => readFileSync(path.join(dir, "assets/photos/2025/notes.jpg"))).toThrow();
  });

  it("refuses a name that is already taken, and leaves the photo there as it was", async () => {
    const first = await agencyOriginal("consulate.jpg", { credit: "REUTERS" });
    expect(photo("add", first, "--year", "2025").status).toBe(0);
    const second = path.join(dir, "Consulate.jpeg");
    writeFileSync(second, await makeTestPhoto({ width: 32, height: 32, seed: 2 }));
    const result = photo("add", second, "--year", "2025");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "photo: assets/photos/2025/consulate.jpg already exists — rename your file before adding it, or use the photo already there (src: 2025/consulate.jpg)",
    );
    expect(readFileSync(path.join(dir, "assets/photos/2025/consulate.jpg")).equals(readFileSync(first))).toBe(
      true,
    );
  });

  it("prints its usage for --help and for a missing command", () => {
    expect(photo("--help").stdout).toContain("Usage: npm run photo -- add <file> [--year YYYY]");
    const result = photo();
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")[0]).toBe("photo: say what to do");
  });

  it("refuses a year that is not four digits", async () => {
    const original = await agencyOriginal("consulate.jpg", { credit: "REUTERS" });
    expect(photo("add", original, "--year", "25").stderr.trim()).toBe(
      "photo: --year 25 must be four digits, e.g. --year 2025",
    );
  });
});
