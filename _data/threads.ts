/**
 * Story threads that issues join with `thread: <id>` (lib/threads.ts). Each has a name and a
 * one-line summary; the issues themselves say what happened.
 */
import type { Threads } from "../lib/contract/threads.ts";

const threads: Threads = {
  "istanbul-embassy-talks": {
    name: "The US–Russia embassy talks in Istanbul",
    summary:
      "American and Russian delegations meeting in Istanbul to get the two countries' embassies and consulates working normally again.",
  },
};

export default threads;
