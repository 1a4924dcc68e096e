/**
 * Reads one page into facts: html-validate (the slow part) and one cheerio parse, then drops
 * the page. The same code runs in each worker thread and in the main thread's lane (pool.ts).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { sha256 } from "./cache.ts";
import { createValidator, loadConfig, validatorMessages } from "./html.ts";
import { type PageFacts, readPageFacts } from "./page-facts.ts";

export const analyserSettingsSchema = z.object({
  configPath: z.string(),
  /** The hash of the config the check's cache keys were made with. */
  configHash: z.string(),
  viewport: z.object({ width: z.number(), dpr: z.number() }),
});

export type AnalyserSettings = z.infer<typeof analyserSettingsSchema>;

export type PageAnalysis = { hash: string; facts: PageFacts };

export type PageAnalyser = (file: string) => Promise<PageAnalysis>;

export async function createPageAnalyser(settings: AnalyserSettings): Promise<PageAnalyser> {
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
