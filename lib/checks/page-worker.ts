/** A worker thread that reads pages into facts (page-analyser.ts); pool.ts runs one per extra core. */
import { parentPort, workerData } from "node:worker_threads";
import { createPageAnalyser } from "./page-analyser.ts";
import { type PageReply, pageJobSchema, workerSettingsSchema } from "./pool.ts";

const analyse = await createPageAnalyser(workerSettingsSchema.parse(workerData));

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
