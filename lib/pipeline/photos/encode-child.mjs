// The photo encoder's child-process entry (lib/shared/run-entry.mjs says how it starts), so it
// loads whatever flags the parent runs with (node --import tsx, vitest, the bundle).
import { runEntry } from "../../shared/run-entry.mjs";

await runEntry("encode-child", new URL("./encode-child.ts", import.meta.url).href);
