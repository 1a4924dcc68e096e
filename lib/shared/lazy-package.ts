/**
 * Packages that only some builds use, loaded on their first use. A warm build whose emails and
 * fragments all come from the stores never renders or checks one, so it does not pay for
 * juice, nodemailer, caniemail or sanitize-html at start-up (a few hundred ms of every build).
 */
import { createRequire } from "node:module";

const requirePackage = createRequire(import.meta.url);

/** Returns a function that loads `specifier` when first called, and the same module ever after. */
export function lazyPackage<Module>(specifier: string): () => Module {
  let loaded: { module: Module } | undefined;
  return () => {
    loaded ??= { module: requirePackage(specifier) as Module };
    return loaded.module;
  };
}
