/**
 * A content-check context as a build has it, on a temporary photo folder: two authors,
 * three topics, an uncredited photo (2025/consulate.jpg), a photo with an IPTC credit
 * (2025/credited.jpg), a credited image whose XMP says AI made it (2025/generated.jpg), and the
 * photo desk's manifest for them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { CheckContext } from "../../lib/pipeline/content/check-issue.ts";
import { processPhotos } from "../../lib/pipeline/photos/index.ts";
import { buildXmp } from "../../lib/pipeline/photos/renditions.ts";
import { makeTestPhoto } from "../../scripts/bench/test-photo.ts";

export async function createCheckContext(): Promise<{ context: CheckContext; remove: () => void }> {
  const root = mkdtempSync(path.join(os.tmpdir(), "dateline-check-"));
  const photosDir = path.join(root, "photos");
  mkdirSync(path.join(photosDir, "2025"), { recursive: true });
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } })
    .jpeg()
    .toFile(path.join(photosDir, "2025", "consulate.jpg"));
  writeFileSync(
    path.join(photosDir, "2025", "credited.jpg"),
    await makeTestPhoto({ width: 40, height: 30, iptc: { credit: "REUTERS", byline: "Umit Bektas" } }),
  );
  writeFileSync(
    path.join(photosDir, "2025", "generated.jpg"),
    await makeTestPhoto({
      width: 40,
      height: 30,
      iptc: { credit: "Dateline" },
      xmp: buildXmp({ digitalSourceType: "trainedAlgorithmicMedia" }),
    }),
  );
  const { manifest } = await processPhotos({
    photosDir,
    outputDir: path.join(root, "out"),
    cacheDir: path.join(root, "cache"),
  });
  const context: CheckContext = {
    site: { timeZone: "Europe/Istanbul" },
    authors: {
      "ayse-kaya": { name: "Ayşe Kaya", bio: "Istanbul correspondent." },
      "sonata-coulter": { name: "Sonata Coulter", bio: "Diplomatic editor." },
    },
    topics: {
      russia: { name: "Russia", kind: "country", description: "Russia and its neighbours." },
      turkey: { name: "Turkey", kind: "country", description: "Turkish politics and diplomacy." },
      diplomacy: { name: "Diplomacy", kind: "theme", description: "Talks, summits and envoys." },
    },
    photosDir,
    photos: manifest,
  };
  return { context, remove: () => rmSync(root, { recursive: true, force: true }) };
}
