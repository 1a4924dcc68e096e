/**
 * People, places and organisations as pages, boxes, feeds and JSON-LD show them: built once
 * per build from the checked records (lib/entities.ts), with every URL from lib/urls.ts.
 */
import { DateTime } from "luxon";
import {
  ENTITY_KIND_INFO,
  ENTITY_KINDS,
  type Entities,
  type EntityKind,
  wikidataUrl,
} from "../../contract/entities.ts";
import { findById } from "../../contract/schema.ts";
import { entityFeedUrl, entityIndexUrl, entityUrl } from "../../contract/urls.ts";

/** A link to one entity's page. */
interface EntityLink {
  kind: EntityKind;
  id: string;
  name: string;
  url: string;
}

/** One kind of entity an issue names, for its "In this issue" box and search filters. */
export interface EntityGroup {
  kind: EntityKind;
  /** "People", "Places", "Organisations". */
  title: string;
  /** The Pagefind filter name: "person", "place", "organisation". */
  filter: string;
  indexUrl: string;
  links: EntityLink[];
}

/** Everything an entity page, its feed and its JSON-LD say about it. */
export interface EntitySummary extends EntityLink {
  /** schema.org type: Person, Place or Organization. */
  schemaType: string;
  description: string;
  /** The day the description was true, `2025-04-10`. */
  asOf: string;
  /** `asOf` as readers see it: "10 April 2025". */
  asOfLabel: string;
  feedUrl: string;
  /** The Wikidata page, when the record gives an id. */
  wikidataUrl?: string;
  /** A person's role, and the organisation they hold it in when the record names it. */
  role?: string;
  organisation?: EntityLink;
  /** A place's country. */
  country?: string;
}

/** The summary of one entity, or undefined for an id with no record. */
export function summariseEntity(entities: Entities, kind: EntityKind, id: string): EntitySummary | undefined {
  const link = linkEntity(entities, kind, id);
  if (!link) return undefined;
  const base = { ...link, schemaType: ENTITY_KIND_INFO[kind].schemaType, feedUrl: entityFeedUrl(kind, id) };
  if (kind === "people") {
    const person = findById(entities.people, id);
    if (!person) return undefined;
    const organisation = person.organisation
      ? linkEntity(entities, "organisations", person.organisation)
      : undefined;
    return {
      ...base,
      description: person.description,
      asOf: person.asOf,
      asOfLabel: dayLabel(person.asOf),
      role: person.role,
      ...(organisation ? { organisation } : {}),
      ...(person.wikidata ? { wikidataUrl: wikidataUrl(person.wikidata) } : {}),
    };
  }
  if (kind === "places") {
    const place = findById(entities.places, id);
    if (!place) return undefined;
    return {
      ...base,
      description: place.description,
      asOf: place.asOf,
      asOfLabel: dayLabel(place.asOf),
      country: place.country,
      ...(place.wikidata ? { wikidataUrl: wikidataUrl(place.wikidata) } : {}),
    };
  }
  const organisation = findById(entities.organisations, id);
  if (!organisation) return undefined;
  return {
    ...base,
    description: organisation.description,
    asOf: organisation.asOf,
    asOfLabel: dayLabel(organisation.asOf),
    ...(organisation.wikidata ? { wikidataUrl: wikidataUrl(organisation.wikidata) } : {}),
  };
}

/**
 * A calendar day in words, independent of any zone.
 * @example dayLabel("2025-04-10") // "10 April 2025"
 */
function dayLabel(day: string): string {
  return DateTime.fromISO(day, { zone: "UTC" }).setLocale("en-GB").toFormat("d MMMM yyyy");
}

function linkEntity(entities: Entities, kind: EntityKind, id: string): EntityLink | undefined {
  const record = findById(entities[kind] as Record<string, { name: string }>, id);
  return record ? { kind, id, name: record.name, url: entityUrl(kind, id) } : undefined;
}

/**
 * The entities an issue lists, by kind, in the order the front matter lists them; kinds with
 * none are left out.
 */
export function groupIssueEntities(
  listed: Partial<Record<EntityKind, readonly string[]>>,
  entities: Entities,
): EntityGroup[] {
  return ENTITY_KINDS.flatMap((kind) => {
    const links = (listed[kind] ?? []).flatMap((id) => {
      const link = linkEntity(entities, kind, id);
      return link ? [link] : [];
    });
    if (links.length === 0) return [];
    const { title, filter } = ENTITY_KIND_INFO[kind];
    return [{ kind, title, filter, indexUrl: entityIndexUrl(kind), links }];
  });
}
