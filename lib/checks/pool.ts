/**
 * Pages and email editions read into facts on every core: the main thread and one worker thread per further core,
 * each with its own html-validate; workers are given pages two at a time so none waits for its
 * next page. A worker starts from plain JavaScript (page-worker.mjs) that registers tsx, so it loads the
 * TypeScript under `node --import tsx`, under vitest, and from any working directory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import {
  analyserSettingsSchema,
  createLaneAnalyser,
  type LaneJob,
  type LaneResult,
  laneJobSchema,
  laneResultSchema,
} from "./page-analyser.ts";

export const workerSettingsSchema = analyserSettingsSchema;

export const laneMessageSchema = z.object({ id: z.number(), job: laneJobSchema });

const replySchema = z.union([
  z.object({ id: z.number(), result: laneResultSchema }),
  z.object({ id: z.number(), error: z.string() }),
]);

export type WorkerSettings = z.infer<typeof workerSettingsSchema>;
export type LaneReply = { id: number; result: LaneResult };

/**
 * A worker's old-generation heap: one page at a time needs a few tens of MB, and without a
 * bound V8 lets each worker's heap grow toward the process's default before collecting.
 */
const WORKER_HEAP_MB = 192;

/** Jobs each worker holds at once: one validating, one waiting. */
const IN_FLIGHT = 2;

/**
 * Jobs it takes to be worth a worker: starting one (tsx, html-validate, the config) costs about
 * what the main thread needs for this many pages, so a build that changed a few pages (a new
 * issue) checks them on the main thread alone.
 */
const JOBS_PER_WORKER = 24;

/** One lane per core (the main thread and a worker for each further core), or fewer when there are fewer pages. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Reads every job (pages and emails, absolute paths) into facts, calling `onResult` as each
 * arrives, in no particular order, on `threads` lanes: the main thread (idle otherwise while
 * pages are read) and a worker thread for each further core. A lane costs an isolate of its
 * own, about 130 MB, so the main thread's lane keeps one core's worth of memory out of every
 * build. Rejects on the first job a lane cannot read.
 */
export async function readInLanes(
  jobs: readonly LaneJob[],
  settings: WorkerSettings,
  threads: number,
  onResult: (index: number, result: LaneResult) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const workerUrl = new URL("./page-worker.mjs", import.meta.url);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        failed = true;
        reject(error);
      };
      const arrived = (id: number, result: LaneResult): void => {
        onResult(id, result);
        done++;
        if (done === jobs.length) resolve();
      };
      const feed = (worker: Worker): void => {
        if (next >= jobs.length) return;
        const id = next++;
        worker.postMessage({ id, job: jobs[id] });
      };
      const lanes = Math.max(1, Math.min(threads, Math.ceil(jobs.length / JOBS_PER_WORKER)));
      for (let i = 1; i < lanes; i++) {
        const worker = new Worker(workerUrl, {
          workerData: settings,
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        });
        workers.push(worker);
        worker.on("message", (message: unknown) => {
          const reply = replySchema.parse(message);
          if ("error" in reply) {
            fail(
              new Error(`${jobs[reply.id]?.path}: the ${jobs[reply.id]?.kind} check failed: ${reply.error}`),
            );
            return;
          }
          arrived(reply.id, reply.result);
          feed(worker);
        });
        worker.on("error", fail);
        worker.on("exit", (code) => {
          if (done < jobs.length) fail(new Error(`a page-check worker stopped (exit code ${code})`));
        });
        for (let slot = 0; slot < IN_FLIGHT; slot++) feed(worker);
      }
      // The main thread's lane: one job at a time, yielding between jobs so the workers'
      // replies are taken (and the workers fed) while it validates.
      const mainLane = async (): Promise<void> => {
        const analyse = await createLaneAnalyser(settings);
        while (next < jobs.length && !failed) {
          const id = next++;
          const job = jobs[id];
          if (job === undefined) continue;
          let result: LaneResult;
          try {
            result = await analyse(job);
          } catch (error) {
            const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
            throw new Error(`${job.path}: the ${job.kind} check failed: ${reason}`);
          }
          arrived(id, result);
          await new Promise((resolveTurn) => setImmediate(resolveTurn));
        }
      };
      mainLane().catch(fail);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
