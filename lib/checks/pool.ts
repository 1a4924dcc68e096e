/**
 * Pages read into facts on every core: the main thread and one worker thread per further core,
 * each with its own html-validate; workers are given pages two at a time so none waits for its
 * next page. A worker starts from plain JavaScript (page-worker.mjs) that registers tsx, so it loads the
 * TypeScript under `node --import tsx`, under vitest, and from any working directory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { analyserSettingsSchema, createPageAnalyser, type PageAnalysis } from "./page-analyser.ts";
import { type PageFacts, pageFactsSchema } from "./page-facts.ts";

export const workerSettingsSchema = analyserSettingsSchema;

export const pageJobSchema = z.object({ id: z.number(), path: z.string() });

const replySchema = z.union([
  z.object({ id: z.number(), hash: z.string(), facts: pageFactsSchema }),
  z.object({ id: z.number(), error: z.string() }),
]);

export type WorkerSettings = z.infer<typeof workerSettingsSchema>;
export type PageReply = { id: number; hash: string; facts: PageFacts };

/**
 * A worker's old-generation heap: one page at a time needs a few tens of MB, and without a
 * bound V8 lets each worker's heap grow toward the process's default before collecting.
 */
const WORKER_HEAP_MB = 192;

/** Pages each worker holds at once: one validating, one waiting. */
const IN_FLIGHT = 2;

/** One lane per core (the main thread and a worker for each further core), or fewer when there are fewer pages. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Reads every page (absolute paths) into facts, calling `onFacts` as each arrives, in no
 * particular order, on `threads` lanes: the main thread (idle otherwise while pages are read)
 * and a worker thread for each further core. A lane costs an isolate of its own, about 130 MB,
 * so the main thread's lane keeps one core's worth of memory out of every build.
 * Rejects on the first page a lane cannot read.
 */
export async function readPagesInWorkers(
  paths: readonly string[],
  settings: WorkerSettings,
  threads: number,
  onFacts: (index: number, hash: string, facts: PageFacts) => void,
): Promise<void> {
  if (paths.length === 0) return;
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
      const arrived = (id: number, hash: string, facts: PageFacts): void => {
        onFacts(id, hash, facts);
        done++;
        if (done === paths.length) resolve();
      };
      const feed = (worker: Worker): void => {
        if (next >= paths.length) return;
        const id = next++;
        worker.postMessage({ id, path: paths[id] });
      };
      const lanes = Math.max(1, Math.min(threads, Math.ceil(paths.length / IN_FLIGHT)));
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
            fail(new Error(`${paths[reply.id]}: the page check failed: ${reply.error}`));
            return;
          }
          arrived(reply.id, reply.hash, reply.facts);
          feed(worker);
        });
        worker.on("error", fail);
        worker.on("exit", (code) => {
          if (done < paths.length) fail(new Error(`a page-check worker stopped (exit code ${code})`));
        });
        for (let slot = 0; slot < IN_FLIGHT; slot++) feed(worker);
      }
      // The main thread's lane: one page at a time, yielding between pages so the workers'
      // replies are taken (and the workers fed) while it validates.
      const mainLane = async (): Promise<void> => {
        const analyse = await createPageAnalyser(settings);
        while (next < paths.length && !failed) {
          const id = next++;
          const path = paths[id] ?? "";
          let result: PageAnalysis;
          try {
            result = await analyse(path);
          } catch (error) {
            const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
            throw new Error(`${path}: the page check failed: ${reason}`);
          }
          arrived(id, result.hash, result.facts);
          await new Promise((resolveTurn) => setImmediate(resolveTurn));
        }
      };
      mainLane().catch(fail);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
