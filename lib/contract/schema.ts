/**
 * The content contract (DESIGN.md §2) as zod schemas. Every type the build uses for
 * issues, authors, topics and the site comes from here through `z.infer`.
 *
 * Messages follow the house format "what is wrong — how to fix it"; `lib/content.ts`
 * prefixes them with the file and the field.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { removeControlCharacters } from "../shared/text.ts";
import { typeset } from "../shared/typography.ts";
import {
  DIGITAL_SOURCE_TYPE_IDS,
  parseDigitalSourceType,
  unknownDigitalSourceMessage,
} from "./digital-source.ts";
import { describe, optionalText, prose, proseLine, requiredText } from "./fields.ts";
import { focusSchema } from "./focus-values.ts";
import { policiesSchema } from "./policies.ts";
import { reportingFields } from "./sources.ts";
import { trustSchema } from "./trust.ts";
import { unknownWorkTypeMessage, WORK_TYPE_IDS } from "./work-types.ts";

/** Ids of authors and topics: they become URL segments, so keep them plain. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ID_HINT = "use lowercase letters, digits and hyphens, e.g. ayse-demir";

/** The offset the examples in date messages use: the sample site's (Istanbul). */
const EXAMPLE_OFFSET = "+03:00";

/** How writers type dates when they do not type ISO 8601; tried in order, in English. */
const WRITTEN_DATE_FORMATS = [
  "d MMMM yyyy",
  "d MMM yyyy",
  "MMMM d yyyy",
  "MMMM d, yyyy",
  "MMM d, yyyy",
  "MMM d yyyy",
  "yyyy/M/d",
  "d.M.yyyy",
  "yyyy-M-d",
];

/**
 * The date-time a writer meant by a date typed another way, in the house format, or undefined.
 * A missing time becomes 09:00, the offset is the sample site's.
 * @example suggestDateTime("10 April 2025") // "2025-04-10T09:00:00+03:00"
 * @example suggestDateTime("2025-04-10 16:30") // "2025-04-10T16:30:00+03:00"
 */
function suggestDateTime(value: string): string | undefined {
  const match = /^(.*?)(?:(?:[\sT,]+|,\s*|\s+at\s+)(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/i.exec(value.trim());
  const [, datePart = "", hour = "9", minute = "00", second = "00"] = match ?? [];
  for (const format of WRITTEN_DATE_FORMATS) {
    const day = DateTime.fromFormat(datePart.trim().replace(/\s+/g, " "), format, { locale: "en" });
    if (!day.isValid) continue;
    const time = day.set({ hour: Number(hour), minute: Number(minute), second: Number(second) });
    if (!time.isValid) return undefined;
    return `${time.toFormat("yyyy-MM-dd'T'HH:mm:ss")}${EXAMPLE_OFFSET}`;
  }
  return undefined;
}

const DATE_FORMAT_HINT = "year-month-day, T, the time, then the offset";

/**
 * An ISO 8601 date-time with an explicit offset, kept as the string the writer typed.
 * A bare date is ambiguous (midnight where?), so it is rejected.
 */
export const offsetDateTime = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "required — give the publication time with its offset, e.g. 2025-04-10T16:30:00+03:00"
        : `must be a date-time, not ${describe(issue.input)} — write it like 2025-04-10T16:30:00+03:00`,
  })
  .superRefine((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      problem(`"${value}" has no time — add the time and offset, e.g. ${value}T09:00:00${EXAMPLE_OFFSET}`);
      return;
    }
    // Not ISO 8601 at all (`10 April 2025`, `2025-04-10 09:00`): show the writer's own date in the format.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      const suggestion = suggestDateTime(value);
      problem(
        suggestion
          ? `"${value}" is not in the date format — write it as ${suggestion} (${DATE_FORMAT_HINT})`
          : `"${value}" is not a date-time — write it like 2025-04-10T09:00:00${EXAMPLE_OFFSET} (${DATE_FORMAT_HINT})`,
      );
      return;
    }
    if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
      problem(`"${value}" has no offset — add one, e.g. ${EXAMPLE_OFFSET} for Istanbul or Z for UTC`);
      return;
    }
    if (!DateTime.fromISO(value, { setZone: true }).isValid) {
      problem(`"${value}" is not a valid date-time — write it like 2025-04-10T16:30:00${EXAMPLE_OFFSET}`);
    }
  });

/** A list refinement: each id after its first appearance is an error at its index. */
function reportRepeats(what: string) {
  return (ids: string[], ctx: z.RefinementCtx) => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) < index) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `"${id}" is already listed — list each ${what} once`,
        });
      }
    });
  };
}

