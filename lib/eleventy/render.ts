/**
 * Eleventy as the build runs it: renders the views into a staging folder, quietly, and records
 * the render phase (Eleventy's time less the pipeline's, which runs inside its write).
 */
import Eleventy from "@11ty/eleventy";
import { pageSources, type SiteViews, VIEWS_EVENT } from "../pipeline/views/site.ts";
import { buildPhases } from "../shared/phases.ts";
import { bundledEntry } from "../shared/source-modules.ts";
import type { KnownHash } from "../shared/store.ts";
import { OUTPUTS_EVENT, type RenderedOutputs } from "./content.ts";

/** Eleventy's programmatic config hook: says when rendering starts (after the photos and content). */
interface ProgressConfig {
  on(event: "eleventy.contentMap", callback: () => void): void;
  on(event: typeof VIEWS_EVENT, callback: (views: SiteViews) => void): void;
  on(event: typeof OUTPUTS_EVENT, callback: (outputs: RenderedOutputs) => void): void;
}

/** What the render leaves the build: each issue page's source file, and how many outputs were rendered or taken. */
interface Rendered {
  sources: Record<string, string>;
  /** Files Eleventy wrote, and files taken from the output store. */
  outputs: { rendered: number; taken: number; verified: number };
  /** Each output's sha256 as the output store placed it, by absolute path (for the checks). */
  known: ReadonlyMap<string, KnownHash>;
}

/**
 * Renders the site into `staging`; returns each issue page's source file, so check messages can
 * name the file to fix, and the output counts. Nothing of Eleventy outlives this function.
 */
export async function renderSite(staging: string): Promise<Rendered> {
  let sources: Record<string, string> = {};
  let taken = 0;
  let verified = 0;
  let known: ReadonlyMap<string, KnownHash> = new Map();
  const progress = (config: ProgressConfig): void => {
    config.on("eleventy.contentMap", () => buildPhases.announce("render"));
    config.on(VIEWS_EVENT, (views) => {
      sources = pageSources(views);
    });
    config.on(OUTPUTS_EVENT, (outputs) => {
      taken = outputs.taken;
      verified = outputs.verified;
      known = outputs.known;
    });
  };
  // The bundled build's copy of the config shares the bundle's modules (scripts/run.mjs).
  const configPath = bundledEntry("eleventy.config") ?? "eleventy.config.ts";
  const options = { configPath, quietMode: true, config: progress };
  const eleventy = new Eleventy("src", staging, options);
  // Our own summary and error report replace Eleventy's log (and its stack traces).
  eleventy.disableLogger();
  const writeStarted = performance.now();
  const [, written] = (await eleventy.write()) as [unknown, unknown[]];
  // The content plugin records photos and content, which ran inside Eleventy's write.
  buildPhases.record(
    "render",
    performance.now() -
      writeStarted -
      buildPhases.get("photos") -
      buildPhases.get("content") -
      buildPhases.get("views"),
  );
  return { sources, outputs: { rendered: written.length, taken, verified }, known };
}
