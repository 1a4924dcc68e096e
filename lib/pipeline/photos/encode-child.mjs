// The photo encoder's child-process entry, in plain JavaScript: it registers tsx itself, so it
// loads the TypeScript whatever flags the parent runs with (node --import tsx, vitest).
import { register } from "tsx/esm/api";

register();
await import("./encode-child.ts");
