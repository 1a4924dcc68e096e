import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { renderEmailMessage } from "../../../lib/outputs/email/mime.ts";
import { ownImagePaths, pointOwnImages, renderPreviewMessage } from "../../../lib/outputs/email/preview.ts";
import { makeTestPhoto } from "../../../scripts/bench/test-photo.ts";

const ORIGIN = "https://dateline.example";
const PHOTO = `${ORIGIN}/photos/2025/consulate-600.1a2b3c4d.jpg`;

describe("pointOwnImages and ownImagePaths", () => {
  it.each([
    [
      "an image on the site",
      `<img class="photo" src="${PHOTO}" alt="x">`,
      `<img class="photo" src="LOCAL/photos/2025/consulate-600.1a2b3c4d.jpg" alt="x">`,
      ["/photos/2025/consulate-600.1a2b3c4d.jpg"],
    ],
    [
      "an image elsewhere, left alone",
      `<img src="https://elsewhere.example/a.jpg" alt="">`,
      `<img src="https://elsewhere.example/a.jpg" alt="">`,
      [],
    ],
    [
      "a host that only starts like the site's",
      `<img src="${ORIGIN}.evil.example/a.jpg">`,
      `<img src="${ORIGIN}.evil.example/a.jpg">`,
      [],
    ],
    ["a link to the site, left alone", `<a href="${PHOTO}">photo</a>`, `<a href="${PHOTO}">photo</a>`, []],
    [
      "the same image twice, listed once",
      `<img src="${PHOTO}"><img src="${PHOTO}">`,
      `<img src="LOCAL/photos/2025/consulate-600.1a2b3c4d.jpg"><img src="LOCAL/photos/2025/consulate-600.1a2b3c4d.jpg">`,
      ["/photos/2025/consulate-600.1a2b3c4d.jpg"],
    ],
  ])("%s", (_what, html, pointed, paths) => {
    expect(pointOwnImages(html, ORIGIN, (sitePath) => `LOCAL${sitePath}`)).toBe(pointed);
    expect(ownImagePaths(html, ORIGIN)).toEqual(paths);
  });
});

describe("renderPreviewMessage", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-preview-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const parts = {
    subject: "US and Russian delegations meet in Istanbul",
    fromName: "Dateline",
    origin: ORIGIN,
    webUrl: `${ORIGIN}/2025/04/istanbul-embassy-talks/`,
    date: new Date("2025-04-10T13:30:00Z"),
    text: "Delegations met for six hours.",
    html: `<p>Talks</p><img src="${PHOTO}" alt="The consulate"><img src="${ORIGIN}/photos/missing.jpg" alt="Not here">`,
  };

  it("carries the site's photos inside the message, shown by cid, and leaves the published message alone", async () => {
    const jpeg = await makeTestPhoto({ width: 120, height: 80 });
    const file = path.join(dir, "consulate.jpg");
    writeFileSync(file, jpeg);
    const fileOf = (sitePath: string) =>
      sitePath === "/photos/2025/consulate-600.1a2b3c4d.jpg" ? file : undefined;
    const preview = await simpleParser(await renderPreviewMessage(parts, fileOf));
    expect(preview.attachments.map((a) => [a.contentId, a.contentType, a.related])).toEqual([
      ["<image-1@dateline.example>", "image/jpeg", true],
    ]);
    expect(preview.attachments[0]?.content.equals(readFileSync(file))).toBe(true);
    // An image this machine lacks keeps its published address.
    expect(preview.html).toContain(`src="${ORIGIN}/photos/missing.jpg"`);
    expect(preview.subject).toBe(parts.subject);

    const published = await simpleParser(await renderEmailMessage(parts));
    expect(published.attachments).toEqual([]);
    expect(published.html).toContain(`src="${PHOTO}"`);
  });

  it("gives the same bytes for the same issue", async () => {
    const file = path.join(dir, "consulate.jpg");
    const fileOf = () => file;
    expect(
      (await renderPreviewMessage(parts, fileOf)).equals(await renderPreviewMessage(parts, fileOf)),
    ).toBe(true);
  });
});
