// The page-check worker's entry, in plain JavaScript: on Node 20 a worker thread does not get the
// parent's `--import tsx` hooks, so it registers tsx itself, then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./page-worker.ts");
