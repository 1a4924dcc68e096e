/**
 * Makes the labelled placeholder photos that stand in for agency photos in the sample
 * issues (no agency photo goes into the repository), and the publisher logo. Each
 * placeholder carries IPTC like an agency photo (caption, by-line, credit, source,
 * copyright, city, country), written by lib/pipeline/photos/iptc-writer.ts, so the photo pipeline
 * reads its caption and credit from the file. A placeholder is drawn, not photographed, so its
 * XMP says so (the IPTC digital source type), and every output labels it.
 * Run: npm run placeholders. Output is committed; rerun only to change it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { DigitalSourceType } from "../lib/contract/digital-source.ts";
import { type IptcFields, writeIptc } from "../lib/pipeline/photos/iptc-writer.ts";
import { buildXmp } from "../lib/pipeline/photos/renditions.ts";
import { escapeHtml } from "../lib/shared/text.ts";

interface Placeholder {
  file: string;
  label: string;
  width: number;
  height: number;
  hue: number;
  iptc: IptcFields;
  /** How the image was made, written as XMP Iptc4xmpExt:DigitalSourceType. */
  digitalSourceType: DigitalSourceType;
}

const placeholders: Placeholder[] = [
  {
    file: "assets/photos/2025/istanbul-consulate-placeholder.jpg",
    label: "Russian consulate, Istanbul",
    width: 2400,
    height: 1350,
    hue: 210,
    iptc: {
      caption:
        "PLACEHOLDER IMAGE — stands in for a photo of the Russian consulate in Istanbul; not an agency photo.",
      byline: "Dateline",
      credit: "Placeholder image — Dateline",
      source: "Dateline",
      copyright: "© Dateline",
      city: "Istanbul",
      country: "Türkiye",
    },
    // Drawn shapes and text composed by software: a composite with synthetic elements.
    digitalSourceType: "compositeSynthetic",
  },
];

/** A calm two-tone panel with diagonal hatching and a large PLACEHOLDER label. */
export function placeholderSvg({
  label,
  width,
  height,
  hue,
}: Omit<Placeholder, "file" | "iptc" | "digitalSourceType">): string {
  const stripes = Array.from({ length: Math.ceil((width + height) / 60) }, (_, i) => {
    const x = i * 60 - height;
    return `<line x1="${x}" y1="${height}" x2="${x + height}" y2="0" stroke="hsl(${hue},25%,42%)" stroke-width="14"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="hsl(${hue},25%,36%)"/>${stripes}
  <rect x="${width * 0.1}" y="${height * 0.3}" width="${width * 0.8}" height="${height * 0.4}" fill="hsl(${hue},20%,92%)"/>
  <text x="50%" y="${height * 0.48}" font-family="DejaVu Sans, sans-serif" font-size="${height * 0.1}" font-weight="bold" text-anchor="middle" fill="#222">PLACEHOLDER</text>
  <text x="50%" y="${height * 0.6}" font-family="DejaVu Sans, sans-serif" font-size="${height * 0.045}" text-anchor="middle" fill="#333">${escapeHtml(label)} — not an agency photo</text>
</svg>`;
}

async function main(): Promise<void> {
  for (const placeholder of placeholders) {
    mkdirSync(path.dirname(placeholder.file), { recursive: true });
    const xmp = buildXmp({ digitalSourceType: placeholder.digitalSourceType });
    const jpeg = await sharp(Buffer.from(placeholderSvg(placeholder)))
      .withXmp(xmp ?? "")
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    writeFileSync(placeholder.file, writeIptc(jpeg, placeholder.iptc));
    console.log(`wrote ${placeholder.file}`);
  }
  await writeCard("assets/photos/site/dateline-card.jpg");
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="600" height="60" fill="#fff"/><text x="0" y="46" font-family="DejaVu Serif, serif" font-size="48" font-weight="bold" fill="#7a1f1f">Dateline</text></svg>`;
  await sharp(Buffer.from(logo)).png().toFile("assets/logo.png");
  console.log("wrote assets/logo.png");
}

/**
 * The site's sharing card, used by pages and issues without a photo (search engines want a
 * large image that is not the logo). The wordmark sits in the middle, so every crop keeps it.
 */
async function writeCard(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1800">
  <rect width="100%" height="100%" fill="#5c1717"/>
  <text x="50%" y="52%" font-family="DejaVu Serif, serif" font-size="220" font-weight="bold" text-anchor="middle" fill="#fbfaf7">Dateline</text>
  <text x="50%" y="62%" font-family="DejaVu Sans, sans-serif" font-size="64" text-anchor="middle" fill="#f0d9d4">Foreign affairs, from where it happens</text>
</svg>`;
  mkdirSync(path.dirname(file), { recursive: true });
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  writeFileSync(
    file,
    writeIptc(jpeg, {
      caption: "The Dateline sharing card.",
      byline: "Dateline",
      credit: "Dateline",
      source: "Dateline",
      copyright: "© Dateline",
    }),
  );
  console.log(`wrote ${file}`);
}

await main();
