/**
 * People, places and organisations that issues name (`people:`, `places:`, `organisations:`).
 * The records live in `_data/people.ts`, `_data/places.ts` and `_data/organisations.ts`; the
 * content stage checks them with these schemas (`checkEntities`), each problem naming the data
 * file and the field, and warns when an issue's body names an entity it does not list
 * (`findUnlistedMentions`).
 */
import { DateTime } from "luxon";
import { z } from "zod";
import type { Problem } from "../shared/problems.ts";
import { nearestId } from "../shared/suggest.ts";
import { oneLineText, prose, requiredText } from "./fields.ts";
import { describeRecordIssues } from "./record-problems.ts";
import { findById, idPattern } from "./schema.ts";

/** The three kinds, in the order pages, feeds and the README list them. */
export const ENTITY_KINDS = ["people", "places", "organisations"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How each kind is named in messages and pages, and typed in schema.org. */
export const ENTITY_KIND_INFO = {
  people: { one: "person", title: "People", schemaType: "Person", filter: "person" },
  places: { one: "place", title: "Places", schemaType: "Place", filter: "place" },
  organisations: {
    one: "organisation",
    title: "Organisations",
    schemaType: "Organization",
    filter: "organisation",
  },
} as const satisfies Record<EntityKind, { one: string; title: string; schemaType: string; filter: string }>;

/** The data file each kind is read from, as problems name it. */
function entityDataFile(kind: EntityKind): string {
  return `_data/${kind}.ts`;
}

/** A calendar date, `2025-04-10`: the day the description was true. */
const asOfDate = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "required — the day the description was true, e.g. 2025-04-10"
        : "must be a date written 2025-04-10, in quotes",
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written 2025-04-10 (year-month-day)" })
  // Only a day in the right form can be checked against the calendar; the regex reports the rest.
  .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || DateTime.fromISO(day, { zone: "UTC" }).isValid, {
    error: "is not a day of the calendar — write it like 2025-04-10",
  });

const sharedFields = {
  name: oneLineText(120, "the name readers know, e.g. Alexander Darchiev"),
  /** One line, as of `asOf`: people change jobs, so say when it was true. */
  description: prose(300, "one line saying who or what this is, as of the asOf date"),
  asOf: asOfDate,
  /** Other names the body may use ("Darchiev"); each one a body may name triggers the mention warning. */
  aliases: z
    .array(requiredText(120, "another name the body may use, e.g. Darchiev"), {
      error: 'must be a list of names, e.g. ["Darchiev"]',
    })
    .optional(),
  /** A Wikidata item id (`Q…`), given only when certain; it becomes JSON-LD `sameAs`. */
  wikidata: z
    .string({ error: "must be a Wikidata id like Q42, in quotes" })
    .regex(/^Q[1-9]\d*$/, { error: "must be a Wikidata id like Q42 — leave it out unless you are certain" })
    .optional(),
};

const personSchema = z
  .object({
    ...sharedFields,
    role: prose(120, "the position they hold, e.g. Deputy Assistant Secretary of State"),
    /** The id in `_data/organisations.ts` they hold the role in; left out when the source does not say. */
    organisation: z
      .string({ error: "must be an organisation id from _data/organisations.ts, in quotes" })
      .optional(),
  })
  .strict();

const placeSchema = z
  .object({ ...sharedFields, country: requiredText(80, "the country it is in, e.g. Turkey") })
  .strict();

const organisationSchema = z.object(sharedFields).strict();

const idKey = z.string().regex(idPattern, {
  error: "is not a valid id — use lowercase letters, digits and hyphens, e.g. alexander-darchiev",
});

const peopleSchema = z.record(idKey, personSchema);
const placesSchema = z.record(idKey, placeSchema);
const organisationsSchema = z.record(idKey, organisationSchema);

type Person = z.infer<typeof personSchema>;
type Place = z.infer<typeof placeSchema>;
type Organisation = z.infer<typeof organisationSchema>;
export type People = z.infer<typeof peopleSchema>;
export type Places = z.infer<typeof placesSchema>;
export type Organisations = z.infer<typeof organisationsSchema>;

/** Every entity record, by kind: what the content stage, views, feeds and SEO read. */
export interface Entities {
  people: People;
  places: Places;
  organisations: Organisations;
}

export type AnyEntity = Person | Place | Organisation;

const schemas = { people: peopleSchema, places: placesSchema, organisations: organisationsSchema } as const;

