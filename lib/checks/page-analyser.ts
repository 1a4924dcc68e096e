/**
 * Reads one page into facts: html-validate (the slow part) and one cheerio parse, then drops
 * the page; or one email edition (email.ts: caniemail and html-validate). The same code runs
 * in each worker thread and in the main thread's lane (pool.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { sha256 } from "../shared/store.ts";
import { type EmailFacts, emailFactsSchema, readEmailFileFacts } from "./email.ts";
import { createValidator, loadConfig, validatorMessages } from "./html.ts";
import { readPageFacts } from "./page-facts.ts";
import { type PageFacts, pageFactsSchema } from "./page-facts-schema.ts";

export const analyserSettingsSchema = z.object({
  configPath: z.string(),
  /** The hash of the config the check's cache keys were made with. */
  configHash: z.string(),
  viewport: z.object({ width: z.number(), dpr: z.number() }),
});

export type AnalyserSettings = z.infer<typeof analyserSettingsSchema>;

/** A lane's work: a web page, or an email edition with its text part (when the site has one). */
export const laneJobSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), path: z.string() }),
  z.object({ kind: z.literal("email"), path: z.string(), textPath: z.string() }),
]);

export const laneResultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), hash: z.string(), facts: pageFactsSchema }),
  z.object({ kind: z.literal("email"), facts: emailFactsSchema }),
]);

export type LaneJob = z.infer<typeof laneJobSchema>;
export type LaneResult = z.infer<typeof laneResultSchema>;
type PageAnalysis = { hash: string; facts: PageFacts };
export type LaneAnalyser = (job: LaneJob) => Promise<LaneResult>;

function readEmail(job: { path: string; textPath: string }): EmailFacts {
  const text = existsSync(job.textPath) ? readFileSync(job.textPath, "utf8") : undefined;
  return readEmailFileFacts(readFileSync(job.path, "utf8"), text);
}

export async function createLaneAnalyser(settings: AnalyserSettings): Promise<LaneAnalyser> {
  const page = await createPageAnalyser(settings);
  return async (job) =>
    job.kind === "page"
      ? { kind: "page", ...(await page(job.path)) }
      : { kind: "email", facts: readEmail(job) };
}

async function createPageAnalyser(
  settings: AnalyserSettings,
): Promise<(file: string) => Promise<PageAnalysis>> {
  const { config, contentHash } = await loadConfig(settings.configPath);
  // The cache is keyed by the config the check started with; a file edited since must not pass as it.
  if (contentHash !== settings.configHash) {
    throw new Error(`${settings.configPath} changed while the site was being checked — run the check again`);
  }
  const validator = createValidator(config);
  return async (file) => {
    const bytes = readFileSync(file);
    const text = bytes.toString("utf8");
    const report = await validator.validateString(text, file);
    return {
      hash: sha256(bytes),
      facts: {
        bytes: bytes.length,
        html: validatorMessages(report),
        ...readPageFacts(text, settings.viewport),
      },
    };
  };
}
