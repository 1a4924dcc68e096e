/**
 * The edition as one `multipart/alternative` message (text, then HTML), composed by
 * nodemailer's MailComposer, so a writer can open `email.eml` in any mail client and see
 * it as a subscriber will. Date, Message-ID and boundaries come from the issue, so the
 * same issue always gives the same bytes.
 */
import { createHash } from "node:crypto";
import { lazyPackage } from "../../shared/lazy-package.ts";

// Loaded when an .eml is composed, which a warm build whose email files all come from the output store never does.
const loadMailComposer = lazyPackage<typeof import("nodemailer/lib/mail-composer")["default"]>(
  "nodemailer/lib/mail-composer",
);
const loadMimeFuncs = lazyPackage<typeof import("nodemailer/lib/mime-funcs")>("nodemailer/lib/mime-funcs");

export interface MessageParts {
  subject: string;
  /** The sender's display name (the site's title). */
  fromName: string;
  /** The site's origin: the sender address and Message-ID use its host. */
  origin: string;
  /** The web page: the Message-ID and boundaries derive from it. */
  webUrl: string;
  /** When the issue was published. */
  date: Date;
  text: string;
  html: string;
  /** Images the HTML shows as `cid:<cid>`, carried in the message (the preview only, preview.ts). */
  inlineImages?: readonly { cid: string; file: string }[];
}

/** `newsletter@<host>` for the preview; the service sends from the account's own address. */
function senderAddress(origin: string): string {
  return `newsletter@${new URL(origin).hostname}`;
}

/**
 * The subject as the header carries it. Text that looks like an encoded-word (`=?utf-8?B?…?=`)
 * would be decoded by mail clients, so such a subject is itself encoded: it then reads as typed.
 */
function subjectHeader(subject: string): string {
  return subject.includes("=?") ? loadMimeFuncs().encodeWord(subject, "Q", 52) : subject;
}

export function renderEmailMessage(parts: MessageParts): Promise<Buffer> {
  const host = new URL(parts.origin).hostname;
  const digest = createHash("sha256").update(parts.webUrl).digest("hex");
  const composer = new (loadMailComposer())({
    from: { name: parts.fromName, address: senderAddress(parts.origin) },
    subject: subjectHeader(parts.subject),
    date: parts.date,
    messageId: `<${digest.slice(0, 24)}@${host}>`,
    baseBoundary: digest.slice(24, 48),
    text: parts.text,
    html: parts.html,
    ...(parts.inlineImages?.length
      ? {
          attachments: parts.inlineImages.map((image) => ({
            cid: image.cid,
            path: image.file,
            contentDisposition: "inline" as const,
          })),
        }
      : {}),
    textEncoding: "quoted-printable",
    // RFC 5322: CRLF ends every line, body lines too (the parts are written with bare LF).
    newline: "windows",
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => {
      if (error) reject(error);
      else resolve(message);
    });
  });
}
