/** A worker thread that reads pages and emails into facts (page-analyser.ts); pool.ts runs one per extra core. */
import { parentPort, workerData } from "node:worker_threads";
import { createLaneAnalyser } from "./page-analyser.ts";
import { type LaneReply, laneMessageSchema, workerSettingsSchema } from "./pool.ts";

const analyse = await createLaneAnalyser(workerSettingsSchema.parse(workerData));

parentPort?.on("message", (message: unknown) => {
  const { id, job } = laneMessageSchema.parse(message);
  analyse(job).then(
    (result) => parentPort?.postMessage({ id, result } satisfies LaneReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
