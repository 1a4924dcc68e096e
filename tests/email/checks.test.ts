/**
 * The email checks (lib/checks/email.ts): the sample edition passes, and each defect an email
 * client would punish fails with its exact message, naming the source file.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_CLIENTS, EMAIL_SIZE_LIMIT, readEmailFacts } from "../../lib/checks/email.ts";
import { checkSite, formatProblem } from "../../lib/checks/index.ts";
import { copySite, removeCopies, type SiteCopy } from "../checks/site-copy.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";

const EMAIL = "2025/04/bravo/email.html";
const SOURCE = "src/issues/2025/bravo.md";
const FROM = `${EMAIL} (from ${SOURCE})`;
const ORIGIN = "https://dateline.example";
const WEB = `${ORIGIN}/2025/04/bravo/`;

let fixture: FixtureSite;
/**
 * One check cache for the file, filled by the first test's cold run: every broken copy is then
 * checked warm, its one changed email read afresh, so each test also proves a warm cache hides
 * nothing (as tests/checks/check-site.test.ts does).
 */
const cacheDir = mkdtempSync(path.join(tmpdir(), "dateline-email-checks-"));

beforeAll(() => {
  fixture = sharedSite("standard");
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.stdout}\n${fixture.stderr}`);
}, 180_000);
afterAll(() => {
  removeCopies();
  fixture?.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

async function problemLines(site: SiteCopy): Promise<string[]> {
  const report = await checkSite(site.dir, {
    cacheDir,
    sources: { "2025/04/bravo/index.html": SOURCE },
  });
  return report.problems.map(formatProblem).filter((line) => line.includes("email.html"));
}

function broken(change: (html: string) => string): SiteCopy {
  const site = copySite(fixture.output);
  site.edit(EMAIL, change);
  return site;
}

/** The lead photo's `<img …>` tag in the built email. */
function leadImage(html: string): string {
  const tag = html.match(/<img class="photo"[^>]*>/)?.[0];
  if (!tag) throw new Error("no photo in the email");
  return tag;
}

describe("email checks on a built site", () => {
  it("pass every email the build publishes, and count them", async () => {
    const report = await checkSite(fixture.output, { cacheDir });
    expect(report.pagesFromCache).toBe(0);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.emails).toBe(4);
  });

  it("fail an email over 102 KB", async () => {
    const site = broken((html) => html.replace("</td></tr>", `${"<p>x</p>".repeat(14_000)}</td></tr>`));
    const size = Buffer.byteLength(site.read(EMAIL));
    expect(size).toBeGreaterThan(EMAIL_SIZE_LIMIT);
    expect(await problemLines(site)).toEqual([
      `${FROM}: email is ${Number((size / 1024).toFixed(1))} KB, over Gmail's 102 KB limit (Gmail clips the rest) — shorten the issue or move material to the web page`,
    ]);
  });

  it("fail a relative image", async () => {
    let path = "";
    const site = broken((html) => {
      const tag = leadImage(html);
      const src = tag.match(/src="([^"]+)"/)?.[1] ?? "";
      path = new URL(src).pathname;
      return html.replace(tag, tag.replace(src, path));
    });
    expect(await problemLines(site)).toEqual([
      `${FROM}: image "${path}" is relative — email clients need an absolute URL (https://…)`,
    ]);
  });

  it("fail a WebP image, with caniemail's clients", async () => {
    let webp = "";
    const site = broken((html) => {
      const tag = leadImage(html);
      const src = tag.match(/src="([^"]+)"/)?.[1] ?? "";
      // A WebP rendition the site really has, so only the format is wrong.
      const name = readdirSync(path.join(fixture.output, "photos/2025")).find((file) =>
        /-1200\.[0-9a-f]{8}\.webp$/.test(file),
      );
      webp = `${ORIGIN}/photos/2025/${name}`;
      return html.replace(tag, tag.replace(src, webp));
    });
    expect(await problemLines(site)).toEqual([
      `${FROM}: image "${webp}" is WebP — email images must be JPEG or PNG (Outlook for Windows shows no WebP, AVIF or SVG)`,
      `${FROM}: caniemail: webP image format is not supported by outlook.windows, outlook.macos`,
    ]);
  });

  it("fail a <picture>, with caniemail's clients", async () => {
    const site = broken((html) => {
      const tag = leadImage(html);
      return html.replace(tag, `<picture>${tag}</picture>`);
    });
    expect(await problemLines(site)).toEqual([
      `${FROM}: <picture> is not shown by Gmail or Outlook — use one JPEG <img> with width and height`,
      `${FROM}: caniemail: <picture> element is not supported by gmail.desktop-webmail, gmail.mobile-webmail, gmail.ios, gmail.android, outlook.windows, outlook.outlook-com`,
    ]);
  });

  it("give the same findings from the check cache as cold", async () => {
    const site = broken((html) => html.replace(leadImage(html), `<picture>${leadImage(html)}</picture>`));
    const cacheDir = mkdtempSync(path.join(tmpdir(), "dateline-email-cache-"));
    try {
      const run = async () =>
        (
          await checkSite(site.dir, { cacheDir, sources: { "2025/04/bravo/index.html": SOURCE } })
        ).problems.map(formatProblem);
      const cold = await run();
      expect(cold.filter((line) => line.startsWith(FROM))).toHaveLength(2);
      expect(await run()).toEqual(cold);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("fail a link to a page the site does not have, and a relative link", async () => {
    const site = broken((html) =>
      html.replace(
        ">Read on the web</a>",
        `>Read on the web</a> <a href="${ORIGIN}/2025/04/nowhere/">gone</a> <a href="/archive/">archive</a>`,
      ),
    );
    expect(await problemLines(site)).toEqual([
      `${FROM}: broken link <a href="${ORIGIN}/2025/04/nowhere/">: no file 2025/04/nowhere/index.html`,
      `${FROM}: <a href="/archive/"> is relative — email links must be absolute (https://…)`,
    ]);
  });

  it("fail an email whose text part is missing or lacks the headline and web address", async () => {
    const missing = copySite(fixture.output);
    missing.write("2025/04/bravo/email.txt", "");
    expect(await problemLines(missing)).toEqual([
      `${FROM}: the text part does not carry the headline "Bravo: the property dispute"`,
      `${FROM}: the text part does not carry the web address ${WEB}`,
    ]);
  });
});

describe("readEmailFacts", () => {
  const clean = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><table role="presentation" width="600"><tr><td><h1>Headline</h1><img src="${ORIGIN}/a.png" width="600" height="300" alt="A"><a href="${WEB}">Read on the web</a></td></tr></table></body></html>`;

  it("finds nothing in a plain table email with a PNG", () => {
    expect(readEmailFacts(clean, `Headline\n${WEB}\n`, WEB).problems).toEqual([]);
  });

  it("says what markup clients drop, and what to do", () => {
    const html = clean.replace(
      "<h1>",
      '<svg></svg><div style="color: var(--ink); background-color: #fff">x</div><style>@font-face { font-family: X; }</style><img src="https://x.example/a.jpg" srcset="https://x.example/a.jpg 1x" width="1" height="1" alt=""><h1>',
    );
    const problems = readEmailFacts(html, `Headline\n${WEB}\n`, WEB).problems;
    expect(problems.slice(0, 5)).toEqual([
      "srcset is ignored by Gmail and Outlook — give each <img> one JPEG src at twice its width",
      "<svg> is not shown by Gmail or Outlook — use a PNG",
      "<style> or a stylesheet in the body is dropped by Gmail — inline the CSS (juice)",
      "web fonts and linked stylesheets are dropped by Gmail and Outlook — use system fonts",
      "CSS variables are not supported by Gmail or Outlook — write the values out",
    ]);
  });

  it("runs html-validate with the email rules: inline styles and bgcolor pass, broken markup fails", () => {
    const styled = clean.replace("<td>", '<td bgcolor="#ffffff" align="left" style="padding: 0">');
    expect(readEmailFacts(styled, `Headline\n${WEB}\n`, WEB).problems).toEqual([]);
    const broken = clean.replace("<h1>Headline</h1>", '<h1 id="a">Headline</h1><p id="a"><div>x</div>');
    expect(readEmailFacts(broken, `Headline\n${WEB}\n`, WEB).problems).toEqual([
      "html-validate: Element <p> is implicitly closed by adjacent <div> (no-implicit-close, line 1:161)",
      'html-validate: Duplicate ID "a" (no-dup-id, line 1:167)',
    ]);
  });

  it("checks the clients the issue names", () => {
    expect(EMAIL_CLIENTS).toEqual([
      "gmail.desktop-webmail",
      "gmail.mobile-webmail",
      "gmail.ios",
      "gmail.android",
      "outlook.windows",
      "outlook.macos",
      "outlook.outlook-com",
      "apple-mail.macos",
      "apple-mail.ios",
    ]);
  });
});
