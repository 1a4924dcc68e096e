/**
 * Runs encode-batch.ts in a child process. Encoding leaves libvips's caches and the
 * allocator's arenas holding hundreds of MB that the process never returns; the child gives
 * them back when it exits, so the rest of the build (render, checks) starts small.
 * Only a build that has photos to encode pays the child's start (about half a second).
 */
import { fork } from "node:child_process";
import { z } from "zod";
import {
  type EncodeBatchOptions,
  type EncodeBatchResult,
  type EncodeJob,
  encodeBatchResultSchema,
} from "./encode-batch.ts";

const replySchema = z.union([
  z.object({ progress: z.tuple([z.number(), z.number()]) }),
  z.object({ result: encodeBatchResultSchema }),
  z.object({ error: z.string() }),
]);

export function encodeInChildProcess(
  jobs: readonly EncodeJob[],
  options: EncodeBatchOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<EncodeBatchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./encode-child.mjs", import.meta.url), [], {
      execArgv: [],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: EncodeBatchResult | undefined;
    let failure: Error | undefined;
    child.on("message", (message: unknown) => {
      const reply = replySchema.parse(message);
      if ("progress" in reply) onProgress?.(...reply.progress);
      else if ("result" in reply) result = reply.result;
      else failure = new Error(`the photo encoder failed: ${reply.error}`);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (failure) reject(failure);
      else if (result) resolve(result);
      else
        reject(new Error(`the photo encoder stopped (${signal ?? `exit code ${code}`}) before it finished`));
    });
    child.send({ jobs, ...options });
  });
}