const idList = (what: "author" | "topic") =>
  z
    .array(z.string().regex(idPattern, { error: `is not a valid ${what} id — ${ID_HINT}` }), {
      error: (issue) =>
        issue.input === undefined
          ? `required — list at least one ${what} id from _data/${what}s.ts`
          : `must be a list of ${what} ids, e.g. [${what === "author" ? "ayse-kaya" : "russia"}]`,
    })
    .min(1, { error: `must list at least one ${what} — add an id from _data/${what}s.ts` })
    // A repeat would list the issue twice on the topic or author page.
    .superRefine(reportRepeats(what));

/**
 * `people`, `places` and `organisations`: optional lists of ids from `_data/<kind>.ts`, each
 * listed once. Whether the ids exist is checked in lib/content.ts, with a did-you-mean.
 */
const entityIdList = (kind: "people" | "places" | "organisations", example: string) =>
  z
    .array(z.string().regex(idPattern, { error: `is not a valid id — ${ID_HINT}` }), {
      error: `must be a list of ids from _data/${kind}.ts, e.g. [${example}]`,
    })
    // A repeat would list the issue twice on the entity's page.
    .superRefine(reportRepeats("id"))
    .optional();

/** `type:` and the site's `defaultType`: one of the types of work, with a did-you-mean. */
const workTypeSchema = z.enum(WORK_TYPE_IDS, { error: (issue) => unknownWorkTypeMessage(issue.input) });

/** `photo.source`: an IPTC digital source type, as its term or the vocabulary's full address. */
const digitalSourceSchema = z.preprocess(
  (value) => (typeof value === "string" ? (parseDigitalSourceType(value) ?? value) : value),
  z.enum(DIGITAL_SOURCE_TYPE_IDS, { error: (issue) => unknownDigitalSourceMessage(issue.input) }),
);

const photoSchema = z
  .object(
    {
      src: requiredText(300, "give the path under assets/photos/, e.g. 2025/istanbul-consulate.jpg"),
      alt: requiredText(500, "describe the photo for readers who cannot see it"),
      caption: prose(1000, "describe what the photo shows").optional(),
      credit: optionalText(200, "name the agency and photographer, e.g. REUTERS/Umit Bektas"),
      /** Where social crops (16:9, 4:3, 1:1) centre; sharp's attention strategy by default. */
      focus: focusSchema.optional(),
      /** How the image was made, when the file does not say or says it wrongly; overrides its XMP. */
      source: digitalSourceSchema.optional(),
    },
    {
      error:
        "must be fields (src, alt, caption, credit), not a single value — put src: on its own indented line",
    },
  )
  .strict();

const correctionSchema = z
  .object({
    date: offsetDateTime,
    text: proseLine(1000, "say what was wrong and what is right now"),
  })
  .strict();

/** `updates`: new information added after publication (a correction fixes an error). */
const updateSchema = z
  .object({
    date: offsetDateTime,
    text: proseLine(1000, "say what new information was added"),
  })
  .strict();

/** `number`: the issue's number as the writer gave it ("No. 42"); never computed from dates. */
const issueNumber = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? "required — give the issue's number, e.g. 42"
        : `must be a whole number, not ${describe(issue.input)} — write it like 42, without "No."`,
  })
  .int({ error: "must be a whole number, e.g. 42" })
  .positive({ error: "must be 1 or more — the first issue is number 1" });

export const issueFrontMatterSchema = z
  .object({
    title: proseLine(140, "write the headline"),
    dek: proseLine(320, "write a one- or two-sentence standfirst"),
    date: offsetDateTime,
    updated: offsetDateTime.optional(),
    dateline: optionalText(80, "where the reporting was done, e.g. ISTANBUL"),
    kicker: prose(40, "a section label such as Analysis").optional(),
    /** The type of work (lib/contract/work-types.ts); the site's `defaultType` when absent. */
    type: workTypeSchema.optional(),
    authors: idList("author"),
    topics: idList("topic"),
    /** Who, where and which organisations the issue names (lib/entities.ts). */
    people: entityIdList("people", "alexander-darchiev"),
    places: entityIdList("places", "istanbul"),
    organisations: entityIdList("organisations", "us-state-department"),
    photo: photoSchema.optional(),
    /** The issue's number when the site numbers its issues (`site.numberedIssues`). */
    number: issueNumber.optional(),
    /** The story thread it belongs to: an id from `_data/threads.ts` (lib/threads.ts). */
    thread: z
      .string({ error: "must be one thread id from _data/threads.ts, e.g. istanbul-embassy-talks" })
      .regex(idPattern, { error: `is not a valid thread id — ${ID_HINT}` })
      .optional(),
    draft: z.boolean({ error: "must be true or false" }).optional(),
    corrections: z.array(correctionSchema, { error: "must be a list of { date, text } entries" }).optional(),
    updates: z.array(updateSchema, { error: "must be a list of { date, text } entries" }).optional(),
    /** `sources`, `backstory` and `unnamedSources` (lib/contract/sources.ts). */
    ...reportingFields,
  })
  // Date order (`updated`, corrections and updates not before `date`) is checked in lib/content.ts.
  .strict();

