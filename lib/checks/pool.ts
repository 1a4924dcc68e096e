/**
 * Pages read into facts on every core: one worker thread per core, each with its own
 * html-validate, each given pages one or two at a time so none waits while another has a queue.
 * A worker starts from plain JavaScript (page-worker.mjs) that registers tsx, so it loads the
 * TypeScript under `node --import tsx`, under vitest, and from any working directory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { type PageFacts, pageFactsSchema } from "./page-facts.ts";

export const workerSettingsSchema = z.object({
  configPath: z.string(),
  configHash: z.string(),
  viewport: z.object({ width: z.number(), dpr: z.number() }),
});

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

/** One worker per core, or fewer when there are fewer pages. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Reads every page (absolute paths) into facts, calling `onFacts` as each arrives, in no
 * particular order. Rejects on the first page a worker cannot read.
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
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (next >= paths.length) return;
        const id = next++;
        worker.postMessage({ id, path: paths[id] });
      };
      const count = Math.max(1, Math.min(threads, Math.ceil(paths.length / IN_FLIGHT)));
      for (let i = 0; i < count; i++) {
        const worker = new Worker(workerUrl, {
          workerData: settings,
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        });
        workers.push(worker);
        worker.on("message", (message: unknown) => {
          const reply = replySchema.parse(message);
          if ("error" in reply) {
            reject(new Error(`${paths[reply.id]}: the page check failed: ${reply.error}`));
            return;
          }
          onFacts(reply.id, reply.hash, reply.facts);
          done++;
          if (done === paths.length) resolve();
          else feed(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < paths.length) reject(new Error(`a page-check worker stopped (exit code ${code})`));
        });
        for (let slot = 0; slot < IN_FLIGHT; slot++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
