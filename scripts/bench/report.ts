/**
 * The bench's report: the situations it times, their labels, one table per corpus size with
 * medians, ratios, peak memory and phases, and issue 19's targets with pass or fail.
 */

export const SITUATIONS = ["cold", "new issue", "one-word edit"] as const;
export type Situation = (typeof SITUATIONS)[number];
export const LABELS: Record<Situation | "dev server" | "eleventy" | "hugo", string> = {
  cold: "npm run build, cold (no caches)",
  "new issue": "npm run build, one new issue",
  "one-word edit": "npm run build, one-word edit",
  "dev server": "dev server: save to served page",
  eleventy: "plain Eleventy, cold",
  hugo: "Hugo, cold",
};

export interface Summary {
  ms: number;
  /** Highest peak RSS of the largest process over the runs, KiB. */
  peakKiB: number;
  /** Dateline's last line of phase times, from the median run. */
  phases: string | undefined;
  /** Dateline's summary line ("Built _site/ in …"), from the median run. */
  built: string | undefined;
  /** The build process's peak RSS at each phase's end ("peak RSS: photos 190 MB · …"), from the median run. */
  peaks?: string | undefined;
  runs: number;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const megabytes = (kib: number) => `${(kib / 1024).toFixed(0)} MB`;
const times = (value: number | undefined) => (value === undefined ? "—" : `${value.toFixed(2)}×`);

export interface SizeResult {
  n: number;
  results: Partial<Record<Situation | "dev server" | "eleventy" | "hugo", Summary>>;
  largest: { page: string; bytes: number; pages: number };
}

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 || column === row.length - 1
            ? cell.padEnd(widths[column] ?? 0)
            : cell.padStart(widths[column] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function report({ n, results, largest }: SizeResult): string {
  const eleventy = results.eleventy?.ms;
  const hugo = results.hugo?.ms;
  const rows = [["", "median", "× Eleventy cold", "× Hugo cold", "peak RSS", "runs", "phases"]];
  for (const key of [...SITUATIONS, "dev server", "eleventy", "hugo"] as const) {
    const result = results[key];
    if (!result) continue;
    rows.push([
      LABELS[key],
      seconds(result.ms),
      times(eleventy && result.ms / eleventy),
      times(hugo && result.ms / hugo),
      result.peakKiB > 0 ? megabytes(result.peakKiB) : "—",
      String(result.runs),
      result.phases ?? (SITUATIONS.includes(key as Situation) ? "(no phase line)" : ""),
    ]);
  }
  const lines = [`N=${n} issues`, table(rows)];
  for (const key of SITUATIONS) {
    const built = results[key]?.built;
    if (built) lines.push(`${key}: ${built}`);
    const peaks = results[key]?.peaks;
    if (peaks) lines.push(`${key}: ${peaks}`);
  }
  lines.push(
    `largest HTML page: ${largest.page} ${(largest.bytes / 1024).toFixed(1)} KB (of ${largest.pages} HTML pages)`,
  );
  return `${lines.join("\n")}\n`;
}

/** Issue 19's targets, one column per corpus size. */
export function targets(sizes: SizeResult[]): string {
  const verdict = (value: number | undefined, limit: number | undefined, shown: string) =>
    value === undefined || limit === undefined ? "—" : `${shown} ${value <= limit ? "pass" : "FAIL"}`;
  const rows: string[][] = [["target", ...sizes.map(({ n }) => `${n} issues`), ""]];
  const row = (name: string, cell: (size: SizeResult) => string) => rows.push([name, ...sizes.map(cell), ""]);
  const ratio = (situation: Situation, limit: number) => (size: SizeResult) => {
    const r = size.results;
    const value = r[situation] && r.eleventy && r[situation].ms / r.eleventy.ms;
    return verdict(value, limit, times(value));
  };
  row("after one new issue ≤ 1.0× plain Eleventy cold", ratio("new issue", 1.0));
  row("after a one-word edit ≤ 1.0× plain Eleventy cold", ratio("one-word edit", 1.0));
  row("moonshot: after one new issue ≤ Hugo cold", ({ results: r }) => {
    const value = r["new issue"] && r.hugo && r["new issue"].ms / r.hugo.ms;
    return verdict(value, 1.0, times(value));
  });
  row("cold ≤ 2.5× plain Eleventy cold", ratio("cold", 2.5));
  row("dev server: save to served page ≤ 1 s (≤ 2 s from 4,000 issues)", ({ n, results: r }) => {
    const ms = r["dev server"]?.ms;
    return verdict(ms, n >= 4000 ? 2000 : 1000, ms === undefined ? "" : seconds(ms));
  });
  row("peak memory of any build process ≤ 600 MB", ({ results: r }) => {
    const peak = Math.max(...SITUATIONS.map((key) => r[key]?.peakKiB ?? 0)) / 1024;
    return verdict(peak, 600, `${peak.toFixed(0)} MB`);
  });
  row("largest HTML page ≤ 100 KB", ({ largest }) =>
    verdict(largest.bytes / 1024, 100, `${(largest.bytes / 1024).toFixed(1)} KB`),
  );
  return `Targets (issue 19)\n${table(rows)}\n`;
}
