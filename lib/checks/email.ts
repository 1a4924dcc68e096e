/**
 * The email edition's checks (lib/email/), on every `email.html` of the site with its
 * `email.txt`. The web pages' rules (html-validate, the 40 KB page budget) are for browsers;
 * an email is judged by what mail clients show: Gmail's clipping size, images a client can
 * load, markup Gmail, Outlook and Apple Mail support (the caniemail data), links that lead
 * somewhere, and a text part that carries the headline and the web address.
 * Per-file findings are cached by the files' bytes; links are judged every time, as pages' are.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { findAll, textContent } from "domutils";
import { type ConfigData, HtmlValidate, StaticConfigLoader } from "html-validate";
import { ElementType, parseDocument } from "htmlparser2";
import { z } from "zod";
import { lazyPackage } from "../shared/lazy-package.ts";
import { hashFile, type KnownHash, sha256 } from "../shared/store.ts";
import { type BuiltSite, formatKb } from "./site.ts";

/** Loaded when an email is checked, not served from the check cache. */
const loadCaniemail = lazyPackage<typeof import("caniemail")>("caniemail");

/** Gmail clips a message past about 102 KB and hides the rest behind "View entire message". */
export const EMAIL_SIZE_LIMIT = 102 * 1024;

/** The clients every edition must work in: Gmail (web and apps), Outlook (Windows, Mac, web), Apple Mail. */
export const EMAIL_CLIENTS = [
  "gmail.desktop-webmail",
  "gmail.mobile-webmail",
  "gmail.ios",
  "gmail.android",
  "outlook.windows",
  "outlook.macos",
  "outlook.outlook-com",
  "apple-mail.macos",
  "apple-mail.ios",
] as const;

/**
 * caniemail findings the edition accepts, and why. Every HTML document has a `<body>`;
 * Outlook for Mac replaces it, which is why the colours are set again on the wrapper table.
 */
const ACCEPTED_FEATURES = new Set(["<body> element"]);

/**
 * html-validate's rules for an email edition: the web pages' recommended set, less the rules
 * that forbid what mail clients need — inline styles (Gmail drops `<style>` in places),
 * `bgcolor`, `width` and `align` (Outlook for Windows ignores their CSS), `<!--[if mso]>` blocks,
 * `<tr>` straight in `<table>` — and the 70-character `<title>` rule, since an email's title is
 * its subject line, not a search result. Unclosed elements, duplicate ids, bad nesting and the
 * accessibility rules stay.
 */
export const EMAIL_HTML_VALIDATE_CONFIG = {
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    "no-inline-style": "off",
    "no-deprecated-attr": "off",
    "no-conditional-comment": "off",
    "prefer-tbody": "off",
    "long-title": "off",
  },
} satisfies ConfigData;

let emailValidator: HtmlValidate | undefined;

/** html-validate's findings on an email edition, one line each with line and column. */
function emailMarkupProblems(html: string): string[] {
  emailValidator ??= new HtmlValidate(new StaticConfigLoader(EMAIL_HTML_VALIDATE_CONFIG));
  const report = emailValidator.validateStringSync(html, "email.html");
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `html-validate: ${message.message} (${message.ruleId}, line ${message.line}:${message.column})`,
    ),
  );
}

/** Image formats every client shows. */
const IMAGE_FORMATS: Record<string, string> = {
  jpg: "JPEG",
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  avif: "AVIF",
  svg: "SVG",
  gif: "GIF",
};

export const emailFactsSchema = z.object({
  problems: z.array(z.string()),
  /** Every `href` and `src`, for the cross-file link check. */
  links: z.array(z.object({ value: z.string(), label: z.string() })),
});

export type EmailFacts = z.infer<typeof emailFactsSchema>;

/** Whether a site file is an email edition (checked here, not as a web page). */
export function isEmailFile(file: string): boolean {
  return file === "email.html" || file.endsWith("/email.html");
}

/** `2025/04/x/email.html` → `2025/04/x/email.txt`. */
export function textPartOf(file: string): string {
  return file.replace(/\.html$/, ".txt");
}

