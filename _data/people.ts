/**
 * People that issues name in `people:`, keyed by id (lib/entities.ts). Each description says
 * only what the sources reported, as of `asOf`. Give `wikidata` only when certain.
 */
import type { People } from "../lib/contract/entities.ts";

const people: People = {
  "alexander-darchiev": {
    name: "Alexander Darchiev",
    role: "Russia's ambassador to Washington",
    description:
      "Russia's new ambassador to Washington, named by Russia's foreign ministry to lead the Russian delegation at the Istanbul talks on the two countries' diplomatic missions.",
    asOf: "2025-04-10",
    aliases: ["Darchiev"],
  },
  "sonata-coulter": {
    name: "Sonata Coulter",
    role: "Deputy Assistant Secretary of State",
    organisation: "us-state-department",
    description:
      "US Deputy Assistant Secretary of State, named by Russia's foreign ministry to lead the American delegation at the Istanbul talks on embassy operations.",
    asOf: "2025-04-10",
    aliases: ["Coulter"],
  },
  "tammy-bruce": {
    name: "Tammy Bruce",
    role: "Spokesperson",
    organisation: "us-state-department",
    description:
      "State Department spokesperson, who said before the Istanbul talks that Ukraine was not on the agenda and that the talks concerned embassy operations only.",
    asOf: "2025-04-10",
  },
};

export default people;
