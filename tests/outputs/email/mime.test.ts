/** The .eml as a mail client reads it: subjects exactly as written, CRLF line ends. */
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { renderEmailMessage } from "../../../lib/outputs/email/mime.ts";

function message(subject: string) {
  return renderEmailMessage({
    subject,
    fromName: "Dateline",
    origin: "https://dateline.example",
    webUrl: "https://dateline.example/2025/04/talks/",
    date: new Date("2025-04-10T13:30:00Z"),
    text: "Talks.\nMore talks.\n",
    html: "<p>Talks.</p>\n<p>More talks.</p>\n",
  });
}

describe("renderEmailMessage", () => {
  it.each([
    "US and Russian delegations meet in Istanbul",
    "Talks in İstanbul: “second round”",
    "=?utf-8?B?SGVsbG8=?= talks resume",
    "Prices =?ISO-8859-1?Q?=A3?= and more",
  ])("gives a subject a mail client reads as written: %s", async (subject) => {
    const mail = await simpleParser(await message(subject));
    expect(mail.subject).toBe(subject);
  });

  it("ends every line with CRLF", async () => {
    const eml = (await message("Talks")).toString("latin1");
    expect(eml.match(/(?<!\r)\n/g)).toBeNull();
  });
});
