/**
 * People, places and organisations (lib/entities.ts): the data files' schema and its
 * messages, the ids an issue lists, and the warning for a name the body holds but the
 * front matter does not list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import organisations from "../_data/organisations.ts";
import people from "../_data/people.ts";
import places from "../_data/places.ts";
import { checkEntities, type Entities, findName, findUnlistedMentions } from "../lib/contract/entities.ts";
import { type CheckContext, checkIssue } from "../lib/pipeline/content/check-issue.ts";
import { formatProblem } from "../lib/shared/problems.ts";
import { createCheckContext } from "./helpers/check-context.ts";

const FILE = "src/issues/2025/x.md";

const ENTITIES: Entities = {
  people: {
    "alexander-darchiev": {
      name: "Alexander Darchiev",
      role: "Ambassador",
      description: "Russia's new ambassador to Washington.",
      asOf: "2025-04-10",
      aliases: ["Darchiev"],
    },
  },
  places: {
    "pioneer-point": {
      name: "Pioneer Point",
      country: "United States",
      description: "A Russian property in Maryland.",
      asOf: "2025-04-10",
    },
  },
  organisations: {
    "russian-foreign-ministry": {
      name: "Russian foreign ministry",
      description: "Russia's foreign ministry.",
      asOf: "2025-04-10",
      aliases: ["Russia's foreign ministry"],
    },
  },
};

let context: CheckContext;
let removeContext: () => void;

beforeAll(async () => {
  const created = await createCheckContext();
  context = { ...created.context, entities: ENTITIES };
  removeContext = created.remove;
});

afterAll(() => removeContext());

function issueFile(extra: string[], body = "Delegations met for three hours.\n"): string {
  return [
    "---",
    "title: Istanbul talks resume",
    "dek: US and Russian delegations meet at the consulate for a second round.",
    "date: 2025-04-10T16:30:00+03:00",
    "authors: [ayse-kaya]",
    "topics: [turkey]",
    ...extra,
    "---",
    body,
  ].join("\n");
}

describe("the sample data files", () => {
  it("pass their schemas, every person's organisation exists, and none carries a guessed Wikidata id", () => {
    const { entities, problems } = checkEntities({ people, places, organisations });
    expect(problems).toEqual([]);
    expect(Object.keys(entities?.people ?? {})).toEqual([
      "alexander-darchiev",
      "sonata-coulter",
      "tammy-bruce",
    ]);
    expect(Object.keys(entities?.places ?? {})).toEqual(["istanbul", "killenworth", "pioneer-point"]);
    expect(Object.keys(entities?.organisations ?? {})).toEqual([
      "us-state-department",
      "russian-foreign-ministry",
    ]);
    const records = [...Object.values(people), ...Object.values(places), ...Object.values(organisations)];
    expect(records.filter((record) => "wikidata" in record)).toEqual([]);
    expect(new Set(records.map((record) => record.asOf))).toEqual(new Set(["2025-04-10"]));
  });
});

describe("checkEntities", () => {
  it("names the data file and the field of each bad record field", () => {
    const { entities, problems } = checkEntities({
      people: {
        "tammy-bruce": { name: "Tammy Bruce", description: "Spokesperson.", asOf: "10 April 2025", rol: "x" },
        "Sonata Coulter": {
          name: "Sonata Coulter",
          role: "Deputy Assistant Secretary of State",
          organisation: "us-state-dept",
          description: "An official.",
          asOf: "2025-04-10",
        },
      },
      places: {
        istanbul: { name: "Istanbul", description: "A city.", asOf: "2025-02-30", wikidata: "Istanbul" },
      },
      organisations: {
        "us-state-department": { name: "", description: "A department.", asOf: "2025-04-10" },
      },
    });
    expect(entities).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      "_data/people.ts: tammy-bruce.asOf: must be a date written 2025-04-10 (year-month-day)",
      "_data/people.ts: tammy-bruce.role: required — the position they hold, e.g. Deputy Assistant Secretary of State",
      '_data/people.ts: tammy-bruce.rol: unknown field — did you mean "role"?',
      "_data/people.ts: Sonata Coulter: is not a valid id — use lowercase letters, digits and hyphens, e.g. alexander-darchiev",
      "_data/places.ts: istanbul.asOf: is not a day of the calendar — write it like 2025-04-10",
      "_data/places.ts: istanbul.wikidata: must be a Wikidata id like Q42 — leave it out unless you are certain",
      "_data/places.ts: istanbul.country: required — the country it is in, e.g. Turkey",
      "_data/organisations.ts: us-state-department.name: must not be empty — the name readers know, e.g. Alexander Darchiev",
    ]);
  });

  it("checks a person's organisation against _data/organisations.ts, with a did-you-mean", () => {
    const { problems } = checkEntities({
      people: {
        "sonata-coulter": {
          name: "Sonata Coulter",
          role: "Deputy Assistant Secretary of State",
          organisation: "us-state-departmnt",
          description: "An official.",
          asOf: "2025-04-10",
        },
      },
      places: {},
      organisations: {
        "us-state-department": { name: "US State Department", description: "x", asOf: "2025-04-10" },
      },
    });
    expect(problems.map(formatProblem)).toEqual([
      '_data/people.ts: sonata-coulter.organisation: "us-state-departmnt" is not in _data/organisations.ts — did you mean "us-state-department"?',
    ]);
  });
});

describe("an issue's people, places and organisations", () => {
  it("accepts ids that exist, with no warning when the body's names are listed", () => {
    const result = checkIssue(
      FILE,
      issueFile(
        [
          "people: [alexander-darchiev]",
          "places: [pioneer-point]",
          "organisations: [russian-foreign-ministry]",
        ],
        "Darchiev spoke of Pioneer Point, Russia's foreign ministry said.\n",
      ),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.issue?.data.people).toEqual(["alexander-darchiev"]);
  });

  it("reports an unknown id with a did-you-mean, or the ids there are", () => {
    const result = checkIssue(
      FILE,
      issueFile([
        "people: [alexander-darchev]",
        "places: [vilnius]",
        "organisations: [Russian-Foreign-Ministry]",
      ]),
      context,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}: people.0: "alexander-darchev" is not in _data/people.ts — did you mean "alexander-darchiev"?`,
      `${FILE}: places.0: "vilnius" is not in _data/places.ts — the place ids are pioneer-point; to add one, give it a name, a country, a description and asOf in _data/places.ts`,
      `${FILE}: organisations.0: "Russian-Foreign-Ministry" is not in _data/organisations.ts — did you mean "russian-foreign-ministry"?`,
    ]);
  });

  it("reports a repeated id and a list that is not a list", () => {
    const result = checkIssue(
      FILE,
      issueFile(["people: [alexander-darchiev, alexander-darchiev]", "places: pioneer-point"]),
      context,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}: people.1: "alexander-darchiev" is already listed — list each id once`,
      `${FILE}: places: must be a list of ids from _data/places.ts, e.g. [istanbul]`,
    ]);
  });

  it("warns, naming the file, the field and the entity, when the body names one the front matter does not list", () => {
    const result = checkIssue(
      FILE,
      issueFile(
        ["places: [pioneer-point]"],
        "The ambassador, Darchiev, visited Pioneer Point.\n\nRussia’s foreign ministry said so.\n",
      ),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.issue).toBeDefined();
    expect(result.warnings.map(formatProblem)).toEqual([
      `${FILE}: people: the body names "Darchiev" (Alexander Darchiev) but people does not list alexander-darchiev — add alexander-darchiev to people if the issue is about them, or ignore this warning`,
      `${FILE}: organisations: the body names "Russia's foreign ministry" (Russian foreign ministry) but organisations does not list russian-foreign-ministry — add russian-foreign-ministry to organisations if the issue is about them, or ignore this warning`,
    ]);
  });

  it("is not checked without the data files (a context without entities)", () => {
    const { entities: _, ...withoutEntities } = context;
    const result = checkIssue(FILE, issueFile([], "Darchiev spoke.\n"), withoutEntities);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("findName", () => {
  it("finds whole words in any case, across a line break", () => {
    expect(findName("Led by Alexander\nDarchiev.", ["Alexander Darchiev"])).toBe("Alexander Darchiev");
    expect(findName("the killenworth estate", ["Killenworth"])).toBe("Killenworth");
  });

  it("does not find a name inside another word", () => {
    expect(findName("Istanbuli cuisine", ["Istanbul"])).toBeUndefined();
    expect(findName("Brucewood", ["Bruce"])).toBeUndefined();
  });

  it("treats a name's regular-expression characters as text", () => {
    expect(findName("the U.S. (State) office", ["U.S. (State)"])).toBe("U.S. (State)");
    expect(findName("the UxS. (State) office", ["U.S. (State)"])).toBeUndefined();
  });
});

describe("findUnlistedMentions", () => {
  it("warns once per entity, with the first name the body holds", () => {
    const warnings = findUnlistedMentions(FILE, "Alexander Darchiev. Later, Darchiev.", {}, ENTITIES);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('names "Alexander Darchiev"');
  });
});
