/**
 * Places that issues name in `places:`, keyed by id (lib/entities.ts). Each description says
 * only what the sources reported, as of `asOf`. Give `wikidata` only when certain.
 */
import type { Places } from "../lib/contract/entities.ts";

const places: Places = {
  istanbul: {
    name: "Istanbul",
    country: "Turkey",
    description:
      "City in Turkey where US and Russian delegations met at the Russian consulate for a second round of talks on their diplomatic missions.",
    asOf: "2025-04-10",
  },
  killenworth: {
    name: "Killenworth",
    country: "United States",
    description:
      "A Russian estate on Long Island, one of six Russian properties Washington has put under restrictions.",
    asOf: "2025-04-10",
    aliases: ["Killenworth estate"],
  },
  "pioneer-point": {
    name: "Pioneer Point",
    country: "United States",
    description:
      'A Russian property in Maryland, called a "dacha", one of six Russian properties Washington has put under restrictions.',
    asOf: "2025-04-10",
  },
};

export default places;
