/** Topics, keyed by the id that issues list in `topics:`: regions, countries and themes. */
import { type Topics, topicsSchema } from "../lib/contract/schema.ts";

const topics: Topics = {
  russia: {
    name: "Russia",
    kind: "country",
    description: "Russia's foreign policy and its relations abroad.",
  },
  "united-states": {
    name: "United States",
    kind: "country",
    description: "American diplomacy and the State Department.",
  },
  turkey: { name: "Turkey", kind: "country", description: "Turkey, and the talks it hosts." },
  diplomacy: {
    name: "Diplomacy",
    kind: "theme",
    description: "Embassies, envoys and the machinery of talks between states.",
  },
  "war-in-ukraine": {
    name: "War in Ukraine",
    kind: "theme",
    description: "The war in Ukraine and its effect on relations between Moscow and the West.",
  },
};

export default topicsSchema.parse(topics);
