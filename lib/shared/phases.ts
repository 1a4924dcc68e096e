/**
 * Where a build's time goes: `photos 0.1 s · content 0.3 s · render 2.1 s · search 0.8 s · …`.
 * The build script times its own phases; the photos and content phases run inside Eleventy's
 * `eleventy.before` hook, so the content plugin records them here and the build subtracts them
 * from Eleventy's time to get "render". Both sides share one recorder per process.
 */

export interface PhaseRecorder {
  /** Says that a phase starts (`render…`), so a long build shows where it is. */
  announce(name: string): void;
  /** Adds a phase measured elsewhere; a name recorded twice adds up. */
  record(name: string, milliseconds: number): void;
  /** Milliseconds recorded under `name` (0 if none). */
  get(name: string): number;
  /** Announces, runs and records `fn` (also when it throws). */
  time<T>(name: string, fn: () => T | Promise<T>): Promise<T>;
  /** Phases in the order they were first recorded. */
  entries(): [name: string, milliseconds: number][];
  /** The process's peak RSS in bytes when each phase last ended, in the same order. */
  peaks(): [name: string, bytes: number][];
  clear(): void;
}

/** This process's peak resident memory so far, in bytes (Linux and macOS report it in KiB). */
function peakResidentBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function createPhaseRecorder(
  announce: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => number = () => performance.now(),
  peak: () => number = peakResidentBytes,
): PhaseRecorder {
  const phases = new Map<string, number>();
  const peaks = new Map<string, number>();
  const record = (name: string, milliseconds: number): void => {
    phases.set(name, (phases.get(name) ?? 0) + Math.max(0, milliseconds));
    // The peak so far, as the phase ends: the phase whose figure jumps is the one that grew.
    peaks.set(name, peak());
  };
  return {
    announce: (name) => announce(`${name}…`),
    record,
    get: (name) => phases.get(name) ?? 0,
    async time(name, fn) {
      announce(`${name}…`);
      const started = now();
      try {
        return await fn();
      } finally {
        record(name, now() - started);
      }
    },
    entries: () => [...phases],
    peaks: () => [...peaks],
    clear: () => {
      phases.clear();
      peaks.clear();
    },
  };
}

/**
 * `peak RSS: photos 190 MB · render 640 MB · checks 911 MB`: the build process's peak when each
 * phase ended (not its children's: the photo encoder and Pagefind are processes of their own).
 */
export function formatPeaks(peaks: Iterable<[string, number]>): string {
  const shown = [...peaks].map(([name, bytes]) => `${name} ${Math.round(bytes / 1_000_000)} MB`);
  return `peak RSS: ${shown.join(" · ")}`;
}

/** `photos 0.1 s · content 0.3 s · render 2.1 s` (tenths of a second). */
export function formatPhases(phases: Iterable<[string, number]>): string {
  return [...phases].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(" · ");
}

// One recorder per process, even if this module were loaded twice (Eleventy imports the config,
// and through it the plugins, on its own).
const SHARED = Symbol.for("dateline.build.phases");
const holder = globalThis as typeof globalThis & { [SHARED]?: PhaseRecorder };
holder[SHARED] ??= createPhaseRecorder();
export const buildPhases: PhaseRecorder = holder[SHARED];

/** For the Eleventy plugins: record a phase measured elsewhere, in milliseconds. */
export const recordPhase = (name: string, milliseconds: number): void =>
  buildPhases.record(name, milliseconds);
