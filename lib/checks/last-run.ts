/**
 * The cross-page checks' memory of the last run, so they follow what changed. A page's
 * cross-page problems (broken links, missing fragments, JSON-LD targets, budgets) are a pure
 * function of its own bytes, its source file, the site's origin and, for each file it looked at,
 * whether that file exists, its size, or (for a fragment) the target page's bytes. Each page's
 * problems are kept with exactly those dependencies, recorded as the checks ask for them; a page
 * whose bytes and dependencies are all as they were gets its kept problems back unchecked.
 * Anything else (a page's first run, a changed origin, a damaged record) is checked afresh.
 */
import { z } from "zod";
import type { JsonStore } from "../shared/store.ts";
import { sha256 } from "../shared/store.ts";
import type { BuiltSite, CheckProblem } from "./site.ts";

const problemSchema = z.object({
  file: z.string(),
  message: z.string(),
  source: z.string().optional(),
  field: z.string().optional(),
});

/** One checked file: its key (page hash or email key), its source, its problems, what it read. */
const recordSchema = z.object({
  key: z.string(),
  source: z.string().nullable(),
  problems: z.array(problemSchema),
  /** Indexes into `files` of files that existed, and of files that did not. */
  present: z.array(z.number().int().nonnegative()),
  absent: z.array(z.number().int().nonnegative()),
  /** [file index, bytes] of files whose size it read. */
  sizes: z.array(z.tuple([z.number().int().nonnegative(), z.number()])),
  /** [file index, page hash] of pages whose ids it read. */
  anchors: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
});

const lastRunSchema = z.object({
  origin: z.string().nullable(),
  /** Every file name the records mention, once. */
  files: z.array(z.string()),
  records: z.record(z.string(), recordSchema),
});

type LastRunData = z.infer<typeof lastRunSchema>;
type RunRecord = z.infer<typeof recordSchema>;

/** What one page's checks read of the rest of the site. */
export interface Dependencies {
  present: Set<string>;
  absent: Set<string>;
  sizes: Map<string, number>;
  anchors: Map<string, string>;
}

/** The page hash a fragment's target had, or undefined when it is not a page. */
export type PageHashOf = (file: string) => string | undefined;

/**
 * The site as one page's checks see it, noting every file they ask about. A resolved URL is
 * noted with both files a static host could serve it from (`a` and `a/index.html`), so a page
 * that appears at either changes the verdict.
 */
export function recordingSite(site: BuiltSite, dependencies: Dependencies): BuiltSite {
  const exists = (file: string): boolean => {
    const found = site.has(file);
    (found ? dependencies.present : dependencies.absent).add(file);
    return found;
  };
  return {
    dir: site.dir,
    files: site.files,
    origin: site.origin,
    has: exists,
    read: site.read,
    size: (file) => {
      const bytes = site.size(file);
      dependencies.sizes.set(file, bytes);
      return bytes;
    },
    resolve: (value, base) => {
      const resolved = site.resolve(value, base);
      if (typeof resolved !== "string") {
        exists(resolved.file);
        const folder = resolved.file.replace(/\/index\.html$/, "");
        if (folder !== resolved.file) exists(folder);
        else exists(`${resolved.file}/index.html`);
      }
      return resolved;
    },
  };
}

export function noDependencies(): Dependencies {
  return { present: new Set(), absent: new Set(), sizes: new Map(), anchors: new Map() };
}

/** The store key of the last run's record: one per check fingerprint (the store's folder). */
const LAST_RUN_KEY = sha256("dateline-checks last run");

export class LastRun {
  private readonly previous: LastRunData | undefined;
  private readonly next: LastRunData;
  private readonly fileIndex = new Map<string, number>();

  constructor(
    private readonly store: JsonStore,
    origin: string | undefined,
  ) {
    const loaded = store.read(LAST_RUN_KEY, lastRunSchema);
    this.previous = loaded && loaded.origin === (origin ?? null) ? loaded : undefined;
    this.next = { origin: origin ?? null, files: [], records: {} };
  }

  /**
   * The problems kept for `file` if nothing they depend on changed: its key and source are the
   * same, and every file it read still exists (or not), has its size, or has its bytes.
   */
  reuse(
    file: string,
    key: string,
    source: string | undefined,
    site: Pick<BuiltSite, "has" | "size">,
    pageHashOf: PageHashOf,
  ): CheckProblem[] | undefined {
    const record = this.previous?.records[file];
    const files = this.previous?.files;
    if (!record || !files || record.key !== key || record.source !== (source ?? null)) return undefined;
    const name = (index: number): string | undefined => files[index];
    for (const index of record.present) {
      const dependency = name(index);
      if (dependency === undefined || !site.has(dependency)) return undefined;
    }
    for (const index of record.absent) {
      const dependency = name(index);
      if (dependency === undefined || site.has(dependency)) return undefined;
    }
    for (const [index, bytes] of record.sizes) {
      const dependency = name(index);
      if (dependency === undefined || !site.has(dependency) || site.size(dependency) !== bytes)
        return undefined;
    }
    for (const [index, hash] of record.anchors) {
      const dependency = name(index);
      if (dependency === undefined || (pageHashOf(dependency) ?? "") !== hash) return undefined;
    }
    this.keep(file, record, files);
    return record.problems;
  }

  /** Keeps a freshly checked file's problems with what it read. */
  record(
    file: string,
    key: string,
    source: string | undefined,
    problems: CheckProblem[],
    dependencies: Dependencies,
  ): void {
    this.next.records[file] = {
      key,
      source: source ?? null,
      problems,
      present: [...dependencies.present].map((name) => this.indexOf(name)),
      absent: [...dependencies.absent].map((name) => this.indexOf(name)),
      sizes: [...dependencies.sizes].map(([name, bytes]) => [this.indexOf(name), bytes]),
      anchors: [...dependencies.anchors].map(([name, hash]) => [this.indexOf(name), hash]),
    };
  }

  /** Writes this run's records for the next run. */
  save(): void {
    this.store.write(LAST_RUN_KEY, this.next);
  }

  private keep(file: string, record: RunRecord, files: readonly string[]): void {
    const rename = (index: number): number => this.indexOf(files[index] ?? "");
    this.next.records[file] = {
      ...record,
      present: record.present.map(rename),
      absent: record.absent.map(rename),
      sizes: record.sizes.map(([index, bytes]) => [rename(index), bytes]),
      anchors: record.anchors.map(([index, hash]) => [rename(index), hash]),
    };
  }

  private indexOf(name: string): number {
    let index = this.fileIndex.get(name);
    if (index === undefined) {
      index = this.next.files.length;
      this.next.files.push(name);
      this.fileIndex.set(name, index);
    }
    return index;
  }
}
