/**
 * A worker thread that reads pages into facts: html-validate (the slow part, 12–15 ms a page)
 * and one cheerio parse, then drops the page. pool.ts runs one per core.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { sha256 } from "./cache.ts";
import { createValidator, loadConfig, validatorMessages } from "./html.ts";
import { readPageFacts } from "./page-facts.ts";
import { type PageReply, pageJobSchema, workerSettingsSchema } from "./pool.ts";

const settings = workerSettingsSchema.parse(workerData);
const { config, contentHash } = await loadConfig(settings.configPath);
// The main thread keyed the cache by the config it read; a file edited since must not pass as it.
if (contentHash !== settings.configHash) {
  throw new Error(`${settings.configPath} changed while the site was being checked — run the check again`);
}
const validator = createValidator(config);

async function analyse(file: string): Promise<Omit<PageReply, "id">> {
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
}

parentPort?.on("message", (message: unknown) => {
  const job = pageJobSchema.parse(message);
  analyse(job.path).then(
    (result) => parentPort?.postMessage({ id: job.id, ...result } satisfies PageReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
