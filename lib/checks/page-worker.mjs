// The page-check worker's entry (lib/shared/run-entry.mjs says how it starts).
import { runEntry } from "../shared/run-entry.mjs";

await runEntry("page-worker", new URL("./page-worker.ts", import.meta.url).href);
