/**
 * What an issue says about how it was reported (the Trust Project's "citations and references"
 * and "methods" indicators): `sources:`, each a web page readers can check with, ideally, an
 * archived copy, since links rot; `backstory:`, who was interviewed, what was seen first-hand and
 * what could not be verified; and `unnamedSources:`, how many sources the text does not name.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { describe, optionalText, proseLine, requiredText } from "./fields.ts";

/**
 * Whether `text` is an address a reader can follow: `https:` or `http:`, never `javascript:`,
 * `data:` or a file.
 * @example isWebAddress("https://www.state.gov/x") // true; isWebAddress("javascript:alert(1)") // false
 */
export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol, hostname } = new URL(text);
  return (protocol === "https:" || protocol === "http:") && hostname !== "";
}

const webAddress = (hint: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required — ${hint}`
          : `must be a web address, not ${describe(issue.input)} — ${hint}`,
    })
    .trim()
    .refine(isWebAddress, {
      error: (issue) =>
        `"${String(issue.input)}" is not a web address — give an https:// or http:// link (${hint.replace(/^give /, "")})`,
    });

/** A calendar date, `2025-04-10`: a source's publication date needs no time. */
const calendarDate = z
  .string({
    error: (issue) => `must be a date like 2025-04-10, not ${describe(issue.input)}`,
  })
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid, {
    error: (issue) => `"${String(issue.input)}" is not a date — write it like 2025-04-10`,
  });

const sourceSchema = z
  .object(
    {
      title: proseLine(300, "name the source, e.g. the ministry's statement on the talks"),
      url: webAddress("give the source's address, e.g. https://www.state.gov/…"),
      publisher: optionalText(200, "say who published it, e.g. US Department of State"),
      date: calendarDate.optional(),
      /** The address of an archived copy (a web archive's snapshot). */
      archived: webAddress("give the address of an archived copy of the source").optional(),
    },
    { error: "must be fields (title, url, publisher, date, archived), e.g. - title: …  url: https://…" },
  )
  .strict()
  .superRefine((source, ctx) => {
    if (source.archived !== undefined && source.archived === source.url)
      ctx.addIssue({
        code: "custom",
        path: ["archived"],
        message:
          "is the source's own address — give the address of an archived copy (a web archive's snapshot), or leave archived out",
      });
  });

export type Source = z.infer<typeof sourceSchema>;
export const sourceFieldNames = Object.keys(sourceSchema.shape) as (keyof Source)[];

/** The reporting fields of an issue's front matter, spread into its schema. */
export const reportingFields = {
  sources: z
    .array(sourceSchema, { error: "must be a list of sources, each - title: …  url: https://…" })
    .optional(),
  /** Markdown: how the issue was reported. */
  backstory: requiredText(
    5000,
    "say how the issue was reported: who was interviewed, what was seen",
  ).optional(),
  unnamedSources: z
    .int({
      error: (issue) =>
        `must be a whole number, not ${describe(issue.input)} — the count of sources not named, e.g. 2`,
    })
    .min(0, { error: "must be 0 or more — the count of sources the text does not name" })
    .optional(),
};

/** A source without an archived copy, on an issue going out: a warning, since links rot. */
export function sourcesWithoutArchive(
  sources: readonly Source[] | undefined,
): { field: string; message: string }[] {
  return (sources ?? []).flatMap((source, index) =>
    source.archived === undefined
      ? [
          {
            field: `sources.${index}.archived`,
            message: `"${source.title}" has no archived copy — links rot; add archived: with the address of a web archive's snapshot of ${source.url}`,
          },
        ]
      : [],
  );
}
