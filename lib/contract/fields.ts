/**
 * Builders for front-matter fields that hold text: each refuses what a reader must not get
 * (nothing, a number, a line break in a one-line field, too much) with a message that says the
 * fix, and sets prose as the body is set (lib/shared/typography.ts).
 */
import { z } from "zod";
import { typeset } from "../shared/typography.ts";

/** Text that must be present, non-blank and at most `max` characters. */
export function requiredText(max: number, hint: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required — ${hint}`
          : `must be text, not ${describe(issue.input)} — ${hint}`,
    })
    .trim()
    .min(1, { error: `must not be empty — ${hint}` })
    .max(max, {
      error: (issue) => `is ${String(issue.input).length} characters, the limit is ${max} — shorten it`,
    });
}

/** A line break inside one-line text: CR, LF, NEL, or Unicode's line and paragraph separators. */
export const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
/** Every run of line breaks, to join a text's lines with a space. */
export const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]+/g;

/**
 * Required text that is one line: a headline, a dek, a name, a note. A line break would reach
 * `<title>`, OpenGraph, feed titles and the email's subject as it is.
 */
export function oneLineText(max: number, hint: string) {
  return requiredText(max, hint).refine((text) => !LINE_BREAK.test(text), {
    error: "has a line break — it is shown on one line (page title, feeds, email subject): join the lines",
  });
}

/**
 * Prose a reader sees (a headline, a dek, a caption, a note), set as the body is: `Russia’s`,
 * “quotes”, en dashes. Every page, feed and email then shows the same text.
 */
export function proseLine(max: number, hint: string) {
  return oneLineText(max, hint).transform(typeset);
}

export function prose(max: number, hint: string) {
  return requiredText(max, hint).transform(typeset);
}

export function optionalText(max: number, hint: string) {
  return requiredText(max, hint).optional();
}

/** What a writer typed instead of text, for messages: "a number", "a list", "empty". */
export function describe(input: unknown): string {
  if (input === null) return "empty";
  if (Array.isArray(input)) return "a list";
  if (input instanceof Date) return "a date";
  return `a ${typeof input}`;
}
