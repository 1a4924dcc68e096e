/** The child process encode-process.ts starts: one batch in, progress and the result out. */
import { z } from "zod";
import { encodeBatch, encodeJobSchema } from "./encode-batch.ts";
import type { PhotoSettings } from "./settings.ts";

const requestSchema = z.object({
  jobs: z.array(encodeJobSchema),
  // The parent's own settings object, passed through as it is.
  settings: z.custom<PhotoSettings>((value) => typeof value === "object" && value !== null),
  limitInputPixels: z.number(),
  cacheDir: z.string(),
  concurrency: z.number(),
});

let finished = false;
// A parent that is gone (a killed build) wants nothing more: stop rather than encode for no one.
process.on("disconnect", () => {
  if (!finished) process.exit(1);
});

process.once("message", (message: unknown) => {
  const { jobs, ...options } = requestSchema.parse(message);
  const reply = (message: object): void => {
    finished = true;
    process.send?.(message, () => process.disconnect());
  };
  encodeBatch(jobs, options, (done, total) => process.send?.({ progress: [done, total] })).then(
    (result) => reply({ result }),
    (error: unknown) =>
      reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
