// The photo encoder's child-process entry, in plain JavaScript. Under the bundled build
// (scripts/run.mjs) it runs the bundle's child. Otherwise it registers tsx itself, so it loads
// the TypeScript whatever flags the parent runs with (node --import tsx, vitest).
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = process.env.DATELINE_BUNDLE;
if (bundle) {
  await import(pathToFileURL(path.join(bundle, "encode-child.mjs")).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./encode-child.ts");
}
