/**
 * Progress of a long photo run: `photos 12/50, ~40 s left`. On a terminal one line is
 * rewritten in place; elsewhere (CI logs) a plain line is printed at every tenth.
 */

interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Where to write; `process.stderr` by default. */
  stream?: ProgressStream;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
  label?: string;
}

/**
 * The progress line for `done` of `total` after `elapsedMs`.
 *
 * @example
 * formatProgress(12, 50, 12_600) // "photos 12/50, ~40 s left"
 * formatProgress(50, 50, 61_000) // "photos 50/50, done in 1 min 1 s"
 */
export function formatProgress(done: number, total: number, elapsedMs: number, label = "photos"): string {
  const head = `${label} ${done}/${total}`;
  if (done >= total) return `${head}, done in ${formatDuration(elapsedMs)}`;
  if (done === 0) return head;
  const left = (elapsedMs / done) * (total - done);
  return `${head}, ~${formatDuration(left)} left`;
}

/**
 * A duration for people: "< 1 s", "40 s", "3 min 5 s".
 *
 * @example
 * formatDuration(185_000) // "3 min 5 s"
 */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return "< 1 s";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/**
 * An `onProgress(done, total)` callback that reports to a stream. The clock starts at
 * the first call (done = 0), so the estimate only counts encoding time.
 *
 * @example
 * await processPhotos({ …, onProgress: createProgressReporter() });
 */
export function createProgressReporter(options: ProgressOptions = {}): (done: number, total: number) => void {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? "photos";
  let started: number | undefined;
  let width = 0;
  let lastTenth = -1;
  return (done, total) => {
    if (total === 0) return;
    started ??= now();
    const line = formatProgress(done, total, now() - started, label);
    if (stream.isTTY) {
      // Pad to the previous line's length so a shorter line leaves no tail behind.
      stream.write(`\r${line.padEnd(width)}${done >= total ? "\n" : ""}`);
      width = line.length;
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (done > 0 && (tenth > lastTenth || done >= total)) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
