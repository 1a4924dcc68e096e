/**
 * Entity views: what an entity page says about a person, place or organisation (links, feed,
 * Wikidata, the day the description was true), and an issue's "In this issue" groups.
 */
import { describe, expect, it } from "vitest";
import type { Entities, EntityKind } from "../../../lib/contract/entities.ts";
import {
  type EntitySummary,
  groupIssueEntities,
  summariseEntity,
} from "../../../lib/pipeline/views/entities.ts";

const ENTITIES: Entities = {
  people: {
    "alexander-darchiev": {
      name: "Alexander Darchiev",
      description: "Russia's ambassador to the United States.",
      asOf: "2025-04-10",
      role: "Ambassador",
      organisation: "russian-foreign-ministry",
      wikidata: "Q4066887",
    },
    "sonata-coulter": {
      name: "Sonata Coulter",
      description: "A US diplomat.",
      asOf: "2025-01-01",
      role: "Deputy Assistant Secretary of State",
    },
  },
  places: {
    istanbul: {
      name: "Istanbul",
      description: "Turkey's largest city.",
      asOf: "2024-12-31",
      country: "Turkey",
    },
  },
  organisations: {
    "russian-foreign-ministry": {
      name: "Russian foreign ministry",
      description: "Russia's ministry of foreign affairs.",
      asOf: "2025-04-01",
    },
  },
};

describe("summariseEntity", () => {
  it.each<[string, EntityKind, string, EntitySummary | undefined]>([
    [
      "a person with an organisation and a Wikidata id",
      "people",
      "alexander-darchiev",
      {
        kind: "people",
        id: "alexander-darchiev",
        name: "Alexander Darchiev",
        url: "/people/alexander-darchiev/",
        schemaType: "Person",
        feedUrl: "/people/alexander-darchiev/feed.xml",
        description: "Russia's ambassador to the United States.",
        asOf: "2025-04-10",
        asOfLabel: "10 April 2025",
        role: "Ambassador",
        organisation: {
          kind: "organisations",
          id: "russian-foreign-ministry",
          name: "Russian foreign ministry",
          url: "/organisations/russian-foreign-ministry/",
        },
        wikidataUrl: "https://www.wikidata.org/wiki/Q4066887",
      },
    ],
    [
      "a person without either",
      "people",
      "sonata-coulter",
      {
        kind: "people",
        id: "sonata-coulter",
        name: "Sonata Coulter",
        url: "/people/sonata-coulter/",
        schemaType: "Person",
        feedUrl: "/people/sonata-coulter/feed.xml",
        description: "A US diplomat.",
        asOf: "2025-01-01",
        asOfLabel: "1 January 2025",
        role: "Deputy Assistant Secretary of State",
      },
    ],
    [
      "a place, dated on the last day of a year in every zone",
      "places",
      "istanbul",
      {
        kind: "places",
        id: "istanbul",
        name: "Istanbul",
        url: "/places/istanbul/",
        schemaType: "Place",
        feedUrl: "/places/istanbul/feed.xml",
        description: "Turkey's largest city.",
        asOf: "2024-12-31",
        asOfLabel: "31 December 2024",
        country: "Turkey",
      },
    ],
    [
      "an organisation, typed as schema.org spells it",
      "organisations",
      "russian-foreign-ministry",
      {
        kind: "organisations",
        id: "russian-foreign-ministry",
        name: "Russian foreign ministry",
        url: "/organisations/russian-foreign-ministry/",
        schemaType: "Organization",
        feedUrl: "/organisations/russian-foreign-ministry/feed.xml",
        description: "Russia's ministry of foreign affairs.",
        asOf: "2025-04-01",
        asOfLabel: "1 April 2025",
      },
    ],
    ["an id with no record", "people", "nobody", undefined],
    ["an id of another kind", "places", "alexander-darchiev", undefined],
    ["an inherited property name, not a record", "people", "constructor", undefined],
  ])("summarises %s", (_name, kind, id, expected) => {
    expect(summariseEntity(ENTITIES, kind, id)).toEqual(expected);
  });
});

describe("groupIssueEntities", () => {
  const link = (kind: EntityKind, id: string, name: string) => ({ kind, id, name, url: `/${kind}/${id}/` });

  it("groups in kind order, each kind's ids in the order the issue lists them", () => {
    expect(
      groupIssueEntities(
        { organisations: ["russian-foreign-ministry"], people: ["sonata-coulter", "alexander-darchiev"] },
        ENTITIES,
      ),
    ).toEqual([
      {
        kind: "people",
        title: "People",
        filter: "person",
        indexUrl: "/people/",
        links: [
          link("people", "sonata-coulter", "Sonata Coulter"),
          link("people", "alexander-darchiev", "Alexander Darchiev"),
        ],
      },
      {
        kind: "organisations",
        title: "Organisations",
        filter: "organisation",
        indexUrl: "/organisations/",
        links: [link("organisations", "russian-foreign-ministry", "Russian foreign ministry")],
      },
    ]);
  });

  it.each([
    ["nothing listed", {}],
    ["empty lists", { people: [], places: [] }],
    ["only ids with no record", { places: ["atlantis"] }],
  ])("leaves out kinds with no entity: %s", (_name, listed) => {
    expect(groupIssueEntities(listed, ENTITIES)).toEqual([]);
  });
});