/** The issue page beside an email: its source names the issue file. */
export function pageOfEmail(file: string): string {
  return file.replace(/email\.html$/, "index.html");
}

function imageFormat(src: string): string | undefined {
  const pathname = URL.canParse(src) ? new URL(src).pathname : src.split(/[?#]/)[0];
  const extension = pathname?.match(/\.([a-z0-9]+)$/i)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : (IMAGE_FORMATS[extension] ?? extension.toUpperCase());
}

/** Markup that mainstream clients drop, with what to do instead. */
function markupProblems($: cheerio.CheerioAPI, html: string): string[] {
  const problems: string[] = [];
  if ($("picture").length > 0)
    problems.push("<picture> is not shown by Gmail or Outlook — use one JPEG <img> with width and height");
  if ($("[srcset]").length > 0)
    problems.push("srcset is ignored by Gmail and Outlook — give each <img> one JPEG src at twice its width");
  if ($("svg").length > 0) problems.push("<svg> is not shown by Gmail or Outlook — use a PNG");
  if ($("body style, body link[rel~='stylesheet']").length > 0)
    problems.push("<style> or a stylesheet in the body is dropped by Gmail — inline the CSS (juice)");
  if ($("link[rel~='stylesheet']").length > 0 || /@font-face|@import/i.test(html))
    problems.push("web fonts and linked stylesheets are dropped by Gmail and Outlook — use system fonts");
  if (/var\(\s*--|(?:^|[;\s"'])--[a-z][\w-]*\s*:/i.test(html.replace(/<!--[\s\S]*?-->/g, "")))
    problems.push("CSS variables are not supported by Gmail or Outlook — write the values out");
  return problems;
}

function imageProblems($: cheerio.CheerioAPI): string[] {
  const problems: string[] = [];
  $("img").each((_index, element) => {
    const img = $(element);
    const src = img.attr("src")?.trim() ?? "";
    if (src === "") {
      problems.push("an <img> has no src — give it an absolute JPEG or PNG URL");
      return;
    }
    if (!/^https?:\/\//i.test(src)) {
      problems.push(`image "${src}" is relative — email clients need an absolute URL (https://…)`);
    }
    const format = imageFormat(src);
    if (format !== "JPEG" && format !== "PNG") {
      problems.push(
        `image "${src}" is ${format ?? "of unknown format"} — email images must be JPEG or PNG (Outlook for Windows shows no WebP, AVIF or SVG)`,
      );
    }
    for (const attribute of ["width", "height"]) {
      if (!img.attr(attribute)) problems.push(`image "${src}" has no ${attribute} — Outlook needs both`);
    }
    if (img.attr("alt") === undefined)
      problems.push(`image "${src}" has no alt — describe it for readers with images off`);
  });
  return problems;
}

/** caniemail's findings by signature (`caniemailSignature`): most editions share one. */
const caniemailVerdicts = new Map<string, string[]>();

/** Blanks an attribute value caniemail never reads; keeps what its checks match on. */
function signatureValue(tag: string, name: string, value: string): string {
  if (name === "href" && tag === "a")
    return value.startsWith("#") ? "#" : /^mailto:/i.test(value) ? "mailto:" : "";
  if (name === "src" || name === "srcset") return imageSignature(value);
  if (name === "style" || name === "type" || name === "name" || tag === "html" || tag === "meta")
    return value;
  return "";
}

/** Image URLs reduced to their format, which is all caniemail reads of them. */
function imageSignature(value: string): string {
  return value
    .split(",")
    .map((candidate) => {
      const url = candidate.trim().split(/\s+/)[0] ?? "";
      const mime = /^data:([^;,]+)/i.exec(url)?.[1];
      if (mime) return `data:${mime.toLowerCase()}`;
      return `x.${/\.([a-z0-9]+)$/i.exec(url.split(/[?#]/, 1)[0] ?? "")?.[1]?.toLowerCase() ?? ""}`;
    })
    .join(", ");
}

/**
 * What caniemail's verdict on an email depends on, as a small document of its own: each
 * distinct start tag once (attribute values it never reads blanked, link targets and image URLs
 * reduced to what it matches), every `<style>` block, and a comment if an element holds one.
 * It walks the email as caniemail does (htmlparser2; from each top-level element down through
 * elements and styles) and rebuilds that walk flat inside the first top-level element: caniemail
 * judges each element alone, so nesting and text do not change its verdict, and editions that
 * differ only in text and links share one signature.
 */
export function caniemailSignature(html: string): string {
  const document = parseDocument(html);
  const startTags = new Set<string>();
  const walkedStyles = new Set<Element>();
  let hasComment = false;
  const walk = (element: Element): void => {
    if (element.type === ElementType.Style) walkedStyles.add(element);
    else startTags.add(signatureTag(element));
    for (const child of element.children) {
      if (child.type === ElementType.Tag || child.type === ElementType.Style) walk(child as Element);
      else if (child.type === ElementType.Comment) hasComment = true;
    }
  };
  const topLevel = document.children.filter((node): node is Element => node.type === ElementType.Tag);
  for (const element of topLevel) walk(element);
  const styleBlock = (element: Element) => `${signatureTag(element)}${textContent(element)}</style>`;
  // Style blocks caniemail reads as stylesheets but never walks (outside every element) stay outside.
  const unwalked = findAll((node) => node.type === ElementType.Style, document.children)
    .filter((element) => !walkedStyles.has(element))
    .map(styleBlock);
  const root = topLevel[0];
  if (!root) return [...new Set(unwalked)].join("\n");
  const rootTag = signatureTag(root);
  const inside = [...startTags]
    .filter((tag) => tag !== rootTag)
    .map((tag) => {
      const name = /^<([^\s>]+)/.exec(tag)?.[1] ?? "";
      return VOID_ELEMENTS.has(name.toLowerCase()) ? tag : `${tag}</${name}>`;
    });
  return [
    ...new Set(unwalked),
    rootTag,
    ...inside,
    ...new Set([...walkedStyles].map(styleBlock)),
    ...(hasComment ? ["<!---->"] : []),
    `</${root.name}>`,
  ].join("\n");
}

/** Elements without a closing tag: a stray `</br>` or `</p>` would make an element of its own. */
const VOID_ELEMENTS = new Set(
  "area base br col embed hr img input link meta param source track wbr".split(" "),
);

/** An element's start tag with the attribute values caniemail reads, and no others. */
function signatureTag(element: Element): string {
  const attributes = Object.entries(element.attribs)
    .map(([name, value]) => `${name}="${escapeAttribute(signatureValue(element.name, name, value))}"`)
    .join(" ");
  return `<${element.name}${attributes === "" ? "" : ` ${attributes}`}>`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
}

/** caniemail's "not supported" findings, one line per feature with every client that lacks it. */
function caniemailProblems(html: string): string[] {
  const signature = caniemailSignature(html);
  const known = caniemailVerdicts.get(signature);
  if (known) return known;
  const verdict = caniemailVerdict(signature);
  caniemailVerdicts.set(signature, verdict);
  return verdict;
}

/** caniemail run on an email (or its signature). */
export function caniemailVerdict(html: string): string[] {
  const result = loadCaniemail().caniemail({ clients: [...EMAIL_CLIENTS], html });
  const clientsByFeature = new Map<string, Set<string>>();
  for (const [client, issues] of result.issues.errors) {
    for (const issue of issues) {
      if (ACCEPTED_FEATURES.has(issue.title)) continue;
      const clients = clientsByFeature.get(issue.title) ?? new Set<string>();
      clients.add(client);
      clientsByFeature.set(issue.title, clients);
    }
  }
  return [...clientsByFeature].map(
    ([feature, clients]) =>
      `caniemail: ${feature} is not supported by ${EMAIL_CLIENTS.filter((client) => clients.has(client)).join(", ")}`,
  );
}

function textProblems(headline: string, text: string | undefined): string[] {
  if (text === undefined) return ["the text part (email.txt) is missing — every email needs one"];
  if (headline !== "" && !text.replace(/\s+/g, " ").includes(headline.replace(/\s+/g, " ")))
    return [`the text part does not carry the headline "${headline}"`];
  return [];
}

/** The text part must carry the issue's web address (`webUrl`, known once the origin is). */
export function webAddressProblems(text: string | undefined, webUrl: string | undefined): string[] {
  if (text === undefined || webUrl === undefined || text.includes(webUrl)) return [];
  return [`the text part does not carry the web address ${webUrl}`];
}

/**
 * Everything about one email that depends only on its bytes and its text part's: what a
 * page-check lane computes and the check cache keeps. The web address is checked apart.
 */
export function readEmailFileFacts(html: string, text: string | undefined): EmailFacts {
  const $ = cheerio.load(html);
  const bytes = Buffer.byteLength(html);
  const problems: string[] = [];
  if (bytes > EMAIL_SIZE_LIMIT)
    problems.push(
      `email is ${formatKb(bytes)}, over Gmail's ${formatKb(EMAIL_SIZE_LIMIT)} limit (Gmail clips the rest) — shorten the issue or move material to the web page`,
    );
  problems.push(
    ...markupProblems($, html),
    ...imageProblems($),
    ...caniemailProblems(html),
    ...emailMarkupProblems(html),
  );
  problems.push(...textProblems($("h1").first().text().trim(), text));
  const links: EmailFacts["links"] = [];
  $("a[href]").each((_index, element) => {
    const value = $(element).attr("href")?.trim() ?? "";
    links.push({ value, label: `<a href="${value}">` });
  });
  $("img[src]").each((_index, element) => {
    const value = $(element).attr("src")?.trim() ?? "";
    links.push({ value, label: `<img src="${value}">` });
  });
  return { problems, links };
}

/**
 * Every per-file finding on one email: its file facts, then the web address.
 * `webUrl` is the issue page's absolute URL when the origin is known.
 */
export function readEmailFacts(
  html: string,
  text: string | undefined,
  webUrl: string | undefined,
): EmailFacts {
  const facts = readEmailFileFacts(html, text);
  return { ...facts, problems: [...facts.problems, ...webAddressProblems(text, webUrl)] };
}

/** The check cache's key for an email edition's facts: its path, its bytes and its text part's. */
export function emailFactsKey(
  dir: string,
  file: string,
  known: ReadonlyMap<string, KnownHash> | undefined,
): string {
  const text = path.join(dir, textPartOf(file));
  return sha256(
    JSON.stringify([
      "email",
      file,
      hashFile(path.join(dir, file), known),
      existsSync(text) ? hashFile(text, known) : null,
    ]),
  );
}

/** Merge tags the services fill in when they send: not URLs yet. */
function isMergeTag(value: string): boolean {
  return /^\{\{.*\}\}$|^\*\|.*\|\*$/.test(value);
}

/**
 * Links of one email: each must be absolute (a mail client has no page to resolve against),
 * and each on the site's origin must lead to a file, its fragment to an id on that page.
 */
export function emailLinkProblems(
  site: Pick<BuiltSite, "origin" | "resolve">,
  facts: EmailFacts,
  anchors: (file: string) => ReadonlySet<string> | undefined,
): string[] {
  const problems: string[] = [];
  for (const { value, label } of facts.links) {
    if (isMergeTag(value) || /^(?:mailto|tel):/i.test(value)) continue;
    if (!/^https?:\/\//i.test(value)) {
      if (label.startsWith("<a"))
        problems.push(`${label} is relative — email links must be absolute (https://…)`);
      continue;
    }
    const resolved = site.resolve(value, `${site.origin ?? ""}/`);
    if (resolved === "external" || resolved === "invalid") continue;
    if (!resolved.exists) {
      problems.push(`broken link ${label}: no file ${resolved.file}`);
      continue;
    }
    const fragment = decodeURIComponent(resolved.hash.replace(/^#/, ""));
    const ids = fragment === "" ? undefined : anchors(resolved.file);
    if (ids !== undefined && !ids.has(fragment))
      problems.push(`broken link ${label}: ${resolved.file} has no id "${fragment}"`);
  }
  return problems;
}
