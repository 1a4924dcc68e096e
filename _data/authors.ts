/** Writers, keyed by the id that issues list in `authors:`. Sample people, not real staff. */
import { type Authors, authorsSchema } from "../lib/contract/schema.ts";

const authors: Authors = {
  "ayse-demir": {
    name: "Ayşe Demir",
    role: "Istanbul correspondent (sample author)",
    bio: "Ayşe Demir is a sample author used to demonstrate Dateline. She covers Turkey and the diplomacy that passes through Istanbul.",
    expertise: "Turkey and the diplomacy that passes through Istanbul (sample)",
    languages: ["English"],
  },
  "daniel-hart": {
    name: "Daniel Hart",
    role: "Diplomatic editor (sample author)",
    bio: "Daniel Hart is a sample author used to demonstrate Dateline. He follows relations between Washington and Moscow.",
    expertise: "Relations between Washington and Moscow (sample)",
    languages: ["English"],
  },
};

export default authorsSchema.parse(authors);
