/**
 * Step 2 of the pipeline (process.ts): encode the photos the cache does not have, a few at a
 * time, then every photo that failed once more, alone. libvips keeps one error buffer (and
 * one warning queue) per process, so with company a failure can carry another photo's reason
 * or "Unknown error"; alone, the reason is the photo's own. Only the solo run's message counts.
 *
 * The build runs this in a child process (encode-process.ts): libvips and the allocator keep
 * hundreds of MB after encoding, and only a process that exits gives them back.
 */
import { readFile, stat } from "node:fs/promises";
import sharp from "sharp";
import { z } from "zod";
import { hashBuffer, objectKey, photoRecordSchema, readRecord, writeObject } from "./cache.ts";
import { errorReason, messages } from "./problems.ts";
import { encodePhoto } from "./renditions.ts";
import { focusSchema, type PhotoSettings, settingsHash } from "./settings.ts";

export const encodeJobSchema = z.object({ src: z.string(), file: z.string(), focus: focusSchema });
export type EncodeJob = z.infer<typeof encodeJobSchema>;

export interface EncodeBatchOptions {
  settings: PhotoSettings;
  limitInputPixels: number;
  cacheDir: string;
  /** Photos encoded at once. */
  concurrency: number;
}

/** What became of one job: the file as read (for the hash index), then its record or reason. */
const encodeOutcomeSchema = z.object({
  src: z.string(),
  file: z
    .object({ size: z.number(), mtimeMs: z.number(), ctimeMs: z.number(), ino: z.number(), hash: z.string() })
    .optional(),
  key: z.string().optional(),
  record: photoRecordSchema.optional(),
  message: z.string().optional(),
});
type EncodeOutcome = z.infer<typeof encodeOutcomeSchema>;

export const encodeBatchResultSchema = z.object({
  outcomes: z.array(encodeOutcomeSchema),
  /** sharp instances used (metadata reads, resizes, encodes). */
  encoded: z.number(),
  /** Photos that failed in the concurrent pass and were tried again alone. */
  retried: z.number(),
});
export type EncodeBatchResult = z.infer<typeof encodeBatchResultSchema>;

/** Encodes every job into the cache; outcomes come back in job order. */
export async function encodeBatch(
  jobs: readonly EncodeJob[],
  options: EncodeBatchOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<EncodeBatchResult> {
  const { settings, limitInputPixels, cacheDir, concurrency } = options;
  const variant = settingsHash(settings);
  let encoded = 0;
  const encodeOne = async (job: EncodeJob, alone: boolean): Promise<EncodeOutcome> => {
    const outcome: EncodeOutcome = { src: job.src };
    try {
      const input = await readFile(job.file);
      const hash = hashBuffer(input);
      const { size, mtimeMs, ctimeMs, ino } = await stat(job.file);
      outcome.file = { size, mtimeMs, ctimeMs, ino, hash };
      outcome.key = objectKey(hash, variant, job.focus);
      const cached = readRecord(cacheDir, outcome.key);
      if (cached) return { ...outcome, record: cached };
      const result = await encodePhoto(input, job.src, {
        settings,
        focus: job.focus,
        limitInputPixels,
        alone,
        count: () => {
          encoded += 1;
        },
      });
      if (!result.ok) return { ...outcome, message: result.message };
      const record = { hash, bytes: input.length, ...result.record };
      await writeObject(cacheDir, outcome.key, record, result.files);
      return { ...outcome, record };
    } catch (error) {
      return { ...outcome, message: messages.notReadable(errorReason(error)) };
    }
  };

  const previousThreads = sharp.concurrency();
  sharp.concurrency(settings.vipsThreads);
  try {
    const outcomes = new Array<EncodeOutcome>(jobs.length);
    let next = 0;
    let done = 0;
    onProgress?.(0, jobs.length);
    const lane = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        outcomes[index] = await encodeOne(jobs[index] as EncodeJob, concurrency === 1);
        done += 1;
        onProgress?.(done, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
    let retried = 0;
    if (concurrency > 1) {
      // In source order, so the retries (and their messages) do not depend on timing.
      const failed = outcomes
        .map((outcome, index) => ({ outcome, index }))
        .filter(({ outcome }) => outcome.message !== undefined)
        .sort((a, b) => (a.outcome.src < b.outcome.src ? -1 : a.outcome.src > b.outcome.src ? 1 : 0));
      for (const { index } of failed) {
        outcomes[index] = await encodeOne(jobs[index] as EncodeJob, true);
        retried += 1;
      }
    }
    return { outcomes, encoded, retried };
  } finally {
    sharp.concurrency(previousThreads);
  }
}
