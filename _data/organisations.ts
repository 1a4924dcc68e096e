/**
 * Organisations that issues name in `organisations:`, keyed by id (lib/entities.ts). Each
 * description says only what the sources reported, as of `asOf`. Give `wikidata` only when certain.
 */
import type { Organisations } from "../lib/contract/entities.ts";

const organisations: Organisations = {
  "us-state-department": {
    name: "US State Department",
    description:
      "Its spokesperson, Tammy Bruce, said the Istanbul talks with Russia were solely about embassy operations, not a wider normalisation of relations.",
    asOf: "2025-04-10",
    aliases: ["State Department"],
  },
  "russian-foreign-ministry": {
    name: "Russian foreign ministry",
    description:
      "Russia's foreign ministry, which said the Istanbul talks would be led by Alexander Darchiev and Sonata Coulter.",
    asOf: "2025-04-10",
    aliases: ["Russia's foreign ministry"],
  },
};

export default organisations;
