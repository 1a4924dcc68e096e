/**
 * The site's trust.txt (the JournalList format: one `name=value` per line): who the publication
 * belongs to, controls or is controlled by, its social accounts and its contact page, from `trust`
 * in _data/site.ts. A value is one line of text; a line break would forge another field.
 */
import { z } from "zod";
import { LINE_BREAK, LINE_BREAKS } from "./fields.ts";

/** The trust.txt fields a site may set, in the order the file lists them. */
export const TRUST_FIELDS = [
  "belongto",
  "control",
  "controlledby",
  "member",
  "social",
  "contact",
  "vendor",
  "customer",
] as const;

/** One value: an https or http address, a mailto: for contact, or a path on the site (made absolute). */
const trustValue = z
  .string({ error: "must be a web address as text, e.g. https://example.org/" })
  .refine((value) => !LINE_BREAK.test(value), {
    error: "has a line break — trust.txt holds one value per line: remove it",
  })
  .refine((value) => /^\/(?!\/)/.test(value) || (URL.canParse(value) && /^(?:https?|mailto):/i.test(value)), {
    error: (issue) =>
      `"${String(issue.input)}" is not an https://, http:// or mailto: address, nor a path on the site like /about/#feedback`,
  });

export const trustSchema = z
  .object({
    ...Object.fromEntries(TRUST_FIELDS.map((field) => [field, z.array(trustValue).optional()])),
    /** Whether the site's content may train AI models: `datatrainingallowed=yes|no`. */
    datatrainingallowed: z.boolean({ error: "must be true or false" }).optional(),
  } as Record<(typeof TRUST_FIELDS)[number], z.ZodOptional<z.ZodArray<typeof trustValue>>> & {
    datatrainingallowed: z.ZodOptional<z.ZodBoolean>;
  })
  .strict();

export type TrustSettings = z.infer<typeof trustSchema>;

/**
 * trust.txt's lines: the fields in order, then `disclosure=` (the ethics policy, when the site has
 * one) and `datatrainingallowed=`.
 * @example renderTrustTxt({ contact: ["/about/#feedback"] }, { title: "Dateline", url: "https://x.example" }, undefined) // "# trust.txt of Dateline\ncontact=https://x.example/about/#feedback\n"
 */
export function renderTrustTxt(
  trust: TrustSettings | undefined,
  site: { title: string; url: string },
  disclosure: string | undefined,
): string {
  const lines = [`# trust.txt of ${site.title.replace(LINE_BREAKS, " ")}`];
  const absolute = (value: string) => (value.startsWith("/") ? `${site.url}${value}` : value);
  for (const field of TRUST_FIELDS)
    for (const value of trust?.[field] ?? []) lines.push(`${field}=${absolute(value)}`);
  if (disclosure !== undefined) lines.push(`disclosure=${disclosure}`);
  if (trust?.datatrainingallowed !== undefined)
    lines.push(`datatrainingallowed=${trust.datatrainingallowed ? "yes" : "no"}`);
  return `${lines.join("\n")}\n`;
}