export type IssueFrontMatter = z.infer<typeof issueFrontMatterSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Update = z.infer<typeof updateSchema>;

/** Front-matter keys a writer may use: the source of did-you-mean suggestions. */
export const issueFieldNames = Object.keys(issueFrontMatterSchema.shape) as (keyof IssueFrontMatter)[];
export const photoFieldNames = Object.keys(photoSchema.shape) as (keyof Photo)[];
export const correctionFieldNames = Object.keys(correctionSchema.shape) as (keyof Correction)[];
export const updateFieldNames = Object.keys(updateSchema.shape) as (keyof Update)[];

const authorSchema = z
  .object({
    name: z.string().min(1).transform(removeControlCharacters),
    role: z.string().min(1).transform(typeset).optional(),
    bio: z.string().min(1).transform(typeset),
    /** What the author knows best, in a line: shown on their page, JSON-LD `knowsAbout`. */
    expertise: z.string().min(1).transform(typeset).optional(),
    /** Languages the author reports in, e.g. ["English", "Turkish"]: JSON-LD `knowsLanguage`. */
    languages: z.array(z.string().min(1)).optional(),
    /** The author's profiles elsewhere, linked on their page and given as JSON-LD `sameAs`. */
    sameAs: z.array(z.url({ protocol: /^https?$/ })).optional(),
  })
  .strict();

const topicSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(["region", "country", "theme"]),
    description: z.string().min(1).transform(typeset),
  })
  .strict();

const idRecord = <T extends z.ZodType>(value: T) =>
  z.record(z.string().regex(idPattern, { error: `is not a valid id — ${ID_HINT}` }), value);

/**
 * The author or topic with this id, looked up as an own key only: `constructor`, `toString`
 * and `__proto__` are properties of every object, never ids.
 * @example findById(topics, "russia") // { name: "Russia", … }; findById(topics, "constructor") // undefined
 */
export function findById<T>(records: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

export const authorsSchema = idRecord(authorSchema);
export const topicsSchema = idRecord(topicSchema);

export type Authors = z.infer<typeof authorsSchema>;
export type Topics = z.infer<typeof topicsSchema>;

/** The RSS-to-email services whose unsubscribe and merge-tag syntax the email edition knows. */
const EMAIL_SERVICES = ["buttondown", "mailchimp", "kit"] as const;

const emailSettingsSchema = z
  .object({
    /** Decides the footer's unsubscribe link and merge tags; unset, the footer says how to follow by feed. */
    service: z.enum(EMAIL_SERVICES).optional(),
    /** The sender's postal address, one line each, for the footer (the service may add its own). */
    address: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type EmailService = (typeof EMAIL_SERVICES)[number];

export const siteSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1).transform(typeset),
    /** Absolute origin without a trailing slash; Netlify's URL overrides it in production. */
    url: z.url().transform((url) => url.replace(/\/+$/, "")),
    language: z.string().min(2),
    /** IANA zone: URLs, archive months and every displayed date are in it. */
    timeZone: z.string().refine((zone) => DateTime.now().setZone(zone).isValid, {
      error: "is not an IANA time zone, e.g. Europe/Istanbul",
    }),
    publisher: z.object({ name: z.string().min(1), logo: z.string().startsWith("/") }).strict(),
    /** The sharing image of pages and issues without a photo (never the logo): a photo in assets/photos. */
    card: z.object({ src: z.string().min(1), alt: z.string().min(1) }).strict(),
    /** The type of work of an issue without `type:`; news unless set. */
    defaultType: workTypeSchema.optional(),
    /** Issues per page on the home, topic and author pages. */
    pageSize: z.int().min(1),
    /** Entries per feed. */
    feedSize: z.int().min(1),
    /** Whether issues carry a `number` ("No. 42"): shown, checked for repeats and gaps, filled in by new-issue. */
    numberedIssues: z.boolean().optional(),
    /** Site paths of the publisher's policies, each linked from its JSON-LD (lib/contract/policies.ts). */
    policies: policiesSchema.optional(),
    /** trust.txt (lib/contract/trust.ts): who the publication belongs to, its accounts, its contact. */
    trust: trustSchema.optional(),
    /** The email edition (lib/email/): which service sends it, and the footer's address block. */
    email: emailSettingsSchema.optional(),
    /** Set by the build: true on Netlify deploy previews and branch deploys. */
    noindex: z.boolean(),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