const FIELD_NAMES: Record<EntityKind, string[]> = {
  people: Object.keys(personSchema.shape),
  places: Object.keys(placeSchema.shape),
  organisations: Object.keys(organisationSchema.shape),
};

/**
 * Checks the three data files: every record against its schema, and each person's
 * `organisation` against `_data/organisations.ts`. Problems name the file and the field,
 * e.g. `_data/people.ts: tammy-bruce.role: required — …`.
 */
export function checkEntities(raw: Record<EntityKind, unknown>): {
  entities?: Entities;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const parsed: Partial<Entities> = {};
  for (const kind of ENTITY_KINDS) {
    const file = entityDataFile(kind);
    const result = schemas[kind].safeParse(raw[kind] ?? {});
    if (result.success) {
      Object.assign(parsed, { [kind]: result.data });
      continue;
    }
    problems.push(
      ...describeRecordIssues(
        file,
        result.error.issues,
        FIELD_NAMES[kind],
        "use lowercase letters, digits and hyphens, e.g. alexander-darchiev",
      ),
    );
  }
  const organisations = parsed.organisations ?? {};
  for (const [id, person] of Object.entries(parsed.people ?? {})) {
    if (person.organisation === undefined || findById(organisations, person.organisation)) continue;
    const near = nearestId(person.organisation, Object.keys(organisations));
    problems.push({
      file: entityDataFile("people"),
      field: `${id}.organisation`,
      message: `"${person.organisation}" is not in _data/organisations.ts — ${near ? `did you mean "${near}"?` : "add it there, or leave the field out"}`,
    });
  }
  if (problems.length > 0 || !parsed.people || !parsed.places || !parsed.organisations) return { problems };
  return {
    entities: { people: parsed.people, places: parsed.places, organisations: parsed.organisations },
    problems,
  };
}

/** The names a body may use for an entity: its name, then its aliases. */
function namesOf(entity: Pick<AnyEntity, "name" | "aliases">): string[] {
  return [entity.name, ...(entity.aliases ?? [])];
}

/** Typographic apostrophes as straight ones, so "Russia’s" and "Russia's" match alike. */
function normaliseApostrophes(value: string): string {
  return value.replace(/[\u2018\u2019\u02bc]/g, "'");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The first of `names` the text holds as whole words (case-insensitive, any run of spaces or
 * a line break between words), or undefined.
 * @example findName("Led by Alexander\nDarchiev.", ["Darchiev"]) // "Darchiev"
 * @example findName("Istanbuli", ["Istanbul"]) // undefined
 */
export function findName(text: string, names: readonly string[]): string | undefined {
  const haystack = normaliseApostrophes(text);
  return names.find((name) => {
    const words = normaliseApostrophes(name).trim().split(/\s+/).map(escapeRegExp).join("\\s+");
    return words !== "" && new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "iu").test(haystack);
  });
}

/**
 * Warnings for entities the body names but the front matter does not list, one per entity:
 * `file: people: the body names "Darchiev" (alexander-darchiev, Alexander Darchiev) but people does not list it — …`.
 * The writer decides: a passing mention need not be listed.
 */
export function findUnlistedMentions(
  file: string,
  body: string,
  listed: Partial<Record<EntityKind, unknown>>,
  entities: Entities,
): Problem[] {
  const warnings: Problem[] = [];
  for (const kind of ENTITY_KINDS) {
    const ids = Array.isArray(listed[kind]) ? (listed[kind] as unknown[]) : [];
    for (const [id, entity] of Object.entries(entities[kind] as Record<string, AnyEntity>)) {
      if (ids.includes(id)) continue;
      const found = findName(body, namesOf(entity));
      if (found === undefined) continue;
      warnings.push({
        file,
        field: kind,
        message: `the body names "${found}"${found === entity.name ? "" : ` (${entity.name})`} but ${kind} does not list ${id} — add ${id} to ${kind} if the issue is about them, or ignore this warning`,
      });
    }
  }
  return warnings;
}

/** The record with this id, as an own key only. */
export function findEntity(entities: Entities, kind: EntityKind, id: string): AnyEntity | undefined {
  return findById(entities[kind] as Record<string, AnyEntity>, id);
}

/** `https://www.wikidata.org/wiki/Q…`: the `sameAs` of an entity with a Wikidata id. */
export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** Entities with no records: what a context without the data files checks against. */
export const NO_ENTITIES: Entities = { people: {}, places: {}, organisations: {} };
